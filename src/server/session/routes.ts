import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import { PrincipalView, SignIn, SignOutResult } from '../../contract/session.ts'
import { mayReadAuditTrail } from '../../domain/audit-policy.ts'
import { DomainError } from '../../domain/errors.ts'
import { permissionsOf, sessionAbilities } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import {
  defaultLockoutAfter,
  recordFailedSignIn,
  resetFailedSignIns,
} from '../../store/account-lockout-store.ts'
import { recordAudit } from '../../store/audit-store.ts'
import type { Db } from '../../store/database.ts'
import { decoyHash, verifyPassword } from '../../store/password.ts'
import {
  createSession,
  deleteSession,
  findSingleSignOnOrigin,
  purgeExpiredSessions,
  revokeUserAccess,
} from '../../store/session-store.ts'
import { findUserByUsername, principalOf } from '../../store/user-store.ts'
import { sessionCookie } from '../authenticate.ts'
import type { OidcProviderConfig } from '../oidc/provider-config.ts'
import { baseUrlOf, providerLogoutUrl } from '../oidc/routes.ts'
import { setSessionCookie } from './session-cookie.ts'
import { signInThrottle } from './sign-in-throttle.ts'

export interface SessionOptions {
  readonly db: Db
  readonly now: () => Date
  /** Send the cookie only over HTTPS; on by default outside development. */
  readonly secureCookies: boolean
  /** Consecutive wrong passwords that lock an account until an administrator unlocks it (default 5). */
  readonly lockoutAfter?: number
  /** Single sign-on providers, for signing out at the provider too. */
  readonly oidcProviders?: readonly OidcProviderConfig[]
  /** The address browsers use for this server (LIAISON_PUBLIC_URL); else taken from each request. */
  readonly publicUrl?: string | undefined
}

export function presentPrincipal(principal: Principal): z.infer<typeof PrincipalView> {
  return {
    kind: principal.kind,
    username: principal.username,
    displayName: principal.displayName,
    country: principal.country,
    clearance: principal.clearance,
    roles: [...principal.roles].sort(),
    permissions: [...permissionsOf(principal)].sort(),
    abilities: { ...sessionAbilities(principal), readAudit: mayReadAuditTrail(principal) },
  }
}

/** A 429 rendered as a rate-limited problem by problem.ts. */
function tooMany(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 429, code: 'rate-limited' })
}

/**
 * Slows password guessing: ten attempts a minute for one username from one address (the socket's
 * address unless LIAISON_TRUST_PROXY names the proxy in front). Counted after
 * the body is parsed so that the key can include the username.
 */
const signInRateLimit = {
  max: 10,
  timeWindow: '1 minute',
  hook: 'preHandler',
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body
    const username =
      typeof body === 'object' && body !== null && 'username' in body ? String(body.username) : ''
    return `${request.ip}|${username.toLowerCase()}`
  },
  errorResponseBuilder: () => tooMany('Too many sign-in attempts. Wait a minute and try again.'),
} as const

function accountLocked(): DomainError {
  return new DomainError(
    'forbidden',
    'This account is locked after too many failed sign-ins. Ask an administrator to unlock it.',
  )
}

function accountDisabled(): DomainError {
  return new DomainError('forbidden', 'This account is disabled. Ask an administrator to enable it.')
}

export async function sessionRoutes(
  app: FastifyInstance,
  {
    db,
    now,
    secureCookies,
    lockoutAfter = defaultLockoutAfter,
    oidcProviders = [],
    publicUrl,
  }: SessionOptions,
) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const throttle = signInThrottle()

  api.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who am I',
        description: 'The signed-in principal, or the public principal when signed out.',
        response: { 200: PrincipalView },
      },
    },
    async (request) => presentPrincipal(request.principal),
  )

  api.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        body: SignIn,
        response: { 200: PrincipalView, 400: Problem, 401: Problem, 429: Problem },
      },
      config: { rateLimit: signInRateLimit },
    },
    async (request, reply) => {
      const { username, password } = request.body
      const waitMs = throttle.blockedFor(username, now())
      if (waitMs > 0) {
        const minutes = Math.ceil(waitMs / 60_000)
        reply.header('retry-after', String(Math.ceil(waitMs / 1000)))
        throw tooMany(
          `Too many failed sign-ins for this account. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        )
      }
      const user = await findUserByUsername(db, username)
      // Verify against a decoy when the user is unknown, so timing does not reveal usernames.
      const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), password)
      // Checked after the password, so a locked answer never tells a guesser which names exist
      // without the price of a verification; a locked account refuses the right password too.
      if (user?.locked_at != null) throw accountLocked()
      if (user === null || !valid) {
        throttle.failed(username, now())
        // Kept even though the request fails: repeated failures are what an audit reader looks for.
        // The username as typed (shortened) is recorded, never the password.
        await recordAudit(
          db.kysely,
          null,
          {
            action: 'sign-in-failed',
            entity: 'user',
            entityId: user?.id ?? '',
            details: { username: username.slice(0, 100) },
          },
          now(),
        )
        if (user !== null && (await recordFailedSignIn(db, user.id, lockoutAfter, now()))) {
          // Whoever is guessing may already hold a session or feed link: a locked account keeps neither.
          await revokeUserAccess(db.kysely, db, user.id)
          await recordAudit(
            db.kysely,
            principalOf(user),
            { action: 'lock', entity: 'user', entityId: user.id },
            now(),
          )
          throw accountLocked()
        }
        throw new DomainError('unauthenticated', 'The username or password is not correct.')
      }
      // Only with the right password, so a guesser cannot tell a disabled account from a wrong guess.
      if (user.disabled_at !== null) throw accountDisabled()
      throttle.succeeded(username)
      if (user.failed_sign_ins > 0) await resetFailedSignIns(db, user.id)
      const at = now()
      await purgeExpiredSessions(db, at)
      const { token, expiresAt } = await createSession(db, user.id, at)
      const principal = principalOf(user)
      await recordAudit(db.kysely, principal, { action: 'sign-in', entity: 'user', entityId: user.id }, at)
      setSessionCookie(reply, token, expiresAt.getTime() - at.getTime(), secureCookies)
      return presentPrincipal(principal)
    },
  )

  api.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        description:
          "204 for a local session. A single sign-on session answers 200 with the provider's end-session URL (id_token_hint, post_logout_redirect_uri), for the browser to go to next.",
        response: { 200: SignOutResult, 204: z.null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie]
      let logoutUrl: string | null = null
      if (token !== undefined) {
        const origin = await findSingleSignOnOrigin(db, token)
        if (origin !== null) {
          logoutUrl = await providerLogoutUrl(
            oidcProviders,
            origin,
            `${baseUrlOf(request, publicUrl)}/sign-in`,
          )
        }
        await deleteSession(db, token)
        const { principal } = request
        if (principal.userId !== null) {
          await recordAudit(
            db.kysely,
            principal,
            { action: 'sign-out', entity: 'user', entityId: principal.userId },
            now(),
          )
        }
      }
      reply.clearCookie(sessionCookie, { path: '/' })
      if (logoutUrl !== null) return reply.code(200).send({ logoutUrl })
      return reply.code(204).send(null)
    },
  )
}
