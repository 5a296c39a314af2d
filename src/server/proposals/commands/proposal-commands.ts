import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { PositionInput, ProposalInput } from '../../../contract/proposal.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { authorize, hasPermission } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { draftProblems, type ProposalDraft, statusFromPositions } from '../../../domain/proposal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import {
  appendPosition,
  findVisibleProposal,
  insertProposal,
  lockProposal,
  memberCodesOn,
  type ProposalRecord,
  positionHistories,
  setProposalStatus,
  unseenLinks,
} from '../../../store/proposal-store.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'
import { type DeadlineScheduler, inertDeadlines } from '../deadlines/scheduler.ts'
import { onProposalAdopted } from './on-adopted.ts'

/**
 * The proposal commands. Each opens the request's one transaction and inside it locks and loads
 * what the principal may see, authorises, writes (the If-Match version is compared in the UPDATE)
 * and records the audit entry. Adopted and blocked are never set by a person: they follow from
 * the members' positions, evaluated here after each one is recorded.
 */

async function lockAndLoad(tx: Executor, db: Db, principal: Principal, id: string): Promise<ProposalRecord> {
  await lockProposal(tx, db.engine, id)
  const found = await findVisibleProposal(tx, principal, id)
  if (found === null) throw new DomainError('not-found', `No proposal has the id ${id}.`)
  return found
}

/** Records a new draft proposal; returns its id. */
export async function createProposal(
  db: Db,
  principal: Principal,
  input: z.infer<typeof ProposalInput>,
  now: Date,
): Promise<string> {
  authorize(principal, 'proposal.create', { type: 'proposal', status: 'draft', procedure: input.procedure })
  const marking = toMarking(principal, input.marking, null)
  const draft: ProposalDraft = {
    title: input.title,
    text: input.text,
    kind: input.kind,
    links: {
      partner: input.partner,
      programme: input.programme,
      engagement: input.engagement,
      liaisonOffice: input.liaisonOffice,
    },
    procedure: input.procedure,
    deadline: input.deadline === null ? null : new Date(input.deadline).toISOString(),
    marking,
  }
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    const unseen = await unseenLinks(tx, principal, draft.links)
    const problems = [
      ...draftProblems(draft, now),
      ...unseen.map((field) => ({ pointer: `#/${field}`, detail: `No ${field} with this id is known` })),
    ]
    if (problems.length > 0) throw invalidInput('proposal', problems)
    await insertProposal(tx, id, draft, now)
    await recordAudit(
      tx,
      principal,
      { action: 'create', entity: 'proposal', entityId: id, details: { title: draft.title } },
      now,
    )
  })
  return id
}

/**
 * Opens a draft for decision; a silence procedure's deadline must still be ahead, and its job is
 * scheduled in the same transaction.
 */
export async function openProposal(
  db: Db,
  principal: Principal,
  input: { readonly id: string },
  expected: number,
  now: Date,
  deadlines: DeadlineScheduler = inertDeadlines,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await lockAndLoad(tx, db, principal, input.id)
    authorize(principal, 'proposal.open', {
      type: 'proposal',
      status: current.status,
      procedure: current.procedure,
    })
    const problems = draftProblems(current, now)
    if (problems.length > 0) throw invalidInput('proposal', problems)
    const version = await setProposalStatus(tx, principal, current.id, expected, 'open', now)
    if (current.procedure === 'silence' && current.deadline !== null) {
      await deadlines.schedule(tx, current.id, new Date(current.deadline))
    }
    await recordAudit(
      tx,
      principal,
      { action: 'open', entity: 'proposal', entityId: current.id, details: { version } },
      now,
    )
    return version
  })
}

/** Withdraws a proposal that is not yet decided; a silence deadline it had is cancelled with it. */
export async function withdrawProposal(
  db: Db,
  principal: Principal,
  input: { readonly id: string },
  expected: number,
  now: Date,
  deadlines: DeadlineScheduler = inertDeadlines,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await lockAndLoad(tx, db, principal, input.id)
    authorize(principal, 'proposal.withdraw', {
      type: 'proposal',
      status: current.status,
      procedure: current.procedure,
    })
    const version = await setProposalStatus(tx, principal, current.id, expected, 'withdrawn', now)
    if (current.procedure === 'silence') await deadlines.cancel(tx, current.id)
    await recordAudit(
      tx,
      principal,
      { action: 'withdraw', entity: 'proposal', entityId: current.id, details: { version } },
      now,
    )
    return version
  })
}

/**
 * Records a member's position (its own delegation, or staff on its behalf) and decides the
 * proposal from the positions of the members of `today`: adopted, blocked or still open.
 */
export async function recordPosition(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly member: string } & z.infer<typeof PositionInput>,
  expected: number,
  clock: { readonly now: Date; readonly today: string },
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await lockAndLoad(tx, db, principal, input.id)
    authorize(principal, 'proposal.position', {
      type: 'proposal-position',
      member: input.member,
      status: current.status,
      procedure: current.procedure,
    })
    const members = await memberCodesOn(tx, clock.today)
    if (!members.includes(input.member)) {
      throw new DomainError('not-found', `${input.member} is not a member state.`)
    }
    const onBehalf = !(
      hasPermission(principal, 'proposal.position-own') && principal.country === input.member
    )
    const entry = {
      event: 'position' as const,
      member: input.member,
      position: input.position,
      note: input.note,
      recordedBy: principal.username,
      onBehalf,
      at: clock.now.toISOString(),
    }
    await appendPosition(tx, current.id, entry)
    const history = (await positionHistories(tx, principal, [current.id])).get(current.id) ?? []
    const status = statusFromPositions(members, history)
    const version = await setProposalStatus(tx, principal, current.id, expected, status, clock.now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'position',
        entity: 'proposal',
        entityId: current.id,
        details: { member: entry.member, position: entry.position, onBehalf, version },
      },
      clock.now,
    )
    if (status !== current.status) {
      await recordAudit(
        tx,
        null,
        { action: status, entity: 'proposal', entityId: current.id, details: { from: current.status } },
        clock.now,
      )
    }
    if (status === 'adopted') await onProposalAdopted(tx, current, clock.now)
    return version
  })
}
