import type { Db } from '../../../store/database.ts'
import type { Clock } from '../../clock.ts'
import type { RemindersConfig } from './config.ts'
import { remindersTick, type TickResult } from './tick.ts'

/**
 * The reminders' periodic loop, the same on both engines: every server runs it, and the tick's
 * unique key and atomic claims make several of them create and send each reminder once.
 */
export function remindersLoop(
  db: Db,
  clock: Pick<Clock, 'now'>,
  config: RemindersConfig,
  options: { readonly intervalMs?: number; readonly onError?: (error: unknown) => void } = {},
) {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<TickResult | null> | null = null

  /** One tick at a time: a tick that finds one running waits for it instead of starting another. */
  function tickNow(): Promise<TickResult | null> {
    if (running === null) {
      running = remindersTick(db, clock.now(), config)
        .catch((error: unknown) => {
          options.onError?.(error)
          return null
        })
        .finally(() => {
          running = null
        })
    }
    return running
  }

  return {
    tickNow,
    start() {
      timer = setInterval(() => void tickNow(), options.intervalMs ?? 5_000)
      timer.unref()
      void tickNow()
    },
    async stop() {
      if (timer !== null) clearInterval(timer)
      timer = null
      await running
    },
  }
}
