import type { z } from 'zod'
import type { ApprovalCreate, TransitionRequest } from '../../../contract/programme.ts'
import { fuzzyDate } from '../../../domain/fuzzy-date.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { checkTransition, createsVersion, startsNewRound } from '../../../domain/programme-lifecycle.ts'
import { programmeActor } from '../../../domain/programme-policy.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import {
  approvalsOfRound,
  linkSuccessor,
  requireSuccessor,
  storeApproval,
} from '../../../store/programme-lifecycle-store.ts'
import { nextRevision } from '../../../store/programme-revision-store.ts'
import { updateHeader } from '../../../store/programme-store.ts'
import { freezeVersion } from '../../../store/programme-version-store.ts'
import { assertCurrent, inProgrammeTransaction, openProgramme, programmeResource } from './open-programme.ts'

/** Records (or replaces, for this round) the council's agreement or the partner's approval of the text. */
export async function recordApproval(
  db: Db,
  principal: Principal,
  input: { programmeId: string; approval: z.infer<typeof ApprovalCreate> },
  expected: number,
  now: Date,
  /** Today in the alliance's zone: the day agreed when neither the request nor an approval gives one. */
  _today: string,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    const { approval } = input
    authorize(
      principal,
      approval.party === 'council' ? 'programme.approve-council' : 'programme.approve-partner',
      programmeResource(programme),
    )
    // The approver read this version of the text: a change since is a 409, not an approval of it.
    assertCurrent(programme, expected)
    await updateHeader(tx, programme.id, await nextRevision(tx, programme.id, now))
    await storeApproval(tx, principal, programme, approval, now)
    await recordAudit(
      tx,
      principal,
      {
        action: `approve:${approval.party}`,
        entity: 'programme',
        entityId: programme.id,
        details: { round: programme.round },
      },
      now,
    )
  })
}

/**
 * Takes one lifecycle step: checks it against the state machine with the approvals of the current
 * round, starts a new round on entering negotiation, freezes the text as the next version on
 * agreement, and links old and new programmes on supersession.
 */
export async function transitionProgramme(
  db: Db,
  principal: Principal,
  input: { programmeId: string; step: z.infer<typeof TransitionRequest> },
  expected: number,
  now: Date,
  /** Today in the alliance's zone: the day agreed when neither the request nor an approval gives one. */
  today: string,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const { step } = input
    const successorId = step.supersededBy ?? null
    const programme = await openProgramme(
      tx,
      db,
      principal,
      input.programmeId,
      successorId === null ? [] : [successorId],
    )
    assertCurrent(programme, expected)
    const approvals = await approvalsOfRound(tx, programme)
    const successor =
      successorId === null ? null : await requireSuccessor(tx, principal, programme, successorId)
    const to = checkTransition(
      {
        status: programme.status,
        councilAgreed: approvals.some((a) => a.party === 'council'),
        partnerApproved: approvals.some((a) => a.party === 'partner'),
        supersededBy: successor?.id ?? programme.supersededBy?.id ?? null,
      },
      step.to,
      programmeActor(principal, programme.partnerCode),
    )
    const agreedOn =
      (step.agreedOn === undefined ? null : fuzzyDate(step.agreedOn))?.value ??
      approvals
        .map((a) => a.decided_on)
        .sort()
        .at(-1) ??
      today
    const revision = await nextRevision(tx, programme.id, now)
    await updateHeader(tx, programme.id, revision, {
      status: to,
      ...(startsNewRound(to) ? { round: programme.round + 1 } : {}),
      ...(createsVersion(to) ? { agreed_on: agreedOn } : {}),
      ...(successor !== null ? { superseded_by_id: successor.id } : {}),
    })
    if (successor !== null) {
      await linkSuccessor(tx, programme.id, successor.id, await nextRevision(tx, successor.id, now))
    }
    if (createsVersion(to)) {
      await freezeVersion(tx, principal, programme.id, agreedOn, now)
    }
    await recordAudit(
      tx,
      principal,
      {
        action: 'transition',
        entity: 'programme',
        entityId: programme.id,
        details: { from: programme.status, to, version: revision },
      },
      now,
    )
  })
}
