import type { z } from 'zod'
import { ProposalInput, type ProposalPatch } from '../../../contract/proposal.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { draftProblems } from '../../../domain/proposal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import {
  findVisibleProposal,
  lockProposal,
  type ProposalRecord,
  unseenLinks,
  updateProposal,
} from '../../../store/proposal-store.ts'
import { mergePatch } from '../../merge-patch.ts'
import { presentMarking } from '../../present.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'

/** The stored draft as an input, so that a merge patch can be laid over it and checked whole. */
function asInput(record: ProposalRecord): z.input<typeof ProposalInput> {
  const marking = presentMarking(record.marking)
  return {
    title: record.title,
    text: record.text,
    kind: record.kind,
    partner: record.partner,
    programme: record.programme,
    engagement: record.engagement,
    liaisonOffice: record.liaisonOffice,
    procedure: record.procedure,
    deadline: record.deadline,
    marking: { classification: marking.classification, releasableTo: [...marking.releasableTo] },
  }
}

/** Lays a merge patch over a draft proposal; the merged draft must be valid. Returns the new version. */
export async function editProposal(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.infer<typeof ProposalPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockProposal(tx, db.engine, input.id)
    const current = await findVisibleProposal(tx, principal, input.id)
    if (current === null) throw new DomainError('not-found', `No proposal has the id ${input.id}.`)
    authorize(principal, 'proposal.edit', {
      type: 'proposal',
      status: current.status,
      procedure: current.procedure,
    })
    const merged = mergePatch('proposal', ProposalInput, asInput(current), input.patch)
    const marking = toMarking(principal, merged.marking, current.marking)
    const links = {
      partner: merged.partner,
      programme: merged.programme,
      engagement: merged.engagement,
      liaisonOffice: merged.liaisonOffice,
    }
    const deadline = merged.deadline === null ? null : new Date(merged.deadline).toISOString()
    const unseen = await unseenLinks(tx, principal, links)
    const problems = [
      ...draftProblems({ procedure: merged.procedure, deadline }, now),
      ...unseen.map((field) => ({ pointer: `#/${field}`, detail: `No ${field} with this id is known` })),
    ]
    if (problems.length > 0) throw invalidInput('proposal', problems)
    const after = {
      title: merged.title,
      text: merged.text,
      kind: merged.kind,
      ...links,
      procedure: merged.procedure,
      deadline,
      marking: presentMarking(marking),
    }
    const before = { ...asInput(current), marking: presentMarking(current.marking) }
    const version = await updateProposal(
      tx,
      principal,
      current.id,
      expected,
      {
        title: after.title,
        text: after.text,
        kind: after.kind,
        links,
        procedure: after.procedure,
        deadline,
        marking,
      },
      now,
    )
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'proposal',
        entityId: current.id,
        changes: changedFields(before, after),
        details: { version },
      },
      now,
    )
    return version
  })
}
