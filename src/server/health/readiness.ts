import { Migrator, sql } from 'kysely'
import type { Db } from '../../store/database.ts'
import { migrations } from '../../store/migrations/index.ts'

/**
 * Set when the server begins to stop, before it stops accepting: /readyz then answers 503 so that
 * a load balancer takes the instance out of rotation while open requests finish.
 */
export interface ShutdownState {
  draining: boolean
}

export type ReadinessResult =
  | { readonly ready: true; readonly migrations: number }
  | { readonly ready: false; readonly reason: string }

/** Whether this instance should get traffic: not draining, database reachable, no migration pending. */
export async function checkReadiness(db: Db, shutdown: ShutdownState): Promise<ReadinessResult> {
  if (shutdown.draining) {
    return { ready: false, reason: 'The server is shutting down.' }
  }
  try {
    await sql`select 1`.execute(db.kysely)
  } catch {
    // The driver's message may carry host names or users; the log has it, the answer does not.
    return { ready: false, reason: 'The database does not answer.' }
  }
  try {
    const known = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => migrations },
    }).getMigrations()
    const pending = known.filter((migration) => migration.executedAt === undefined)
    if (pending.length > 0) {
      return { ready: false, reason: `${pending.length} database migration(s) have not been applied.` }
    }
    return { ready: true, migrations: known.length }
  } catch {
    return { ready: false, reason: 'The migration state cannot be read.' }
  }
}
