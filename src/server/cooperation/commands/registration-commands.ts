import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type {
  CooperationAttendanceInput,
  CooperationRegistrationInput,
  CooperationReportInput,
} from '../../../contract/cooperation.ts'
import {
  assertReportable,
  cancelRegistration,
  placeRegistration,
  promotions,
  recordAttendance,
  stepInvitation,
} from '../../../domain/cooperation/lifecycle.ts'
import { DomainError, type FieldProblem, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import { eventFacts, lockEvent, seatState } from '../../../store/cooperation-event-store.ts'
import { unknownCodes } from '../../../store/cooperation-item-store.ts'
import {
  findVisibleRegistration,
  insertRegistration,
  promote,
  updateRegistration,
  waitingQueue,
} from '../../../store/cooperation-registration-store.ts'
import { insertReport } from '../../../store/cooperation-report-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import { lockAndLoadRequest, phaseAt, requestResource } from './cooperation-context.ts'

/**
 * Participants of an approved request: a seat while any is free, else the waiting list, counted
 * under the event's row lock so concurrent registrations never pass the capacity.
 */
export async function registerParticipant(
  db: Db,
  principal: Principal,
  input: { readonly requestId: string; readonly body: z.infer<typeof CooperationRegistrationInput> },
  now: Date,
): Promise<string> {
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    const request = await lockAndLoadRequest(tx, db, principal, input.requestId)
    const resource = requestResource(request, now)
    authorize(principal, 'cooperation.register', resource)
    if ((await unknownCodes(tx, 'country', [input.body.nation])).length > 0) {
      throw invalidInput('registration', [
        { pointer: '#/nation', detail: `No country has the code ${input.body.nation}` },
      ])
    }
    const facts = await eventFacts(tx, request.event.id)
    const { seated, nextSeq } = await seatState(tx, request.event.id)
    const status = placeRegistration(
      { requestStatus: request.status, invitation: resource.invitation, phase: resource.phase },
      Number(facts?.capacity ?? 0),
      seated,
    )
    await insertRegistration(
      tx,
      {
        id,
        requestId: request.id,
        eventId: request.event.id,
        partner: request.partner.code,
        provider: request.item.provider,
        personName: input.body.personName,
        nation: input.body.nation,
        role: input.body.role,
        status,
        queueSeq: nextSeq,
        marking: request.marking,
      },
      now,
    )
    if (request.invitation?.status === 'issued') {
      // Registering answers the invitation: the system accepts it (the request's version moves).
      await tx
        .updateTable('coop_request')
        .set((eb) => ({
          invitation_status: stepInvitation('accept', 'issued'),
          invitation_responded_at: now.toISOString(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', request.id)
        .execute()
    }
    // The person's name is personal data: the audit keeps the role and place, not the name.
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'cooperation-registration',
        entityId: id,
        details: { requestId: request.id, nation: input.body.nation, role: input.body.role, status },
      },
      now,
    )
  })
  return id
}

async function loadRegistration(db: Db, principal: Principal, id: string) {
  return inTransaction(db, async (tx) => {
    const found = await findVisibleRegistration(tx, principal, id)
    if (found === null) throw new DomainError('not-found', `No registration has the id ${id}.`)
    return found
  })
}

/** Cancels a registration; a freed seat goes to the earliest waiting one in the same transaction. */
export async function cancelParticipant(
  db: Db,
  principal: Principal,
  id: string,
  expected: number,
  now: Date,
): Promise<number> {
  const seen = await loadRegistration(db, principal, id)
  return inTransaction(db, async (tx) => {
    await lockEvent(tx, db.engine, seen.eventId)
    const registration = await findVisibleRegistration(tx, principal, id)
    const facts = await eventFacts(tx, seen.eventId)
    if (registration === null || facts === undefined)
      throw new DomainError('not-found', `No registration has the id ${id}.`)
    const phase = phaseAt(
      {
        status: facts.status as 'scheduled' | 'cancelled',
        startsOn: facts.starts_on,
        endsOn: facts.ends_on,
        applicationDeadline: facts.application_deadline,
        timeZone: facts.time_zone,
      },
      now,
    )
    authorize(principal, 'cooperation.cancel', {
      type: 'cooperation-registration',
      partner: registration.partner,
      provider: registration.provider,
      status: registration.status,
      phase,
    })
    const { freesSeat } = cancelRegistration(registration.status, phase)
    const version = await updateRegistration(tx, principal, id, expected, { status: 'cancelled' }, now)
    let promoted: string[] = []
    if (freesSeat) {
      const { seated } = await seatState(tx, registration.eventId)
      promoted = promotions(await waitingQueue(tx, registration.eventId), Number(facts.capacity), seated).map(
        (row) => row.id,
      )
      await promote(tx, promoted, now)
    }
    await recordAudit(
      tx,
      principal,
      {
        action: 'cancel',
        entity: 'cooperation-registration',
        entityId: id,
        changes: { status: { before: registration.status, after: 'cancelled' } },
        ...(promoted.length > 0 ? { details: { promoted } } : {}),
      },
      now,
    )
    return version
  })
}

/** The provider records whether a seated participant attended (and may correct it). */
export async function recordParticipantAttendance(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly body: z.infer<typeof CooperationAttendanceInput> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const registration = await findVisibleRegistration(tx, principal, input.id)
    const facts = registration === null ? undefined : await eventFacts(tx, registration.eventId)
    if (registration === null || facts === undefined) {
      throw new DomainError('not-found', `No registration has the id ${input.id}.`)
    }
    const phase = phaseAt(
      {
        status: facts.status as 'scheduled' | 'cancelled',
        startsOn: facts.starts_on,
        endsOn: facts.ends_on,
        applicationDeadline: facts.application_deadline,
        timeZone: facts.time_zone,
      },
      now,
    )
    authorize(principal, 'cooperation.attendance', {
      type: 'cooperation-registration',
      partner: registration.partner,
      provider: registration.provider,
      status: registration.status,
      phase,
    })
    const attendance = recordAttendance(registration.status, phase, input.body.attendance)
    const version = await updateRegistration(tx, principal, input.id, expected, { attendance }, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'attendance',
        entity: 'cooperation-registration',
        entityId: input.id,
        changes: { attendance: { before: registration.attendance, after: attendance } },
      },
      now,
    )
    return version
  })
}

/** The partner's feedback report after the event, naming which of the request's goals it served. */
export async function fileReport(
  db: Db,
  principal: Principal,
  input: { readonly requestId: string; readonly body: z.infer<typeof CooperationReportInput> },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const request = await lockAndLoadRequest(tx, db, principal, input.requestId)
    const resource = requestResource(request, now)
    authorize(principal, 'cooperation.report', resource)
    assertReportable(request.status, resource.phase, resource.reported)
    const served = new Set(request.goals.map((goal) => goal.id))
    const problems: FieldProblem[] = []
    input.body.goalIds.forEach((goalId, index) => {
      if (!served.has(goalId)) {
        problems.push({
          pointer: `#/goalIds/${index}`,
          detail: `The request does not serve a goal with the id ${goalId}`,
        })
      }
    })
    if (problems.length > 0) throw invalidInput('feedback report', problems)
    await insertReport(tx, {
      requestId: request.id,
      rating: input.body.rating,
      summary: input.body.summary,
      outcomes: input.body.outcomes,
      goalIds: [...new Set(input.body.goalIds)],
      filedAt: now.toISOString(),
      filedBy: principal.displayName,
      illustrative: false,
    })
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'cooperation-report',
        entityId: request.id,
        details: { rating: input.body.rating, goalIds: [...input.body.goalIds] },
      },
      now,
    )
  })
}
