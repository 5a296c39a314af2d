import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type OidcContext } from 'oidc-provider'
import type { OidcProviderConfig } from '../../src/server/oidc/provider-config.ts'

/**
 * A REAL OpenID provider (the `oidc-provider` package, the certified implementation) on 127.0.0.1,
 * for the tests and for `npm run dev:oidc`. Its development login form takes any password; the
 * accounts below decide which claims come back. Consent is granted for the one client, the way a
 * ministry's own provider trusts its own application.
 */

/** Claims of the people who can sign in, by login. */
export const oidcAccounts: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'jpn-mission': {
    preferred_username: 'jpn-mission',
    name: 'Mission of Japan (SSO)',
    liaison_kind: 'mission',
    country: 'JPN',
    clearance: 'RESTRICTED',
    groups: ['liaison-partner-mission', 'staff-canteen'],
  },
  'kor-mission': {
    preferred_username: 'kor-mission',
    name: 'Mission of the Republic of Korea (SSO)',
    liaison_kind: 'mission',
    country: 'KOR',
    clearance: 'RESTRICTED',
    groups: ['liaison-partner-mission'],
  },
  // Signs in at the provider but has no country claim: Liaison must refuse to map it.
  'no-country': {
    preferred_username: 'no-country',
    name: 'Someone without a country',
    liaison_kind: 'mission',
    clearance: 'RESTRICTED',
    groups: [],
  },
}

export const oidcClientId = 'liaison'
export const oidcClientSecret = 'liaison-test-secret-that-is-long-enough'

/** What Liaison's LIAISON_OIDC_PROVIDERS says about this provider. */
export function liaisonProviderSetting(issuer: string, id = 'mofa'): OidcProviderConfig {
  return {
    id,
    label: 'Ministry of Foreign Affairs ID',
    issuer,
    clientId: oidcClientId,
    clientSecret: oidcClientSecret,
    scopes: ['openid', 'profile', 'liaison'],
    claims: {
      username: 'preferred_username',
      displayName: 'name',
      kind: { claim: 'liaison_kind', map: { mission: 'partner', delegation: 'ally', secretariat: 'staff' } },
      country: { claim: 'country' },
      clearance: { claim: 'clearance' },
      roles: { claim: 'groups', map: { 'liaison-partner-mission': 'partner-mission' } },
    },
  }
}

export interface TestOidcProvider {
  readonly issuer: string
  /** Registers Liaison's URLs for the client; call before the first sign-in. */
  registerClient(liaisonOrigin: string): void
  close(): Promise<void>
}

/**
 * Starts the provider's HTTP server first (so the issuer's port is known before Liaison is
 * configured with it) and the provider itself once Liaison's origin is known.
 */
export async function startTestOidcProvider(port = 0): Promise<TestOidcProvider> {
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined
  const server = createServer((request, response) => {
    if (handler === undefined) {
      response.writeHead(503).end('provider not configured yet')
      return
    }
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    issuer,
    registerClient(liaisonOrigin) {
      handler = createProvider(issuer, liaisonOrigin).callback()
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function createProvider(issuer: string, liaisonOrigins: string | readonly string[]): Provider {
  const origins = typeof liaisonOrigins === 'string' ? [liaisonOrigins] : liaisonOrigins
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: oidcClientId,
        client_secret: oidcClientSecret,
        redirect_uris: origins.map((origin) => `${origin}/api/v1/session/oidc/mofa/callback`),
        post_logout_redirect_uris: origins.map((origin) => `${origin}/sign-in`),
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    async findAccount(_ctx, id) {
      const claims = oidcAccounts[id]
      if (claims === undefined) return undefined
      return { accountId: id, claims: async () => ({ sub: `sub-${id}`, ...claims }) }
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      liaison: ['liaison_kind', 'country', 'clearance', 'groups'],
    },
    // The mapped claims travel in the ID token itself, which Liaison verifies.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Set explicitly (seconds) so the provider does not print a notice per artifact kind.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    loadExistingGrant: grantEverythingAsked,
  })
  // Quiet: the provider warns on stderr that dev interactions and dev keys are for development.
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error))
  return provider
}

/** The first-party consent: every scope and claim the client asks for, without a consent page. */
async function grantEverythingAsked(
  ctx: OidcContext,
): Promise<import('oidc-provider').OidcGrant | undefined> {
  const { client, session, params, provider } = ctx.oidc
  if (client === undefined || session?.accountId === undefined) return undefined
  const existing = session.grantIdFor(client.clientId)
  if (existing !== undefined) {
    const grant = await provider.Grant.find(existing)
    if (grant !== undefined) return grant
  }
  const grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId })
  grant.addOIDCScope(String(params?.scope ?? 'openid'))
  grant.addOIDCClaims(['name', 'preferred_username', 'liaison_kind', 'country', 'clearance', 'groups'])
  await grant.save()
  return grant
}

/** For `npm run dev:oidc`: the provider on a fixed port for a Liaison at the given origins. */
export async function startDevOidcProvider(port: number, liaisonOrigins: readonly string[]): Promise<string> {
  const server = createServer()
  const issuer = `http://127.0.0.1:${port}`
  const handler = createProvider(issuer, liaisonOrigins).callback()
  server.on('request', handler)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return issuer
}
