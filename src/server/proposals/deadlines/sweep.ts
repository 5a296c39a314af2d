import type { Db } from '../../../store/database.ts'
import { dueSilenceProposals } from '../../../store/proposal-deadline-store.ts'
import { adoptAtDeadline } from './adopt-at-deadline.ts'

const batch = 200

/**
 * Fires every silence deadline due at `now`, in batches; returns how many it adopted. Used by
 * the SQLite scheduler on every tick and by both at start, to catch up on deadlines that passed
 * while no server ran.
 */
export async function sweepDueDeadlines(db: Db, now: Date): Promise<number> {
  let adopted = 0
  for (;;) {
    const due = await dueSilenceProposals(db.kysely, now, batch)
    for (const id of due) {
      if ((await adoptAtDeadline(db, id, now)) === 'adopted') adopted += 1
    }
    if (due.length < batch) return adopted
  }
}
