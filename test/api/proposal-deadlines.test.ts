import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { buildApp } from '../../src/server/app.ts'
import { clockOf } from '../../src/server/clock.ts'
import { deadlineQueue, pgBossScheduler } from '../../src/server/proposals/deadlines/pg-boss-scheduler.ts'
import { openDatabase } from '../../src/store/connect.ts'
import type { Db } from '../../src/store/database.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { upsertDemoUsers } from '../../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { createPostgresDatabase, engines } from '../support/databases.ts'
import { adoptionCounts, eventually, openSilenceProposals } from '../support/deadline-fixtures.ts'
import { fixedNow, testPassword } from '../support/server.ts'

/**
 * Durable deadlines on real PostgreSQL: three app instances on one database, each with its own
 * pg-boss worker, and 1,000 silence procedures due together. The app clock is the tests' fixed
 * one, so the deadlines are set a minute before it (due); their jobs run a few seconds from now in
 * real time, when pg-boss releases them.
 */

interface Instance {
  readonly db: Db
  readonly app: FastifyInstance
  readonly url: string
  readonly scheduler: ReturnType<typeof pgBossScheduler>
}

describe.each(engines.filter((engine) => engine === 'postgres'))(
  'silence deadlines on three instances of %s',
  () => {
    let database: { url: string; drop(): Promise<void> }
    let setup: Db
    const instances: Array<Instance | null> = [null, null, null]
    const clock = clockOf(() => fixedNow)
    const due = new Date(fixedNow.getTime() - 60_000)

    async function startInstance(slot: number): Promise<Instance> {
      const db = await openDatabase(database.url)
      const scheduler = pgBossScheduler(db, clock, {
        connectionString: database.url,
        pollingIntervalSeconds: 0.5,
      })
      const app = await buildApp({ db, clock, deadlines: scheduler })
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      await scheduler.start()
      const instance = { db, app, scheduler, url: `http://127.0.0.1:${address.port}` }
      instances[slot] = instance
      return instance
    }

    async function stopInstance(slot: number): Promise<void> {
      const instance = instances[slot]
      if (instance === null || instance === undefined) return
      instances[slot] = null
      await instance.app.close()
      await instance.scheduler.stop()
      await instance.db.close()
    }

    beforeAll(async () => {
      database = await createPostgresDatabase()
      setup = await openDatabase(database.url)
      await migrateToLatest(setup)
      await loadAllDemoData(setup, fixedNow)
      await upsertDemoUsers(setup, testPassword, fixedNow)
      for (const slot of [0, 1, 2]) await startInstance(slot)
    }, 60_000)

    afterAll(async () => {
      for (const slot of [0, 1, 2]) await stopInstance(slot)
      await setup.close()
      await database.drop()
    }, 30_000)

    async function jobStates(ids: readonly string[]): Promise<string[]> {
      const rows = await setup.kysely
        .selectFrom('pgboss.job' as 'proposal')
        .select((eb) => eb.ref('state' as 'status').as('state'))
        .where(({ eb, ref }) => eb(ref('name' as 'id'), '=', deadlineQueue))
        .where(({ eb, ref }) => eb(ref('singleton_key' as 'id'), 'in', [...ids]))
        .execute()
      return rows.map((row) => String(row.state))
    }

    it('adopts 1,000 deadlines due together exactly once across restarts; a broken silence never fires', async () => {
      const first = instances[0]
      if (first === null || first === undefined) throw new Error('instance 0 is not running')
      const before = await adoptionCounts(setup)
      const soon = new Date(Date.now() + 4_000)
      const ids = await openSilenceProposals(setup, first.scheduler, 1_000, due, soon, fixedNow)
      const [broken] = await openSilenceProposals(setup, first.scheduler, 1, due, soon, fixedNow)
      if (broken === undefined) throw new Error('no proposal to break')

      // France breaks silence on the last one before its job is released: the job is cancelled.
      const signIn = await fetch(`${first.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'fra', password: testPassword }),
      })
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const answer = await fetch(`${first.url}/api/v1/proposals/${broken}/break-silence`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'if-match': '"2"' },
        body: JSON.stringify({ note: 'France asks for discussion.' }),
      })
      expect(answer.status).toBe(200)
      expect(await jobStates([broken])).toEqual(['cancelled'])

      // Instances stop and start around the deadline, while the jobs are being taken.
      await eventually(async () => Date.now() >= soon.getTime(), 10_000)
      await stopInstance(1)
      await new Promise((resolve) => setTimeout(resolve, 300))
      await stopInstance(2)
      await startInstance(1)
      await startInstance(2)

      const drained = await eventually(
        async () => (await adoptionCounts(setup)).adopted - before.adopted >= 1_000,
        40_000,
      )
      expect(drained).toBe(true)
      // Give any stray second firing time to show itself.
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      const after = await adoptionCounts(setup)
      expect(after.adopted - before.adopted).toBe(1_000)
      expect(after.audited - before.audited).toBe(1_000)
      // Every proposal has its job and none failed. A job may still be waiting or held: a
      // restarted instance's catch-up sweep adopts what is due before its job is fetched, and a
      // job an instance held when it stopped stays active until pg-boss expires it; either then
      // finds the proposal adopted and changes nothing, as the counts above show.
      const states = await jobStates(ids)
      expect(states).toHaveLength(1_000)
      expect(states.filter((state) => state === 'failed' || state === 'cancelled')).toEqual([])

      const detail = await fetch(`${first.url}/api/v1/proposals/${broken}`, { headers: { cookie } })
      expect(ProposalDetail.parse(await detail.json())).toMatchObject({
        status: 'open',
        procedure: 'consensus',
        deadline: null,
      })
      expect(await jobStates([broken])).toEqual(['cancelled'])
    }, 90_000)

    it('fires at the next start the deadlines that passed while every instance was down', async () => {
      for (const slot of [0, 1, 2]) await stopInstance(slot)
      const before = await adoptionCounts(setup)
      const offline = pgBossScheduler(setup, clock, { connectionString: database.url })
      // Written while no server runs (the queue exists: pg-boss keeps its schema in the database).
      await openSilenceProposals(setup, offline, 100, due, new Date(), fixedNow)
      expect((await adoptionCounts(setup)).adopted).toBe(before.adopted)
      await Promise.all([0, 1, 2].map((slot) => startInstance(slot)))
      const drained = await eventually(
        async () => (await adoptionCounts(setup)).adopted - before.adopted >= 100,
        20_000,
      )
      expect(drained).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      const after = await adoptionCounts(setup)
      expect(after.adopted - before.adopted).toBe(100)
      expect(after.audited - before.audited).toBe(100)
    }, 60_000)
  },
)
