import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { buildApp } from '../../src/server/app.ts'
import { clockOf } from '../../src/server/clock.ts'
import { sweepScheduler } from '../../src/server/proposals/deadlines/sweep-scheduler.ts'
import { dueSilenceProposals } from '../../src/store/proposal-deadline-store.ts'
import { upsertDemoUsers } from '../../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { freshDatabase, type TestDatabase } from '../support/databases.ts'
import { adoptionCounts, eventually } from '../support/deadline-fixtures.ts'
import { fixedNow, testPassword } from '../support/server.ts'

/** SQLite's in-process sweep: it adopts at the deadline by the app's clock, catches up at start, and fires once. */
describe('silence deadlines on SQLite', () => {
  let database: TestDatabase
  let app: FastifyInstance
  let url = ''
  let staff = ''
  let fra = ''
  let now = fixedNow
  const clock = clockOf(() => now)
  let scheduler: ReturnType<typeof sweepScheduler>

  beforeAll(async () => {
    database = await freshDatabase('sqlite')
    await loadAllDemoData(database.db, fixedNow)
    await upsertDemoUsers(database.db, testPassword, fixedNow)
    scheduler = sweepScheduler(database.db, clock, { intervalMs: 100 })
    app = await buildApp({ db: database.db, clock, deadlines: scheduler })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    url = `http://127.0.0.1:${address.port}`
    staff = await signIn('staff')
    fra = await signIn('fra')
  }, 60_000)
  afterAll(async () => {
    await scheduler.stop()
    await app.close()
    await database.dispose()
  })

  async function signIn(username: string): Promise<string> {
    const response = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: testPassword }),
    })
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  }

  async function send(path: string, cookie: string, body: unknown, version?: number) {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
      },
      body: JSON.stringify(body),
    })
    return ProposalDetail.parse(await response.json())
  }

  async function openSilence(title: string, deadline: Date) {
    const draft = await send('/api/v1/proposals', staff, {
      title,
      kind: 'statement',
      procedure: 'silence',
      deadline: deadline.toISOString(),
      marking: { classification: 'PUBLIC', releasableTo: [] },
    })
    const response = await fetch(`${url}/api/v1/proposals/${draft.id}/open`, {
      method: 'POST',
      headers: { cookie: staff, 'if-match': `"${draft.version}"` },
    })
    return ProposalDetail.parse(await response.json())
  }

  async function statusOf(id: string): Promise<string> {
    const response = await fetch(`${url}/api/v1/proposals/${id}`, { headers: { cookie: staff } })
    return ProposalDetail.parse(await response.json()).status
  }

  it('catches up at start, adopts at the deadline once, and never adopts a broken silence', async () => {
    const hour = 3_600_000
    const passedWhileDown = await openSilence('Passed while no sweep ran', new Date(now.getTime() + hour))
    const broken = await openSilence('Broken by France', new Date(now.getTime() + hour))
    await send(`/api/v1/proposals/${broken.id}/break-silence`, fra, {}, broken.version)
    now = new Date(now.getTime() + 2 * hour)
    expect(await statusOf(passedWhileDown.id)).toBe('open')

    // Everything due while no sweep ran: this one, and the demo's own silence procedure (due five
    // minutes after the seed), but not the broken one.
    const due = await dueSilenceProposals(database.db.kysely, now, 100)
    expect(due).toContain(passedWhileDown.id)
    expect(due).not.toContain(broken.id)
    await scheduler.start()
    expect(await statusOf(passedWhileDown.id)).toBe('adopted')
    expect(await adoptionCounts(database.db)).toEqual({ adopted: due.length, audited: due.length })

    const later = await openSilence('Due in a minute', new Date(now.getTime() + 60_000))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await statusOf(later.id)).toBe('open')
    now = new Date(now.getTime() + 60_000)
    expect(await eventually(async () => (await statusOf(later.id)) === 'adopted', 5_000)).toBe(true)
    expect(await scheduler.sweepNow()).toBe(0)
    expect(await adoptionCounts(database.db)).toEqual({ adopted: due.length + 1, audited: due.length + 1 })
    expect(await statusOf(broken.id)).toBe('open')

    const audit = await database.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'at'])
      .where('action', '=', 'adopt')
      .where('entity_id', '=', later.id)
      .execute()
    expect(audit).toEqual([{ actor: null, at: now.toISOString() }])
  })
})
