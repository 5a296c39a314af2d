import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { fixedNow, startTestServer, type TestServer } from '../support/server.ts'

const second = 1000

async function sessionRows(server: TestServer, prefix: string): Promise<number> {
  const rows = await server.db.kysely
    .selectFrom('user_session')
    .select('id')
    .where('id', 'like', `${prefix}%`)
    .execute()
  return rows.length
}

describe.each(engines)('expired sessions are purged on sign-in, on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it('deletes at most a hundred expired sessions per sign-in and keeps the live ones', async () => {
    const { id: userId } = await server.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'staff')
      .executeTakeFirstOrThrow()
    const row = (id: string, expiresAt: number) => ({
      id,
      user_id: userId,
      created_at: new Date(expiresAt - 12 * 3600 * second).toISOString(),
      expires_at: new Date(expiresAt).toISOString(),
    })
    const now = fixedNow.getTime()
    const expired = Array.from({ length: 150 }, (_, i) => row(`expired-${i}`, now - (i + 1) * second))
    await server.db.kysely
      .insertInto('user_session')
      .values([...expired, row('live-0', now + second)])
      .execute()

    await server.signIn('jpn')
    expect(await sessionRows(server, 'expired-')).toBe(50)
    await server.signIn('kor')
    expect(await sessionRows(server, 'expired-')).toBe(0)
    expect(await sessionRows(server, 'live-')).toBe(1)
  })
})
