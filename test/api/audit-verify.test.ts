import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditVerdictView } from '../../src/contract/audit.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

describe.each(engines)('GET /api/v1/audit/verify on %s', (engine) => {
  let server: TestServer
  let staff: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
  })
  afterAll(() => server.close())

  async function verdict() {
    const answer = await getJson(server, '/api/v1/audit/verify', staff)
    expect(answer.status).toBe(200)
    return AuditVerdictView.parse(answer.body)
  }

  async function entryCount(): Promise<number> {
    const row = await server.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('verifies an untouched trail, naming its newest entry', async () => {
    const count = await entryCount()
    expect(count).toBeGreaterThan(2)
    expect(await verdict()).toEqual({
      ok: true,
      checked: count,
      headSeq: count,
      firstBrokenSeq: null,
      problem: null,
    })
  })

  it('names an altered entry, verifies again once restored, then names a removed one', async () => {
    const second = await server.db.kysely
      .selectFrom('audit_log')
      .select(['id', 'action'])
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow()
    await server.db.kysely
      .updateTable('audit_log')
      .set({ action: 'forged' })
      .where('id', '=', second.id)
      .execute()
    const altered = await verdict()
    expect(altered).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2, headSeq: null })
    expect(altered.problem).toContain(`entry #2 (id ${second.id}) was altered`)

    await server.db.kysely
      .updateTable('audit_log')
      .set({ action: second.action })
      .where('id', '=', second.id)
      .execute()
    expect((await verdict()).ok).toBe(true)

    await server.db.kysely.deleteFrom('audit_log').where('seq', '=', 3).execute()
    const removed = await verdict()
    expect(removed).toMatchObject({ ok: false, firstBrokenSeq: 3 })
    expect(removed.problem).toContain('entry #3 was removed')
  })

  it('refuses the public (401), members, allies and partners (403)', async () => {
    expect((await getJson(server, '/api/v1/audit/verify')).status).toBe(401)
    for (const user of ['jpn', 'kor', 'fra']) {
      expect((await getJson(server, '/api/v1/audit/verify', await server.signIn(user))).status).toBe(403)
    }
  })
})
