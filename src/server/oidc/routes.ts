import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import * as client from 'openid-client'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import { SignInProviders } from '../../contract/session.ts'
import { DomainError } from '../../domain/errors.ts'
import { classifications } from '../../domain/marking.ts'
import { rolePermissions } from '../../domain/policy.ts'
import { recordAudit } from '../../store/audit-store.ts'
import type { Db } from '../../store/database.ts'
import { inTransaction } from '../../store/executor.ts'
import {
  countryExists,
  oidcSignInLifetimeMs,
  savePendingSignIn,
  takePendingSignIn,
  userForExternalIdentity,
} from '../../store/external-identity-store.ts'
import { createSession, purgeExpiredSessions } from '../../store/session-store.ts'
import { principalOf } from '../../store/user-store.ts'
import { setSessionCookie } from '../session/session-cookie.ts'
import { mapClaims } from './map-claims.ts'
import type { OidcProviderConfig } from './provider-config.ts'
import { type RelyingParty, relyingPartyOf } from './relying-party.ts'

export interface OidcRouteOptions {
  readonly db: Db
  readonly now: () => Date
  readonly secureCookies: boolean
  readonly providers: readonly OidcProviderConfig[]
  /** The address browsers use for this server (LIAISON_PUBLIC_URL); else taken from each request. */
  readonly publicUrl?: string | undefined
}

/**
 * Binds a sign-in to the browser that started it: the callback's state must equal this cookie, so
 * nobody can sign a victim into the attacker's account by sending them a callback link. Lax, since
 * the provider's redirect back is a cross-site navigation.
 */
const stateCookie = 'liaison_oidc_state'
const statePath = '/api/v1/session/oidc'

/** Why a single sign-on failed, as the sign-in page names it (?error=…). */
export type SignInFailure =
  | 'state'
  | 'provider'
  | 'token'
  | 'unmapped'
  | 'disabled'
  | 'locked'
  | 'unreachable'
  | 'taken'

class SignInRefused extends Error {
  readonly failure: SignInFailure
  constructor(failure: SignInFailure, reason: string) {
    super(reason)
    this.failure = failure
  }
}

const startRateLimit = {
  max: 30,
  timeWindow: '1 minute',
  errorResponseBuilder: () =>
    Object.assign(new Error('Too many single sign-on attempts. Wait a minute and try again.'), {
      statusCode: 429,
      code: 'rate-limited',
    }),
} as const

const ProviderParams = z.object({ provider: z.string().max(40) }).strict()

/** What an authorization response carries (RFC 6749 §4.1.2, RFC 9207's iss); anything else is dropped. */
const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  session_state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
})

export function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '')
}

export function callbackUrl(base: string, providerId: string): string {
  return `${base}${statePath}/${providerId}/callback`
}

export async function oidcRoutes(app: FastifyInstance, options: OidcRouteOptions) {
  const { db, now, secureCookies, publicUrl } = options
  const api = app.withTypeProvider<ZodTypeProvider>()
  const parties = new Map(options.providers.map((provider) => [provider.id, relyingPartyOf(provider)]))
  const knownRoles = Object.keys(rolePermissions)

  function partyOf(id: string): RelyingParty {
    const party = parties.get(id)
    if (party === undefined) throw new DomainError('not-found', `There is no identity provider '${id}'.`)
    return party
  }

  api.get(
    '/api/v1/session/providers',
    {
      schema: {
        tags: ['session'],
        summary: 'Identity providers',
        description: 'The single sign-on providers the sign-in page offers beside the local form.',
        response: { 200: SignInProviders },
      },
    },
    async () => ({ items: options.providers.map(({ id, label }) => ({ id, label })) }),
  )

  api.get(
    '/api/v1/session/oidc/:provider/start',
    {
      schema: {
        tags: ['session'],
        summary: 'Start single sign-on',
        description:
          "Redirects (302) to the provider's authorization endpoint: authorization code with PKCE (S256), state and nonce.",
        params: ProviderParams,
        response: { 302: z.null(), 404: Problem, 429: Problem },
      },
      // Each start keeps a row for ten minutes: bounded per address so that nobody can fill the table.
      config: { rateLimit: startRateLimit },
    },
    async (request, reply) => {
      const party = partyOf(request.params.provider)
      const configuration = await party.configuration().catch((error: unknown) => {
        request.log.warn(
          { provider: party.provider.id, reason: describe(error, 'no answer') },
          'identity provider unreachable',
        )
        return null
      })
      // The browser is mid-navigation: a page that says so serves it better than a JSON problem.
      if (configuration === null) return reply.redirect('/sign-in?error=unreachable', 302)
      const state = client.randomState()
      const nonce = client.randomNonce()
      const codeVerifier = client.randomPKCECodeVerifier()
      await savePendingSignIn(db, state, { provider: party.provider.id, codeVerifier, nonce }, now())
      const target = client.buildAuthorizationUrl(configuration, {
        redirect_uri: callbackUrl(baseUrlOf(request, publicUrl), party.provider.id),
        scope: party.provider.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      reply.setCookie(stateCookie, state, {
        path: statePath,
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: oidcSignInLifetimeMs / 1000,
      })
      return reply.redirect(target.href, 302)
    },
  )

  api.get(
    '/api/v1/session/oidc/:provider/callback',
    {
      schema: {
        tags: ['session'],
        summary: 'Single sign-on callback',
        description:
          'Where the provider returns the browser. Checks the state, exchanges the code, verifies the ID token (keys, issuer, audience, nonce), maps the claims and signs in; redirects (302) to the app, or to /sign-in?error=… when refused.',
        params: ProviderParams,
        querystring: CallbackQuery,
        response: { 302: z.null(), 404: Problem },
      },
    },
    async (request, reply) => {
      const party = partyOf(request.params.provider)
      const providerId = party.provider.id
      const cookieState = request.cookies[stateCookie]
      reply.clearCookie(stateCookie, { path: statePath })
      try {
        const { token, lifetimeMs } = await signInThroughProvider(request, party, cookieState)
        setSessionCookie(reply, token, lifetimeMs, secureCookies)
        return reply.redirect('/', 302)
      } catch (error) {
        const refusal =
          error instanceof SignInRefused
            ? error
            : new SignInRefused('token', describe(error, 'the sign-in failed'))
        request.log.warn(
          { provider: providerId, failure: refusal.failure, reason: refusal.message },
          'single sign-on refused',
        )
        await recordAudit(
          db.kysely,
          null,
          {
            action: 'sign-in-failed',
            entity: 'user',
            entityId: '',
            details: {
              provider: providerId,
              failure: refusal.failure,
              reason: refusal.message.slice(0, 200),
            },
          },
          now(),
        )
        return reply.redirect(`/sign-in?error=${refusal.failure}`, 302)
      }
    },
  )

  async function discovered(party: RelyingParty): Promise<client.Configuration> {
    try {
      return await party.configuration()
    } catch (error) {
      throw new SignInRefused(
        'unreachable',
        `the provider cannot be reached: ${describe(error, 'no answer')}`,
      )
    }
  }

  async function signInThroughProvider(
    request: FastifyRequest,
    party: RelyingParty,
    cookieState: string | undefined,
  ): Promise<{ token: string; lifetimeMs: number }> {
    const providerId = party.provider.id
    const query = request.query as z.infer<typeof CallbackQuery>
    const state = query.state
    if (state === undefined || cookieState === undefined || state !== cookieState) {
      throw new SignInRefused('state', 'the state is missing or is not the one this browser started with')
    }
    // Taken (and deleted) before anything else, so a replayed callback finds nothing.
    const pending = await takePendingSignIn(db, state, providerId, now())
    if (pending === null) throw new SignInRefused('state', 'the state is unknown, used or expired')
    if (query.error !== undefined) {
      throw new SignInRefused(
        'provider',
        `the provider answered ${query.error}: ${query.error_description ?? ''}`,
      )
    }
    const configuration = await discovered(party)
    const redirectUri = callbackUrl(baseUrlOf(request, publicUrl), providerId)
    const currentUrl = new URL(redirectUri)
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) currentUrl.searchParams.set(name, value)
    }
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
    } catch (error) {
      throw new SignInRefused('token', describe(error, 'the code exchange or ID token check failed'))
    }
    const idClaims = tokens.claims()
    const idToken = tokens.id_token
    if (idClaims === undefined || idToken === undefined) throw new SignInRefused('token', 'no ID token')
    // Profile claims often come only from the userinfo endpoint; the ID token's (verified) win.
    const userInfo =
      tokens.access_token === undefined
        ? {}
        : await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub).catch(() => ({}))
    const claims = { ...userInfo, ...idClaims }
    const mapped = mapClaims(
      party.provider.claims,
      claims,
      { roles: knownRoles, kinds: ['staff', 'ally', 'partner'] },
      classifications,
    )
    if (!mapped.ok) throw new SignInRefused('unmapped', mapped.reason)
    const { identity } = mapped
    const at = now()
    const user = await inTransaction(db, async (tx) => {
      if (identity.country !== null && !(await countryExists(tx, identity.country))) {
        throw new SignInRefused('unmapped', `the country ${identity.country} is not one Liaison knows`)
      }
      const found = await userForExternalIdentity(
        tx,
        providerId,
        idClaims.sub,
        identity,
        at,
        party.provider.linkExistingUsers ?? false,
      )
      if (found === null) {
        throw new SignInRefused('taken', `the username ${identity.username} belongs to another account`)
      }
      // Thrown inside the transaction, so a refused account's fields are not refreshed either.
      if (found.user.disabled_at !== null) throw new SignInRefused('disabled', 'the account is disabled')
      if (found.user.locked_at !== null) throw new SignInRefused('locked', 'the account is locked')
      if (found.created) {
        await recordAudit(
          tx,
          principalOf(found.user),
          {
            action: 'create',
            entity: 'user',
            entityId: found.user.id,
            details: { provider: providerId, provisioned: true },
          },
          at,
        )
      }
      return found.user
    })
    await purgeExpiredSessions(db, at)
    const { token, expiresAt } = await createSession(db, user.id, at, { provider: providerId, idToken })
    await recordAudit(
      db.kysely,
      principalOf(user),
      { action: 'sign-in', entity: 'user', entityId: user.id, details: { provider: providerId } },
      at,
    )
    return { token, lifetimeMs: expiresAt.getTime() - at.getTime() }
  }
}

function describe(error: unknown, fallback: string): string {
  return error instanceof Error && error.message !== '' ? error.message : fallback
}

/** The provider's logout URL for an OIDC session (RP-initiated logout), or null when it has none. */
export async function providerLogoutUrl(
  providers: readonly OidcProviderConfig[],
  origin: { readonly provider: string; readonly idToken: string },
  postLogoutRedirectUri: string,
): Promise<string | null> {
  const provider = providers.find((candidate) => candidate.id === origin.provider)
  if (provider === undefined) return null
  const configuration = await relyingPartyOf(provider)
    .configuration()
    .catch(() => null)
  if (configuration?.serverMetadata().end_session_endpoint === undefined) return null
  return client.buildEndSessionUrl(configuration, {
    id_token_hint: origin.idToken,
    post_logout_redirect_uri: postLogoutRedirectUri,
  }).href
}
