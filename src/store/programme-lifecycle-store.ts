import { randomUUID } from 'node:crypto'
import { DomainError } from '../domain/errors.ts'
import type { Principal } from '../domain/principal.ts'
import { type ApprovalParty, approvalParties } from '../domain/programme-policy.ts'
import type { Executor } from './executor.ts'
import { markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import { findVisibleProgramme, invalidField, type ProgrammeRecord, updateHeader } from './programme-store.ts'

export interface ApprovalRecord {
  readonly id: string
  readonly party: ApprovalParty
  readonly round: number
  readonly decidedOn: string
  readonly note: string
  readonly recordedBy: string | null
  readonly recordedAt: string
}

/** The approvals of the programme this principal may see, newest round first. */
export async function listVisibleApprovals(
  db: Executor,
  principal: Principal,
  programmeId: string,
): Promise<ApprovalRecord[]> {
  const rows = await db
    .selectFrom('programme_approval as a')
    .selectAll('a')
    .where('a.programme_id', '=', programmeId)
    .where(programmePartVisibleTo(principal, 'a'))
    .orderBy('a.round', 'desc')
    .orderBy('a.party')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    party: approvalParties.find((party) => party === row.party) ?? 'council',
    round: Number(row.round),
    decidedOn: row.decided_on,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  }))
}

/** Records (or replaces, for this round) one party's approval of the negotiated text. */
export async function storeApproval(
  tx: Executor,
  principal: Principal,
  programme: ProgrammeRecord,
  input: { party: ApprovalParty; decidedOn: string; note: string },
  now: Date,
): Promise<void> {
  await tx
    .deleteFrom('programme_approval')
    .where('programme_id', '=', programme.id)
    .where('party', '=', input.party)
    .where('round', '=', programme.round)
    .execute()
  await tx
    .insertInto('programme_approval')
    .values({
      id: randomUUID(),
      programme_id: programme.id,
      party: input.party,
      round: programme.round,
      decided_on: input.decidedOn,
      note: input.note,
      recorded_by: principal.username,
      recorded_at: now.toISOString(),
      // An approval is as sensitive as the programme it approves.
      ...markingToColumns(programme.marking),
    })
    .execute()
}

/**
 * The approvals of the current round, read unfiltered: whether both parties agreed is a fact about
 * the programme, which the state machine needs whoever asks.
 */
export async function approvalsOfRound(tx: Executor, programme: ProgrammeRecord) {
  return tx
    .selectFrom('programme_approval')
    .select(['party', 'decided_on'])
    .where('programme_id', '=', programme.id)
    .where('round', '=', programme.round)
    .execute()
}

/** Names `successorId` as the programme that supersedes `programmeId`, from the successor's side. */
export async function linkSuccessor(
  tx: Executor,
  programmeId: string,
  successorId: string,
  revision: number,
): Promise<void> {
  await updateHeader(tx, successorId, revision, { supersedes_id: programmeId })
}

/** Another programme of the same partner that may supersede this one; 400 or 409 otherwise. */
export async function requireSuccessor(
  tx: Executor,
  principal: Principal,
  programme: ProgrammeRecord,
  id: string,
): Promise<ProgrammeRecord> {
  const successor = await findVisibleProgramme(tx, principal, id)
  if (
    successor === null ||
    successor.partnerCode !== programme.partnerCode ||
    successor.id === programme.id
  ) {
    throw invalidField('supersededBy', 'Name another programme of the same partner')
  }
  if (successor.status === 'superseded') {
    throw new DomainError('invalid-state', 'A superseded programme cannot supersede another.')
  }
  return successor
}
