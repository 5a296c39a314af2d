import { randomUUID } from 'node:crypto'
import { DomainError } from '../domain/errors.ts'
import type { FuzzyDate } from '../domain/fuzzy-date.ts'
import type { Principal } from '../domain/principal.ts'
import type { ProgrammeStatus } from '../domain/programme.ts'
import { checkTransition, createsVersion, startsNewRound } from '../domain/programme-lifecycle.ts'
import { type ApprovalParty, approvalParties, programmeActor } from '../domain/programme-policy.ts'
import { recordAudit } from './audit-store.ts'
import type { Db } from './database.ts'
import type { Executor } from './executor.ts'
import { markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import { bumpProgramme, findVisibleProgramme, invalidField, type ProgrammeRecord } from './programme-store.ts'
import { freezeVersion } from './programme-version-store.ts'

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
export async function recordApproval(
  db: Db,
  principal: Principal,
  programme: ProgrammeRecord,
  expectedVersion: number,
  input: { party: ApprovalParty; decidedOn: string; note: string },
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await bumpProgramme(tx, programme.id, expectedVersion, now)
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
    await recordAudit(
      tx,
      principal,
      {
        action: `approve:${input.party}`,
        entity: 'programme',
        entityId: programme.id,
        details: { round: programme.round },
      },
      now,
    )
  })
}

export interface TransitionInput {
  readonly to: ProgrammeStatus
  readonly supersededBy: string | null
  /** When it was agreed (EDTF), for the step to `agreed`; defaults to the later approval's day. */
  readonly agreedOn: FuzzyDate | null
}

/**
 * Takes one lifecycle step in one transaction: checks it against the state machine with the
 * approvals of the current round, starts a new round on entering negotiation, freezes the text as
 * the next version on agreement, and links old and new programmes on supersession.
 */
export async function transitionProgramme(
  db: Db,
  principal: Principal,
  programme: ProgrammeRecord,
  expectedVersion: number,
  input: TransitionInput,
  now: Date,
  /** Today in the alliance's zone: the day agreed when neither the request nor an approval gives one. */
  today: string,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    // Approvals are read unfiltered: whether both parties agreed is a fact about the programme.
    const approvals = await tx
      .selectFrom('programme_approval')
      .select(['party', 'decided_on'])
      .where('programme_id', '=', programme.id)
      .where('round', '=', programme.round)
      .execute()
    const successor =
      input.supersededBy === null
        ? null
        : await requireSuccessor(tx, principal, programme, input.supersededBy)
    const to = checkTransition(
      {
        status: programme.status,
        councilAgreed: approvals.some((a) => a.party === 'council'),
        partnerApproved: approvals.some((a) => a.party === 'partner'),
        supersededBy: successor?.id ?? programme.supersededBy?.id ?? null,
      },
      input.to,
      programmeActor(principal, programme.partnerCode),
    )
    const agreedOn =
      input.agreedOn?.value ??
      approvals
        .map((a) => a.decided_on)
        .sort()
        .at(-1) ??
      today
    const version = await bumpProgramme(tx, programme.id, expectedVersion, now, {
      status: to,
      ...(startsNewRound(to) ? { round: programme.round + 1 } : {}),
      ...(createsVersion(to) ? { agreed_on: agreedOn } : {}),
      ...(successor !== null ? { superseded_by_id: successor.id } : {}),
    })
    if (successor !== null) {
      await tx
        .updateTable('programme')
        .set({ supersedes_id: programme.id })
        .where('id', '=', successor.id)
        .execute()
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
        details: { from: programme.status, to, version },
      },
      now,
    )
  })
}

async function requireSuccessor(tx: Executor, principal: Principal, programme: ProgrammeRecord, id: string) {
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
