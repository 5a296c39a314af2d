import { clockOf } from '../src/server/clock.ts'
import { pgBossScheduler } from '../src/server/proposals/deadlines/pg-boss-scheduler.ts'
import type { DeadlineScheduler } from '../src/server/proposals/deadlines/scheduler.ts'
import { sweepDueDeadlines } from '../src/server/proposals/deadlines/sweep.ts'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import { createPostgresDatabase, freshDatabase } from '../test/support/databases.ts'
import { adoptionCounts, eventually, openSilenceProposals } from '../test/support/deadline-fixtures.ts'

/**
 * The deadline benchmark of issue 9 (Deliver 9): 1,000 silence procedures due in the same minute.
 * On PostgreSQL three instances, each with its own pg-boss worker, drain the queue; printed: the
 * time from the jobs' release to the last adoption, the adoptions and the audit entries (both must
 * be 1,000). On SQLite one process's sweep adopts them; printed: the time of that sweep.
 */
const count = Number(process.env.BENCH_DEADLINES ?? 1_000)
const now = new Date('2026-11-27T12:00:00Z')
const clock = clockOf(() => now)
const due = new Date(now.getTime() - 60_000)
const inert: DeadlineScheduler = {
  schedule: async () => undefined,
  cancel: async () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
}

async function postgres(): Promise<string> {
  const database = await createPostgresDatabase()
  const setup = await openDatabase(database.url)
  const instances: { db: Db; scheduler: ReturnType<typeof pgBossScheduler> }[] = []
  try {
    await migrateToLatest(setup)
    await loadAllDemoData(setup, now)
    for (let index = 0; index < 3; index++) {
      const db = await openDatabase(database.url)
      const scheduler = pgBossScheduler(db, clock, {
        connectionString: database.url,
        pollingIntervalSeconds: 0.5,
      })
      await scheduler.start()
      instances.push({ db, scheduler })
    }
    const first = instances[0]
    if (first === undefined) throw new Error('no instance')
    const before = await adoptionCounts(setup)
    const releaseAt = new Date(Date.now() + 8_000)
    await openSilenceProposals(setup, first.scheduler, count, due, releaseAt, now)
    await eventually(async () => Date.now() >= releaseAt.getTime(), 20_000)
    const drained = await eventually(
      async () => (await adoptionCounts(setup)).adopted - before.adopted >= count,
      120_000,
    )
    const seconds = (Date.now() - releaseAt.getTime()) / 1000
    // A stray second firing would show itself within a few polls.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const after = await adoptionCounts(setup)
    return `postgres  3 instances: ${count} deadlines drained in ${drained ? seconds.toFixed(1) : '> 120'} s; adoptions ${after.adopted - before.adopted}, audit entries ${after.audited - before.audited}`
  } finally {
    for (const instance of instances) {
      await instance.scheduler.stop()
      await instance.db.close()
    }
    await setup.close()
    await database.drop()
  }
}

async function sqlite(): Promise<string> {
  const database = await freshDatabase('sqlite')
  try {
    await loadAllDemoData(database.db, now)
    const before = await adoptionCounts(database.db)
    await openSilenceProposals(database.db, inert, count, due, due, now)
    const started = performance.now()
    const adopted = await sweepDueDeadlines(database.db, now)
    const seconds = (performance.now() - started) / 1000
    const again = await sweepDueDeadlines(database.db, now)
    const after = await adoptionCounts(database.db)
    return `sqlite    1 process sweep: ${adopted} deadlines adopted in ${seconds.toFixed(2)} s (a second sweep adopted ${again}); adoptions ${after.adopted - before.adopted}, audit entries ${after.audited - before.audited}`
  } finally {
    await database.dispose()
  }
}

export async function run(): Promise<void> {
  const lines = [await sqlite(), await postgres()]
  console.log(lines.join('\n'))
}
