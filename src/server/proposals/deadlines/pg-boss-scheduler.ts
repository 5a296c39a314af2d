import { CompiledQuery, type Transaction } from 'kysely'
import PgBoss from 'pg-boss'
import type { Database, Db } from '../../../store/database.ts'
import { pendingSilenceDeadlines } from '../../../store/proposal-deadline-store.ts'
import type { Clock } from '../../clock.ts'
import { adoptAtDeadline } from './adopt-at-deadline.ts'
import type { DeadlineScheduler } from './scheduler.ts'
import { sweepDueDeadlines } from './sweep.ts'

export const deadlineQueue = 'proposal-deadline'

interface DeadlineJob {
  readonly proposalId: string
}

/** pg-boss's database interface over the proposal change's own transaction: the job commits with it. */
export function inTransactionOf(tx: Transaction<Database>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await tx.executeQuery(CompiledQuery.raw(text, values))
      return { rows: [...result.rows] }
    },
  }
}

/**
 * PostgreSQL's scheduler: a pg-boss 10 queue in the same database. A deadline is a job sent in
 * the transaction that opens the proposal (singleton key = proposal id, start after = deadline)
 * and cancelled in the one that breaks silence or withdraws. Every instance runs a worker; a job
 * is fetched by one of them (SKIP LOCKED), and adoptAtDeadline locks the proposal and adopts only
 * once, so neither two instances nor a retried job can adopt twice.
 */
export function pgBossScheduler(
  db: Db,
  clock: Pick<Clock, 'now'>,
  options: {
    readonly connectionString: string
    /** Seconds between a worker's fetches (pg-boss's default is 2). */
    readonly pollingIntervalSeconds?: number
    readonly onError?: (error: unknown) => void
  },
): DeadlineScheduler & { readonly boss: PgBoss } {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: 4,
    application_name: 'liaison-deadlines',
  })
  boss.on('error', (error) => options.onError?.(error))

  async function fire(jobs: PgBoss.Job<DeadlineJob>[]): Promise<void> {
    for (const job of jobs) {
      const outcome = await adoptAtDeadline(db, job.data.proposalId, clock.now())
      if (outcome === 'not-due') {
        // The job ran before the deadline by the app's clock (clock skew): wait for it again.
        const state = await pendingSilenceDeadlines(db.kysely, clock.now())
        const pending = state.find((entry) => entry.id === job.data.proposalId)
        if (pending !== undefined) await sendFor(boss, pending.id, laterOf(pending.deadline))
      }
    }
  }

  return {
    boss,
    async schedule(tx, proposalId, at) {
      await sendFor(boss, proposalId, at, inTransactionOf(tx))
    },
    async cancel(tx, proposalId) {
      const db = inTransactionOf(tx)
      const { rows } = await db.executeSql(
        `select id from pgboss.job where name = $1 and singleton_key = $2 and state < 'active'`,
        [deadlineQueue, proposalId],
      )
      const ids = rows.map((row: { id: string }) => row.id)
      if (ids.length > 0) await boss.cancel(deadlineQueue, ids, { db })
    },
    async start() {
      await boss.start()
      await ensureQueue(boss)
      // Catch-up: deadlines that passed while no server ran fire now, and every pending
      // deadline has its job (a proposal opened by the seed or before this queue existed).
      await sweepDueDeadlines(db, clock.now())
      for (const pending of await pendingSilenceDeadlines(db.kysely, clock.now())) {
        await sendFor(boss, pending.id, new Date(pending.deadline))
      }
      await boss.work<DeadlineJob>(
        deadlineQueue,
        { batchSize: 50, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        fire,
      )
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}

/** One waiting job per proposal: the queue's "short" policy refuses a second (send answers null). */
async function sendFor(boss: PgBoss, proposalId: string, at: Date, db?: PgBoss.Db): Promise<void> {
  await boss.send(deadlineQueue, { proposalId } satisfies DeadlineJob, {
    singletonKey: proposalId,
    startAfter: at,
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
    ...(db === undefined ? {} : { db }),
  })
}

/** The deadline, or a few seconds from now when the queue's clock already passed it. */
function laterOf(deadline: string): Date {
  return new Date(Math.max(Date.parse(deadline), Date.now() + 5_000))
}

/** Creates the queue once; instances starting together may race, and the loser finds it made. */
async function ensureQueue(boss: PgBoss): Promise<void> {
  if ((await boss.getQueue(deadlineQueue)) !== null) return
  try {
    await boss.createQueue(deadlineQueue, { name: deadlineQueue, policy: 'short' })
  } catch (error) {
    if ((await boss.getQueue(deadlineQueue)) === null) throw error
  }
}
