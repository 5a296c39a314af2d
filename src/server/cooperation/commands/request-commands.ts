import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type {
  CooperationDecisionInput,
  CooperationInvitationResponse,
  CooperationRequestInput,
} from '../../../contract/cooperation.ts'
import { promotions, stepInvitation, stepRequest } from '../../../domain/cooperation/lifecycle.ts'
import { DomainError, type FieldProblem, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import { findVisibleEvent, lockEvent, seatState } from '../../../store/cooperation-event-store.ts'
import { cancelAllOfRequest, promote, waitingQueue } from '../../../store/cooperation-registration-store.ts'
import {
  insertRequest,
  liveRequestExists,
  partnerGoals,
  type RequestChange,
  updateRequest,
} from '../../../store/cooperation-request-store.ts'
import { eligibleFor } from '../../../store/cooperation-scope.ts'
import type { Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'
import { lockAndLoadRequest, phaseAt, requestResource } from './cooperation-context.ts'

/** A partner's request for an event, and the provider's and partner's steps on it. */

async function partnerEligible(tx: Executor, itemId: string, partner: string): Promise<boolean> {
  const row = await tx
    .selectFrom('coop_item as i')
    .select('i.id')
    .where('i.id', '=', itemId)
    .where(eligibleFor(partner, 'i'))
    .executeTakeFirst()
  return row !== undefined
}

export async function createRequest(
  db: Db,
  principal: Principal,
  input: z.infer<typeof CooperationRequestInput>,
  now: Date,
): Promise<string> {
  const partner = input.partner ?? principal.country
  if (partner === null) {
    throw invalidInput('cooperation request', [
      { pointer: '#/partner', detail: 'Name the requesting partner' },
    ])
  }
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    await lockEvent(tx, db.engine, input.eventId)
    const event = await findVisibleEvent(tx, db.engine, principal, input.eventId)
    if (event === null) {
      throw invalidInput('cooperation request', [
        { pointer: '#/eventId', detail: `No event has the id ${input.eventId}` },
      ])
    }
    authorize(principal, 'cooperation.request', {
      type: 'cooperation-event',
      partner,
      provider: event.item.provider,
      phase: phaseAt(event, now),
    })
    const problems: FieldProblem[] = []
    if (!(await partnerEligible(tx, event.item.id, partner))) {
      problems.push({ pointer: '#/eventId', detail: `${partner} is not eligible for ${event.item.code}` })
    }
    const goals = await partnerGoals(tx, principal, partner, input.goalIds)
    input.goalIds.forEach((goalId, index) => {
      if (!goals.has(goalId)) {
        problems.push({
          pointer: `#/goalIds/${index}`,
          detail: `No goal of ${partner}’s programme has the id ${goalId}`,
        })
      }
    })
    if (problems.length > 0) throw invalidInput('cooperation request', problems)
    if (await liveRequestExists(tx, event.id, partner)) {
      throw new DomainError(
        'conflict',
        `${partner} already has a request for this event; withdraw it to make another.`,
      )
    }
    const marking = toMarking(
      principal,
      input.marking ?? { classification: 'UNCLASSIFIED', releasableTo: [partner] },
      null,
    )
    await insertRequest(
      tx,
      {
        id,
        eventId: event.id,
        itemId: event.item.id,
        partner,
        provider: event.item.provider,
        note: input.note,
        goals: [...new Set(input.goalIds)].map((goalId) => ({
          id: goalId,
          programmeId: goals.get(goalId) ?? '',
        })),
        marking,
      },
      now,
    )
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'cooperation-request',
        entityId: id,
        details: { eventId: event.id, partner, goalIds: [...input.goalIds] },
      },
      now,
    )
  })
  return id
}

export type DecisionStep = 'approve' | 'decline' | 'withdraw'

/** Approve (issuing the invitation), decline, or withdraw (revoking it and freeing its seats). */
export async function decideRequest(
  db: Db,
  principal: Principal,
  input: {
    readonly id: string
    readonly step: DecisionStep
    readonly body: z.infer<typeof CooperationDecisionInput>
  },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const request = await lockAndLoadRequest(tx, db, principal, input.id)
    authorize(principal, `cooperation.${input.step}`, requestResource(request, now))
    const status = stepRequest(input.step, request.status)
    const at = now.toISOString()
    const change: RequestChange =
      input.step === 'withdraw'
        ? {
            status,
            ...(request.invitation === null || request.invitation.status === 'declined'
              ? {}
              : { invitationStatus: stepInvitation('revoke', request.invitation.status) }),
          }
        : {
            status,
            decidedAt: at,
            decidedBy: principal.displayName,
            decisionNote: input.body.note,
            ...(input.step === 'approve'
              ? { invitationStatus: 'issued', invitationIssuedAt: at, invitationMessage: input.body.message }
              : {}),
          }
    const version = await updateRequest(tx, principal, request.id, expected, change, now)
    const promoted = input.step === 'withdraw' ? await freeSeats(tx, request.id, request.event.id, now) : []
    await recordAudit(
      tx,
      principal,
      {
        action: input.step,
        entity: 'cooperation-request',
        entityId: request.id,
        changes: { status: { before: request.status, after: status } },
        ...(promoted.length > 0 ? { details: { promoted } } : {}),
      },
      now,
    )
    return version
  })
}

/** Cancels the request's registrations and moves the first waiting ones into the seats freed. */
async function freeSeats(tx: Executor, requestId: string, eventId: string, now: Date): Promise<string[]> {
  if (!(await cancelAllOfRequest(tx, requestId, now))) return []
  const capacity = await tx
    .selectFrom('coop_event')
    .select('capacity')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow()
  const { seated } = await seatState(tx, eventId)
  const chosen = promotions(await waitingQueue(tx, eventId), Number(capacity.capacity), seated).map(
    (row) => row.id,
  )
  await promote(tx, chosen, now)
  return chosen
}

/** The partner answers its invitation; declining it withdraws the request. */
export async function respondToInvitation(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly body: z.infer<typeof CooperationInvitationResponse> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const request = await lockAndLoadRequest(tx, db, principal, input.id)
    authorize(principal, 'cooperation.respond', requestResource(request, now))
    const current = request.invitation?.status ?? 'issued'
    const step = input.body.response === 'accept' ? 'accept' : 'decline'
    const invitationStatus = stepInvitation(step, current)
    const version = await updateRequest(
      tx,
      principal,
      request.id,
      expected,
      {
        invitationStatus,
        invitationRespondedAt: now.toISOString(),
        ...(step === 'decline' ? { status: stepRequest('withdraw', request.status) } : {}),
      },
      now,
    )
    await recordAudit(
      tx,
      principal,
      {
        action: `invitation-${step}`,
        entity: 'cooperation-request',
        entityId: request.id,
        changes: { invitation: { before: current, after: invitationStatus } },
      },
      now,
    )
    return version
  })
}
