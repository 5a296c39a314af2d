import type { Db } from '../../../store/database.ts'
import type { Clock } from '../../clock.ts'
import type { DeadlineScheduler } from './scheduler.ts'
import { sweepDueDeadlines } from './sweep.ts'

/**
 * SQLite's scheduler: one process owns the database, so an in-process sweep every few seconds
 * over the proposals themselves is durable (the deadline is the proposal's own column) and
 * exactly once (adoptAtDeadline is idempotent). Nothing to write when scheduling or cancelling.
 */
export function sweepScheduler(
  db: Db,
  clock: Pick<Clock, 'now'>,
  options: { readonly intervalMs?: number; readonly onError?: (error: unknown) => void } = {},
): DeadlineScheduler & { sweepNow(): Promise<number> } {
  const intervalMs = options.intervalMs ?? 5_000
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null

  /** One sweep at a time: a tick that finds one running waits for it instead of starting another. */
  function sweepNow(): Promise<number> {
    if (running === null) {
      running = sweepDueDeadlines(db, clock.now()).finally(() => {
        running = null
      })
    }
    return running
  }

  function tick() {
    sweepNow().catch((error: unknown) => options.onError?.(error))
  }

  return {
    async schedule() {},
    async cancel() {},
    async start() {
      await sweepNow()
      timer = setInterval(tick, intervalMs)
      timer.unref()
    },
    async stop() {
      if (timer !== null) clearInterval(timer)
      timer = null
      await running?.catch(() => 0)
    },
    sweepNow,
  }
}
