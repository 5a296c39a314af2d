import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../store/database.ts'
import { type PortalPage, portalDocument, portalStylesheet } from './layout.ts'
import {
  badRequestPage,
  frameworkPage,
  notFoundPage,
  overviewPage,
  partnerPage,
  programmePage,
  statementsPage,
} from './pages.ts'
import {
  issuedStatements,
  loadFramework,
  loadOverview,
  loadPartner,
  loadProgramme,
  statementsPerPage,
} from './portal-data.ts'

/**
 * No script at all, styles from our one file, nothing framed, no form anywhere: the portal is
 * read-only HTML for the public. Sent instead of the staff app's policy (security-headers.ts keeps
 * a route's own policy).
 */
export const portalContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Every visitor gets the same page (the public's view), so shared caches may keep it a minute. */
export const portalCacheControl = 'public, max-age=60'

const stylesheet = readFileSync(new URL('./portal.css', import.meta.url), 'utf8')

function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** Whether If-None-Match names this tag (weak comparison, as RFC 9110 asks for GET). */
function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (header === undefined) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, type: string, body: string) {
  const etag = entityTag(body)
  reply
    .header('content-security-policy', portalContentSecurityPolicy)
    .header('cache-control', portalCacheControl)
    .header('etag', etag)
  if (status === 200 && notModified(request, etag)) {
    return reply.code(304).send()
  }
  return reply.code(status).type(type).send(body)
}

function sendPage(request: FastifyRequest, reply: FastifyReply, page: PortalPage, status = 200) {
  return send(request, reply, status, 'text/html; charset=utf-8', portalDocument(page))
}

/** Country codes as the API spells them; anything else cannot name a published partner. */
const partnerCode = /^[A-Z]{3}$/
const recordId = /^[A-Za-z0-9_-]{1,100}$/
/** More pages than any trail of statements will have; a bigger number is a typing mistake. */
const lastPageAsked = 10_000

/** The public portal at /public: server-rendered, read-only, cacheable (README, "Public portal"). */
export async function publicPortalRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const hidden = { schema: { hide: true } }

  app.get(portalStylesheet, hidden, async (request, reply) =>
    send(request, reply, 200, 'text/css; charset=utf-8', stylesheet),
  )

  app.get('/public', hidden, async (request, reply) =>
    sendPage(request, reply, overviewPage(await loadOverview(db))),
  )

  app.get<{ Params: { code: string } }>('/public/partners/:code', hidden, async (request, reply) => {
    const { code } = request.params
    const data = partnerCode.test(code) ? await loadPartner(db, code) : null
    return data === null
      ? sendPage(request, reply, notFoundPage(), 404)
      : sendPage(request, reply, partnerPage(data))
  })

  app.get<{ Params: { id: string } }>('/public/frameworks/:id', hidden, async (request, reply) => {
    const { id } = request.params
    const data = recordId.test(id) ? await loadFramework(db, id) : null
    return data === null
      ? sendPage(request, reply, notFoundPage(), 404)
      : sendPage(request, reply, frameworkPage(data))
  })

  app.get<{ Params: { id: string } }>('/public/programmes/:id', hidden, async (request, reply) => {
    const { id } = request.params
    const data = recordId.test(id) ? await loadProgramme(db, id) : null
    return data === null
      ? sendPage(request, reply, notFoundPage(), 404)
      : sendPage(request, reply, programmePage(data))
  })

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/public/statements',
    hidden,
    async (request, reply) => {
      const asked = request.query.page ?? '1'
      if (typeof asked !== 'string' || !/^[1-9][0-9]{0,4}$/.test(asked) || Number(asked) > lastPageAsked) {
        return sendPage(request, reply, badRequestPage('The page must be a whole number from 1.'), 400)
      }
      const number = Number(asked)
      const { items, total } = await issuedStatements(db, {
        limit: statementsPerPage,
        offset: (number - 1) * statementsPerPage,
      })
      const last = Math.max(1, Math.ceil(total / statementsPerPage))
      if (number > last) return sendPage(request, reply, notFoundPage(), 404)
      return sendPage(request, reply, statementsPage(items, { number, last }))
    },
  )

  // Any other address under /public is the portal's own 404, never the staff app.
  app.get<{ Params: { '*': string } }>('/public/*', hidden, async (request, reply) =>
    request.params['*'] === ''
      ? reply.redirect('/public', 301)
      : sendPage(request, reply, notFoundPage(), 404),
  )
}
