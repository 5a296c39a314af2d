import type { Db } from '../../../store/database.ts'
import type { Clock } from '../../clock.ts'
import { pgBossScheduler } from './pg-boss-scheduler.ts'
import type { DeadlineScheduler } from './scheduler.ts'
import { sweepScheduler } from './sweep-scheduler.ts'

export type { DeadlineScheduler } from './scheduler.ts'

/** The engine's scheduler: pg-boss on PostgreSQL (at `location`), the in-process sweep on SQLite. */
export function deadlineSchedulerFor(
  db: Db,
  clock: Pick<Clock, 'now'>,
  location: string,
  onError: (error: unknown) => void,
): DeadlineScheduler {
  return db.engine === 'postgres'
    ? pgBossScheduler(db, clock, { connectionString: location, onError })
    : sweepScheduler(db, clock, { onError })
}
