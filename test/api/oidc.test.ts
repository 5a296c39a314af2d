import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrincipalView, SignInProviders, SignOutResult } from '../../src/contract/session.ts'
import { engines } from '../support/databases.ts'
import {
  liaisonProviderSetting,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../support/oidc-provider.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/**
 * Single sign-on against a REAL OpenID provider (oidc-provider) on 127.0.0.1: the code flow is
 * driven over HTTP by hand, following every redirect with one cookie jar per site, as a browser would.
 */

/** Cookies by name per origin; enough for these two sites (paths are ignored, which only sends more). */
class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>()

  header(url: string): string {
    return [...(this.#cookies.get(new URL(url).origin) ?? new Map()).entries()]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ')
  }

  store(url: string, response: Response): void {
    const origin = new URL(url).origin
    const cookies = this.#cookies.get(origin) ?? new Map<string, string>()
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === ''
      if (expired) cookies.delete(name)
      else cookies.set(name, value)
    }
    this.#cookies.set(origin, cookies)
  }

  get(url: string, name: string): string | undefined {
    return this.#cookies.get(new URL(url).origin)?.get(name)
  }
}

async function visit(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const cookie = jar.header(url)
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: {
      ...(init.headers as Record<string, string> | undefined),
      ...(cookie === '' ? {} : { cookie }),
    },
  })
  jar.store(url, response)
  return response
}

function locationOf(response: Response, base: string): string {
  const location = response.headers.get('location')
  if (location === null) throw new Error(`expected a redirect from ${base}, got ${response.status}`)
  return new URL(location, base).href
}

/**
 * From Liaison's start URL to the callback URL the provider sends the browser to, logging in as
 * `login` at the provider's (development) login form. Returns the callback URL, not yet visited.
 */
async function throughProvider(jar: CookieJar, server: TestServer, login: string): Promise<string> {
  let url = `${server.url}/api/v1/session/oidc/mofa/start`
  for (let hop = 0; hop < 12; hop += 1) {
    if (url.startsWith(`${server.url}/api/v1/session/oidc/mofa/callback`)) return url
    const response = await visit(jar, url)
    if (response.status === 200 && url.includes('/interaction/')) {
      const html = await response.text()
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
      if (action === undefined) throw new Error(`no form at ${url}: ${html.slice(0, 300)}`)
      const posted = await visit(jar, new URL(action, url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString(),
      })
      url = locationOf(posted, url)
      continue
    }
    url = locationOf(response, url)
  }
  throw new Error('too many redirects')
}

async function session(server: TestServer, jar: CookieJar) {
  const response = await visit(jar, `${server.url}/api/v1/session`)
  return PrincipalView.parse(await response.json())
}

async function lastAudit(server: TestServer) {
  return server.db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
}

describe.each(engines)('single sign-on through a real OpenID provider on %s', (engine) => {
  let provider: TestOidcProvider
  let server: TestServer

  beforeAll(async () => {
    provider = await startTestOidcProvider()
    server = await startTestServer(engine, { oidcProviders: [liaisonProviderSetting(provider.issuer)] })
    provider.registerClient(server.url)
  })
  afterAll(async () => {
    await server.close()
    await provider.close()
  })

  it('lists the providers for the sign-in page, publicly', async () => {
    const response = await fetch(`${server.url}/api/v1/session/providers`)
    expect(response.status).toBe(200)
    expect(SignInProviders.parse(await response.json())).toEqual({
      items: [{ id: 'mofa', label: 'Ministry of Foreign Affairs ID' }],
    })
  })

  it("starts with a redirect to the provider's authorization endpoint: code, PKCE S256, state and nonce", async () => {
    const response = await fetch(`${server.url}/api/v1/session/oidc/mofa/start`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    const target = new URL(response.headers.get('location') ?? '')
    expect(target.origin).toBe(provider.issuer)
    const query = target.searchParams
    expect(query.get('response_type')).toBe('code')
    expect(query.get('code_challenge_method')).toBe('S256')
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(query.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(query.get('nonce')).toMatch(/^[\w-]{20,}$/)
    expect(query.get('redirect_uri')).toBe(`${server.url}/api/v1/session/oidc/mofa/callback`)
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('liaison_oidc_state='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toContain(`liaison_oidc_state=${query.get('state')}`)
  })

  it("signs Japan's mission in: a partner principal of Japan, provisioned just in time, audited with the provider", async () => {
    const jar = new CookieJar()
    const callback = await throughProvider(jar, server, 'jpn-mission')
    const landed = await visit(jar, callback)
    expect(landed.status).toBe(302)
    expect(landed.headers.get('location')).toBe('/')
    expect(jar.get(server.url, 'liaison_session')).toBeDefined()
    const principal = await session(server, jar)
    expect(principal).toMatchObject({
      kind: 'partner',
      username: 'jpn-mission',
      displayName: 'Mission of Japan (SSO)',
      country: 'JPN',
      clearance: 'RESTRICTED',
      roles: ['partner-mission'],
    })
    const user = await server.db.kysely
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'jpn-mission')
      .executeTakeFirstOrThrow()
    const link = await server.db.kysely
      .selectFrom('external_identity')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(link).toMatchObject({ provider: 'mofa', subject: 'jpn-mission' })
    const entry = await lastAudit(server)
    expect(entry).toMatchObject({
      action: 'sign-in',
      entity: 'user',
      entity_id: user.id,
      actor: 'jpn-mission',
    })
    expect(JSON.parse(entry.details)).toEqual({ provider: 'mofa' })

    // Replaying the same callback (code and state) signs nobody in again.
    const replay = await visit(new CookieJar(), callback)
    expect(replay.headers.get('location')).toBe('/sign-in?error=state')
  })

  it('refreshes the mapped fields on every sign-in and links to the same user', async () => {
    const user = await server.db.kysely
      .selectFrom('app_user')
      .select(['id', 'version'])
      .where('username', '=', 'jpn-mission')
      .executeTakeFirstOrThrow()
    await server.db.kysely
      .updateTable('app_user')
      .set({ clearance: 0, roles: 'administrator' })
      .where('id', '=', user.id)
      .execute()
    const jar = new CookieJar()
    await visit(jar, await throughProvider(jar, server, 'jpn-mission'))
    const principal = await session(server, jar)
    expect(principal).toMatchObject({ clearance: 'RESTRICTED', roles: ['partner-mission'], country: 'JPN' })
    const users = await server.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'jpn-mission')
      .execute()
    expect(users).toEqual([{ id: user.id }])
  })

  it('refuses a callback whose state was tampered with, and audits the failed sign-in', async () => {
    const jar = new CookieJar()
    const callback = new URL(await throughProvider(jar, server, 'jpn-mission'))
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`)
    const response = await visit(jar, callback.href)
    expect(response.headers.get('location')).toBe('/sign-in?error=state')
    expect(jar.get(server.url, 'liaison_session')).toBeUndefined()
    const entry = await lastAudit(server)
    expect(entry).toMatchObject({ action: 'sign-in-failed', actor: null })
    expect(JSON.parse(entry.details)).toMatchObject({ provider: 'mofa', failure: 'state' })
  })

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const callback = await throughProvider(new CookieJar(), server, 'jpn-mission')
    const victim = new CookieJar()
    const response = await visit(victim, callback)
    expect(response.headers.get('location')).toBe('/sign-in?error=state')
    expect(victim.get(server.url, 'liaison_session')).toBeUndefined()
  })

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const jar = new CookieJar()
    const callback = await throughProvider(jar, server, 'jpn-mission')
    // The nonce kept for this state no longer matches the one the provider put in the ID token.
    await server.db.kysely.updateTable('oidc_sign_in').set({ nonce: 'another-nonce-entirely' }).execute()
    const response = await visit(jar, callback)
    expect(response.headers.get('location')).toBe('/sign-in?error=token')
    expect(jar.get(server.url, 'liaison_session')).toBeUndefined()
    expect(JSON.parse((await lastAudit(server)).details)).toMatchObject({ failure: 'token' })
  })

  it('refuses claims that do not map (a mission without a country) and creates no user', async () => {
    const jar = new CookieJar()
    const response = await visit(jar, await throughProvider(jar, server, 'no-country'))
    expect(response.headers.get('location')).toBe('/sign-in?error=unmapped')
    const users = await server.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'no-country')
      .execute()
    expect(users).toEqual([])
    const entry = await lastAudit(server)
    expect(JSON.parse(entry.details)).toMatchObject({ provider: 'mofa', failure: 'unmapped' })
  })

  it('refuses a disabled user through the provider too, without refreshing the account', async () => {
    const disabledAt = '2026-11-01T00:00:00.000Z'
    await server.db.kysely
      .updateTable('app_user')
      .set({ disabled_at: disabledAt, clearance: 0 })
      .where('username', '=', 'jpn-mission')
      .execute()
    try {
      const jar = new CookieJar()
      const response = await visit(jar, await throughProvider(jar, server, 'jpn-mission'))
      expect(response.headers.get('location')).toBe('/sign-in?error=disabled')
      expect(jar.get(server.url, 'liaison_session')).toBeUndefined()
      const user = await server.db.kysely
        .selectFrom('app_user')
        .select('clearance')
        .where('username', '=', 'jpn-mission')
        .executeTakeFirstOrThrow()
      expect(Number(user.clearance)).toBe(0)
    } finally {
      await server.db.kysely
        .updateTable('app_user')
        .set({ disabled_at: null })
        .where('username', '=', 'jpn-mission')
        .execute()
    }
  })

  it('refuses to take over a local account whose username the provider asserts (no linkExistingUsers)', async () => {
    const local = await server.db.kysely
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'kor')
      .executeTakeFirstOrThrow()
    await server.db.kysely
      .insertInto('app_user')
      .values({ ...local, id: 'local-kor-mission', username: 'kor-mission', clearance: 1 })
      .execute()
    const jar = new CookieJar()
    const response = await visit(jar, await throughProvider(jar, server, 'kor-mission'))
    expect(response.headers.get('location')).toBe('/sign-in?error=taken')
    expect(jar.get(server.url, 'liaison_session')).toBeUndefined()
    const user = await server.db.kysely
      .selectFrom('app_user')
      .select('clearance')
      .where('id', '=', 'local-kor-mission')
      .executeTakeFirstOrThrow()
    expect(Number(user.clearance)).toBe(1)
    const links = await server.db.kysely
      .selectFrom('external_identity')
      .select('subject')
      .where('user_id', '=', 'local-kor-mission')
      .execute()
    expect(links).toEqual([])
  })

  it("signs out at the provider: sign-out answers the provider's end-session URL with id_token_hint", async () => {
    const jar = new CookieJar()
    await visit(jar, await throughProvider(jar, server, 'jpn-mission'))
    const response = await visit(jar, `${server.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { origin: server.url },
    })
    expect(response.status).toBe(200)
    const { logoutUrl } = SignOutResult.parse(await response.json())
    const logout = new URL(logoutUrl)
    expect(logout.origin).toBe(provider.issuer)
    expect(logout.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/sign-in`)
    expect((await session(server, jar)).kind).toBe('public')
    // The provider accepts it: its end-session page asks to confirm the sign-out.
    const atProvider = await visit(jar, logoutUrl)
    expect(atProvider.status).toBe(200)
    expect(await atProvider.text()).toMatch(/logout|sign.?out/i)
  })

  it('signs a local session out with 204 as before', async () => {
    const cookie = await server.signIn('jpn')
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie, origin: server.url },
    })
    expect(response.status).toBe(204)
  })

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    // Port 9 (discard) on loopback: nothing listens, so discovery fails at once.
    const offline = await startTestServer(engine, {
      oidcProviders: [liaisonProviderSetting('http://127.0.0.1:9')],
    })
    try {
      const response = await fetch(`${offline.url}/api/v1/session/oidc/mofa/start`, { redirect: 'manual' })
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/sign-in?error=unreachable')
    } finally {
      await offline.close()
    }
  })

  it('answers 404 problem+json for an unknown provider', async () => {
    const response = await fetch(`${server.url}/api/v1/session/oidc/nobody/start`, { redirect: 'manual' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
  })

  it('limits how often one address may start a sign-in, with a rate-limited problem', async () => {
    let status = 0
    let attempts = 0
    while (status !== 429 && attempts < 40) {
      attempts += 1
      const response = await fetch(`${server.url}/api/v1/session/oidc/mofa/start`, { redirect: 'manual' })
      status = response.status
      if (status === 429) {
        expect(response.headers.get('content-type')).toContain('application/problem+json')
        expect((await response.json()).type).toMatch(/rate-limited$/)
      }
    }
    expect(status).toBe(429)
    expect(attempts).toBeLessThanOrEqual(31)
  })
})
