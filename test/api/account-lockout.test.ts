import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

async function signIn(server: TestServer, username: string, password: string) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return { status: response.status, body: await response.json() }
}

async function lockState(server: TestServer, username: string) {
  return server.db.kysely
    .selectFrom('app_user')
    .select(['failed_sign_ins', 'locked_at'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
}

const lockedMessage =
  'This account is locked after too many failed sign-ins. Ask an administrator to unlock it.'

describe.each(engines)('account lockout on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it('counts failures in the database and a success starts the count again', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await signIn(server, 'jpn', 'wrong')).status).toBe(401)
    }
    expect(await lockState(server, 'jpn')).toMatchObject({ failed_sign_ins: 4, locked_at: null })
    expect((await signIn(server, 'jpn', testPassword)).status).toBe(200)
    expect(Number((await lockState(server, 'jpn')).failed_sign_ins)).toBe(0)
  })

  it('locks the account at the fifth consecutive failure, and then refuses the right password too', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await signIn(server, 'kor', 'wrong')).status).toBe(401)
    }
    const fifth = await signIn(server, 'kor', 'wrong')
    expect(fifth.status).toBe(403)
    expect(Problem.parse(fifth.body).detail).toBe(lockedMessage)
    const right = await signIn(server, 'kor', testPassword)
    expect(right.status).toBe(403)
    expect(Problem.parse(right.body).detail).toBe(lockedMessage)
    // Stored, not in memory: another instance (or a restart) over this database sees the lock.
    expect((await lockState(server, 'kor')).locked_at).toEqual(expect.any(String))
  })

  it('does not lock or count an unknown username', async () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      expect((await signIn(server, 'nobody', 'wrong')).status).toBe(401)
    }
  })
})

describe.each(engines)('unlocking an account on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  async function unlock(username: string, cookie: string) {
    const { id } = await server.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    return fetch(`${server.url}/api/v1/users/${id}/unlock`, { method: 'POST', headers: { cookie } })
  }

  it('lets an administrator unlock a locked account, which may then sign in', async () => {
    const partner = await server.signIn('jpn')
    for (let attempt = 0; attempt < 5; attempt++) await signIn(server, 'kor', 'wrong')
    expect((await signIn(server, 'kor', testPassword)).status).toBe(403)

    expect((await unlock('kor', partner)).status).toBe(404)
    expect((await signIn(server, 'kor', testPassword)).status).toBe(403)

    const response = await unlock('kor', await server.signIn('staff'))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ username: 'kor', locked: false, failedSignIns: 0 })
    expect((await signIn(server, 'kor', testPassword)).status).toBe(200)
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['lock', 'unlock'])
      .execute()
    expect(audit.map((row) => row.action).sort()).toEqual(['lock', 'unlock'])
  })

  it('asks a signed-out caller to sign in', async () => {
    expect((await unlock('kor', '')).status).toBe(401)
  })
})

describe.each(engines)('locking revokes access at once on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it('signs the locked account out and kills its calendar feed', async () => {
    const cookie = await server.signIn('kor')
    const created = await fetch(`${server.url}/api/v1/calendar-feed`, { method: 'POST', headers: { cookie } })
    expect(created.status).toBe(201)
    const { token } = (await created.json()) as { token: string }
    const feed = `${server.url}/api/v1/calendar/${token}/partners/KOR.ics`
    expect((await fetch(feed)).status).toBe(200)
    const me = async () =>
      (
        (await (await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).json()) as {
          kind: string
        }
      ).kind
    expect(await me()).toBe('partner')

    for (let attempt = 0; attempt < 5; attempt++) await signIn(server, 'kor', 'wrong')

    expect(await me()).toBe('public')
    expect((await fetch(feed)).status).toBe(404)
  })
})
