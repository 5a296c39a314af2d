import type { FastifyReply } from 'fastify'
import { sessionCookie } from '../authenticate.ts'

/**
 * The cookie lives as long as the session, counted by the browser from when it receives it
 * (Max-Age), not as an absolute Expires date from the server's clock: a server whose clock differs
 * from the browser's (or a test server with a fixed clock) must not make the cookie arrive expired.
 * The server still checks the session's own expiry on every request.
 */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  lifetimeMs: number,
  secure: boolean,
): void {
  const maxAge = Math.max(0, Math.floor(lifetimeMs / 1000))
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge })
}
