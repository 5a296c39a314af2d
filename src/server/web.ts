import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

const missingBuild = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Liaison</title></head>
<body><main><h1>Liaison</h1><p>The web app has not been built. Run <code>npm run build</code>, or start with <code>npm start</code>.</p>
<p>The API is available at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`

/** Serves the built single-page app; any other non-API path gets index.html for client routing. */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html')
  const hasBuild = existsSync(indexFile)
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false })
  }
  const indexHtml = hasBuild ? readFileSync(indexFile, 'utf8') : missingBuild
  // The front door: a visitor who is not signed in is sent to the public portal rather than the
  // staff app's sign-in page. Every other address of the app keeps its sign-in page (/sign-in).
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    reply.header('vary', 'Cookie').header('cache-control', 'no-cache')
    if (request.principal.userId === null) {
      return reply.redirect('/public', 302)
    }
    return reply.type('text/html; charset=utf-8').send(indexHtml)
  })
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      // Not a client route: the API's own answer, a 404, or a 405 where the path takes other methods.
      return reply.callNotFound()
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml)
  })
}
