import { adoptsAtDeadline } from '../../../domain/silence-deadline.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import { adoptProposal, silenceState } from '../../../store/proposal-deadline-store.ts'
import { lockProposal } from '../../../store/proposal-store.ts'

export type DeadlineOutcome = 'adopted' | 'not-due' | 'unchanged'

/**
 * The one command a deadline runs, from the queue's worker or the sweep: under the proposal's
 * row lock, adopts it if it is still open under silence with its deadline passed, writing one
 * outcome (status adopted) and one audit entry by the system. Run twice, or by several servers
 * at once, it adopts once: the second run finds it adopted and changes nothing.
 */
export async function adoptAtDeadline(db: Db, proposalId: string, now: Date): Promise<DeadlineOutcome> {
  return inTransaction(db, async (tx) => {
    await lockProposal(tx, db.engine, proposalId)
    const state = await silenceState(tx, proposalId)
    if (state === null) return 'unchanged'
    if (!adoptsAtDeadline(state, now)) {
      const waiting = state.status === 'open' && state.procedure === 'silence' && state.deadline !== null
      return waiting ? 'not-due' : 'unchanged'
    }
    if (!(await adoptProposal(tx, proposalId, state.version, now))) return 'unchanged'
    await recordAudit(
      tx,
      null,
      {
        action: 'adopt',
        entity: 'proposal',
        entityId: proposalId,
        details: { procedure: 'silence', deadline: state.deadline, version: state.version + 1 },
      },
      now,
    )
    return 'adopted'
  })
}
