import type { Transaction } from 'kysely'
import type { Database } from '../../../store/database.ts'

/**
 * Fires silence deadlines exactly once (issue 9). `schedule` and `cancel` run inside the
 * transaction that changes the proposal, so a job exists if and only if that change committed.
 * On PostgreSQL a pg-boss queue holds the jobs; on SQLite an in-process sweep reads the
 * proposals themselves, so its schedule and cancel have nothing to write.
 */
export interface DeadlineScheduler {
  schedule(tx: Transaction<Database>, proposalId: string, at: Date): Promise<void>
  cancel(tx: Transaction<Database>, proposalId: string): Promise<void>
  /** Starts firing, after a catch-up of the deadlines that passed while no server ran. */
  start(): Promise<void>
  /** Stops taking new work and waits for the running one. */
  stop(): Promise<void>
}

/** For an app built without one (most tests): nothing is written and nothing fires. */
export const inertDeadlines: DeadlineScheduler = {
  async schedule() {},
  async cancel() {},
  async start() {},
  async stop() {},
}
