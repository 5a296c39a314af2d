import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Principal, publicPrincipal } from '../domain/principal.ts'
import type { Db } from '../store/database.ts'
import { findSessionPrincipal, recentSessionPrincipal } from '../store/session-store.ts'

export const sessionCookie = 'liaison_session'

const principalSlot = Symbol('principal')
interface PrincipalSlot {
  [principalSlot]?: Principal
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting; the public principal when nobody is signed in. */
    principal: Principal
  }
}

/** Resolves the session cookie to a principal on every request; no cookie means the public. */
export function registerAuthentication(app: FastifyInstance, db: Db, now: () => Date): void {
  // Fastify forbids a shared object as a decorator's initial value, so the principal lives in a
  // per-request slot behind a getter that falls back to the public principal.
  app.decorateRequest('principal', {
    getter(this: FastifyRequest & PrincipalSlot) {
      return this[principalSlot] ?? publicPrincipal
    },
    setter(this: FastifyRequest & PrincipalSlot, value: Principal) {
      this[principalSlot] = value
    },
  })
  // A callback hook, not an async one: a recently checked session answers synchronously, and
  // only a miss waits for the database.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.cookies[sessionCookie]
    if (token === undefined) {
      done()
      return
    }
    const at = now()
    const recent = recentSessionPrincipal(db, token, at)
    if (recent !== undefined) {
      request.principal = recent
      done()
      return
    }
    findSessionPrincipal(db, token, at).then(
      (principal) => {
        request.principal = principal ?? publicPrincipal
        done()
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    )
  })
}
