import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { PrincipalView } from '../../src/contract/session.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer, testPassword } from '../support/server.ts'

async function postSession(server: TestServer, body: unknown) {
  return fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe.each(engines)('session API on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it('treats a visitor without a session as the public principal', async () => {
    const principal = PrincipalView.parse((await getJson(server, '/api/v1/session')).body)
    expect(principal).toMatchObject({ kind: 'public', username: null, clearance: 'PUBLIC' })
  })

  it('signs in with a correct password and sets an HttpOnly session cookie', async () => {
    const response = await postSession(server, { username: 'jpn', password: testPassword })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^liaison_session=/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    // A lifetime the browser counts from its own clock, never an Expires date from the server's
    // (a fixed test clock or a skewed server would make the browser drop the cookie at once).
    expect(cookie).toContain('Max-Age=43200')
    expect(cookie).not.toMatch(/Expires=/i)
    const principal = PrincipalView.parse(await response.json())
    expect(principal).toMatchObject({ kind: 'partner', country: 'JPN', username: 'jpn' })
    const me = PrincipalView.parse((await getJson(server, '/api/v1/session', cookie.split(';')[0])).body)
    expect(me.username).toBe('jpn')
  })

  it('refuses a wrong password and an unknown user alike with a 401 problem', async () => {
    for (const body of [
      { username: 'jpn', password: 'wrong' },
      { username: 'nobody', password: 'wrong' },
    ]) {
      const response = await postSession(server, body)
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      expect(response.headers.get('set-cookie')).toBeNull()
      expect(Problem.parse(await response.json()).detail).toBe('The username or password is not correct.')
    }
  })

  it('answers a malformed sign-in with a 400 problem listing each field', async () => {
    const response = await postSession(server, { username: '' })
    expect(response.status).toBe(400)
    const pointers = Problem.parse(await response.json()).errors?.map((e) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['#/username', '#/password']))
  })

  it('answers a body that is not JSON with a 400 problem', async () => {
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
  })

  it('signs out: the old cookie no longer identifies anyone', async () => {
    const signIn = await postSession(server, { username: 'staff', password: testPassword })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const out = await fetch(`${server.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } })
    expect(out.status).toBe(204)
    const after = PrincipalView.parse((await getJson(server, '/api/v1/session', cookie)).body)
    expect(after.kind).toBe('public')
  })

  it('ignores a forged session cookie', async () => {
    const principal = PrincipalView.parse(
      (await getJson(server, '/api/v1/session', 'liaison_session=forged')).body,
    )
    expect(principal.kind).toBe('public')
  })

  it('records each sign-in in the audit log', async () => {
    await postSession(server, { username: 'kor', password: testPassword })
    const rows = await server.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', '=', 'sign-in')
      .where('actor', '=', 'kor')
      .execute()
    expect(rows.length).toBeGreaterThan(0)
  })
})

/** The throttles below are measured on their own, with the account lockout (account-lockout.test.ts) out of reach. */
const noLockout = 1000

describe('sign-in rate limit', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('sqlite', { lockoutAfter: noLockout })
  })
  afterAll(() => server.close())

  it('answers the eleventh attempt in a minute with a 429 problem and does not sign in', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await postSession(server, { username: 'fra', password: `guess-${attempt}` })).status)
    }
    expect(statuses.every((status) => status === 401)).toBe(true)
    const blocked = await postSession(server, { username: 'fra', password: testPassword })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('content-type')).toContain('application/problem+json')
    expect(blocked.headers.get('set-cookie')).toBeNull()
    expect(Problem.parse(await blocked.json()).type).toContain('#rate-limited')
    const other = await postSession(server, { username: 'kor', password: testPassword })
    expect(other.status).toBe(200)
  })
})

describe.each(engines)('sign-in limits that a forged X-Forwarded-For cannot dodge, on %s', (engine) => {
  const guess = (server: TestServer, forwardedFor: string, password: string) =>
    fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username: 'jpn', password }),
    })

  async function eleventhAttempt(server: TestServer): Promise<Response> {
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await guess(server, `203.0.113.${attempt}`, `guess-${attempt}`)).status).toBe(401)
    }
    return guess(server, '203.0.113.11', testPassword)
  }

  it('ignores X-Forwarded-For by default: eleven guesses from "eleven addresses" are one address', async () => {
    const server = await startTestServer(engine, { lockoutAfter: noLockout })
    try {
      const blocked = await eleventhAttempt(server)
      expect(blocked.status).toBe(429)
      expect(blocked.headers.get('content-type')).toContain('application/problem+json')
    } finally {
      await server.close()
    }
  })

  it('behind a trusted proxy, still refuses an account after ten failures from any addresses', async () => {
    const server = await startTestServer(engine, { trustProxy: '127.0.0.1', lockoutAfter: noLockout })
    try {
      const blocked = await eleventhAttempt(server)
      expect(blocked.status).toBe(429)
      expect(blocked.headers.get('set-cookie')).toBeNull()
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      const problem = Problem.parse(await blocked.json())
      expect(problem.type).toContain('#rate-limited')
      expect(problem.detail).toMatch(/^Too many failed sign-ins for this account\. Wait 15 minutes/)
      // Another account is not affected.
      const other = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
        body: JSON.stringify({ username: 'kor', password: testPassword }),
      })
      expect(other.status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
