import type { z } from 'zod'
import type { BreakSilenceInput } from '../../../contract/proposal.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { authorize, hasPermission } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import {
  appendPosition,
  findVisibleProposal,
  lockProposal,
  memberCodesOn,
  updateProposal,
} from '../../../store/proposal-store.ts'
import type { DeadlineScheduler } from '../deadlines/scheduler.ts'

/**
 * A member breaks a running silence procedure: the proposal returns to discussion (consensus,
 * open, no deadline) and its deadline job is cancelled in the same transaction, so a broken
 * silence can never be adopted by the deadline. The history names who broke it and for whom.
 */
export async function breakSilence(
  db: Db,
  deadlines: DeadlineScheduler,
  principal: Principal,
  input: { readonly id: string } & z.infer<typeof BreakSilenceInput>,
  expected: number,
  clock: { readonly now: Date; readonly today: string },
): Promise<number> {
  const member = input.member ?? principal.country
  if (member === null || member === undefined) {
    // Only staff may leave no member of their own; anyone else is refused as such (401/403).
    authorize(principal, 'proposal.break-silence', {
      type: 'proposal-position',
      member: '',
      status: 'open',
      procedure: 'silence',
    })
    throw invalidInput('break of silence', [
      { pointer: '#/member', detail: 'Name the member state on whose behalf silence is broken' },
    ])
  }
  return inTransaction(db, async (tx) => {
    await lockProposal(tx, db.engine, input.id)
    const current = await findVisibleProposal(tx, principal, input.id)
    if (current === null) throw new DomainError('not-found', `No proposal has the id ${input.id}.`)
    authorize(principal, 'proposal.break-silence', {
      type: 'proposal-position',
      member,
      status: current.status,
      procedure: current.procedure,
    })
    const members = await memberCodesOn(tx, clock.today)
    if (!members.includes(member)) throw new DomainError('not-found', `${member} is not a member state.`)
    const onBehalf = !(hasPermission(principal, 'proposal.position-own') && principal.country === member)
    const version = await updateProposal(
      tx,
      principal,
      current.id,
      expected,
      { procedure: 'consensus', status: 'open', deadline: null },
      clock.now,
    )
    await appendPosition(tx, current.id, {
      event: 'break-silence',
      member,
      position: 'none',
      note: input.note ?? null,
      recordedBy: principal.username,
      onBehalf,
      at: clock.now.toISOString(),
    })
    await deadlines.cancel(tx, current.id)
    await recordAudit(
      tx,
      principal,
      {
        action: 'break-silence',
        entity: 'proposal',
        entityId: current.id,
        changes: {
          procedure: { before: 'silence', after: 'consensus' },
          deadline: { before: current.deadline, after: null },
        },
        details: { member, onBehalf, version },
      },
      clock.now,
    )
    return version
  })
}
