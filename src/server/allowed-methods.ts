import type { FastifyInstance } from 'fastify'
import { type ProblemBody, problemTypeBase } from './problem-body.ts'

/** The methods a route of this API can have; HEAD comes with every GET (Fastify's exposeHeadRoutes). */
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/**
 * Whether a router match is the web app's catch-all (`/*`, index.html for client routes). Under
 * /api/ it answers 404 for every path, so it must not make an unknown API path look known.
 */
function isCatchAll(params: unknown, path: string): boolean {
  return (params as Record<string, unknown> | null)?.['*'] === path.slice(1)
}

/** The methods the router has a route for at this concrete path, in the order of `methods`. */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  const api = path.startsWith('/api/')
  return methods.filter((method) => {
    const route = app.findRoute({ method, url: path })
    return route !== null && !(api && isCatchAll(route.params, path))
  })
}

/**
 * The 405 answer (RFC 9110 §15.5.6) to a method that the path does not support but others do, with
 * the Allow header value; undefined when no method is served at the path (a 404).
 */
export function methodNotAllowed(
  app: FastifyInstance,
  method: string,
  path: string,
): { allow: string; problem: ProblemBody } | undefined {
  const allowed = allowedMethods(app, path)
  if (allowed.length === 0) {
    return undefined
  }
  const allow = allowed.join(', ')
  return {
    allow,
    problem: {
      type: `${problemTypeBase}method-not-allowed`,
      title: 'Method not allowed',
      status: 405,
      detail: `${path} does not answer ${method}; it answers ${allow}.`,
    },
  }
}
