import { statusOnAdoption } from '../../../domain/liaison-office.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Executor } from '../../../store/executor.ts'
import { setOfficeStatusBySystem } from '../../../store/liaison-office-store.ts'
import { type ProposalRecord, storedOfficeLink } from '../../../store/proposal-store.ts'

/**
 * What an adoption sets going, in the adopting transaction: a liaison-office proposal opens the
 * office it decides. Every path that adopts (the last concurring position, a silence deadline)
 * calls this, so the office and its decision never disagree.
 */
export async function onProposalAdopted(
  tx: Executor,
  proposal: Pick<ProposalRecord, 'id' | 'kind'>,
  now: Date,
): Promise<void> {
  if (proposal.kind !== 'liaison-office') return
  // The stored link, not the adopter's view of it: the office opens even if they cannot see it.
  const office = await storedOfficeLink(tx, proposal.id)
  if (office === null) return
  const changed = await setOfficeStatusBySystem(tx, office, statusOnAdoption, now)
  if (changed === null || changed.before === changed.after) return
  await recordAudit(
    tx,
    null,
    {
      action: 'update',
      entity: 'liaison-office',
      entityId: office,
      changes: { status: { before: changed.before, after: changed.after } },
      details: { adoptedProposal: proposal.id },
    },
    now,
  )
}
