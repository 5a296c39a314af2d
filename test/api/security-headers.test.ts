import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servedOverTls } from '../../src/cli/commands.ts'
import { buildApp } from '../../src/server/app.ts'
import { clockOf } from '../../src/server/clock.ts'
import { upsertDemoUsers } from '../../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { engines, freshDatabase } from '../support/databases.ts'
import { fixedNow, startTestServer, type TestServer, testPassword } from '../support/server.ts'

const signInBody = JSON.stringify({ username: 'jpn', password: testPassword })

describe.each(engines)('security headers and the Origin check on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it('sends a Content-Security-Policy without inline script and refusing every frame', async () => {
    for (const path of ['/sign-in', '/api/v1/session', '/api/v1/nothing-here']) {
      const response = await fetch(`${server.url}${path}`)
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).toMatch(/script-src 'self'(;|$)/)
      expect(policy).not.toContain("'unsafe-inline' ;")
      expect(policy.split(';').find((part) => part.trim().startsWith('script-src'))).not.toContain('unsafe')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      // Over plain http (this test server) HSTS would be meaningless and is not sent.
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
  })

  const post = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: signInBody,
    })

  it('refuses a state-changing request from another site with a 403 problem', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: server.url },
    ]
    for (const headers of crossSite) {
      const response = await post(headers)
      expect(response.status).toBe(403)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect(response.headers.get('set-cookie')).toBeNull()
    }
    const signOut = await fetch(`${server.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { origin: 'https://evil.example' },
    })
    expect(signOut.status).toBe(403)
  })

  it('lets same-origin browsers and clients without an Origin header through', async () => {
    expect((await post({ origin: server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await post({})).status).toBe(200)
    // Reads are not state-changing: a cross-site GET is answered (and filtered by marking as ever).
    const read = await fetch(`${server.url}/api/v1/session`, { headers: { origin: 'https://evil.example' } })
    expect(read.status).toBe(200)
  })

  it('over TLS, sends HSTS and a Secure session cookie', async () => {
    const database = await freshDatabase(engine)
    const app = await buildApp({ db: database.db, clock: clockOf(() => fixedNow), secureCookies: true })
    try {
      await loadAllDemoData(database.db, fixedNow)
      await upsertDemoUsers(database.db, testPassword, fixedNow)
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'application/json' },
        payload: signInBody,
      })
      expect(response.statusCode).toBe(200)
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(String(response.headers['set-cookie'])).toContain('Secure')
    } finally {
      await app.close()
      await database.dispose()
    }
  })
})

describe('when the CLI serves over TLS', () => {
  const saved = { ...process.env }
  afterAll(() => {
    for (const name of ['LIAISON_SECURE_COOKIES', 'LIAISON_PUBLIC_URL'] as const) {
      const value = saved[name]
      if (value === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = value
      }
    }
  })

  it('defaults to Secure cookies except for the loopback demo, and obeys the settings', () => {
    delete process.env.LIAISON_SECURE_COOKIES
    delete process.env.LIAISON_PUBLIC_URL
    expect(servedOverTls('127.0.0.1')).toBe(false)
    expect(servedOverTls('0.0.0.0')).toBe(true)
    process.env.LIAISON_PUBLIC_URL = 'https://liaison.example'
    expect(servedOverTls('127.0.0.1')).toBe(true)
    process.env.LIAISON_PUBLIC_URL = 'http://intranet.example'
    expect(servedOverTls('0.0.0.0')).toBe(false)
    process.env.LIAISON_SECURE_COOKIES = '1'
    expect(servedOverTls('127.0.0.1')).toBe(true)
    process.env.LIAISON_SECURE_COOKIES = '0'
    expect(servedOverTls('0.0.0.0')).toBe(false)
  })
})
