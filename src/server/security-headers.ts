import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DomainError } from '../domain/errors.ts'

/**
 * Scripts only from our own files (the built app has no inline script), nothing may frame us.
 * Styles allow inline attributes because charts and React set them; they cannot run code.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Headers on every answer; HSTS only when the app is served over TLS (it would be ignored on http).
 * Also written by the refusals that come before Fastify's hooks (shell-errors.ts).
 */
export function securityHeaders(overTls: boolean): ReadonlyArray<readonly [string, string]> {
  return [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'same-origin'],
    ['x-frame-options', 'DENY'],
    ['content-security-policy', contentSecurityPolicy],
    ...(overTls ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as const] : []),
  ]
}

export function registerSecurityHeaders(app: FastifyInstance, overTls: boolean): void {
  const headers = securityHeaders(overTls)
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of headers) {
      // A route may answer with a policy of its own.
      if (name !== 'content-security-policy' || !reply.hasHeader(name)) {
        reply.header(name, value)
      }
    }
  })
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Why a request from a browser on another site is refused, or undefined when it may go on. */
export function crossSiteReason(request: FastifyRequest): string | undefined {
  const site = request.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') {
    return `the browser says it comes from another site (Sec-Fetch-Site: ${site})`
  }
  const origin = request.headers.origin
  if (origin === undefined) {
    // Not a browser's cross-origin request (curl, scripts, server-to-server): nothing to check.
    return undefined
  }
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return `its Origin '${origin}' is not this site`
  }
  return host === request.host ? undefined : `its Origin '${origin}' is not this site`
}

/**
 * Refuses a state-changing request that a browser sends from another site (cross-site request
 * forgery), before authentication matters. SameSite=Strict cookies already stop most of it; this
 * also covers a same-site sibling and any cookie-less flaw.
 */
export function registerOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method)) {
      return
    }
    const reason = crossSiteReason(request)
    if (reason !== undefined) {
      throw new DomainError(
        'forbidden',
        `Changes must come from this site; this request was refused because ${reason}.`,
      )
    }
  })
}
