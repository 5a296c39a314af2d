import { DomainError } from '../errors.ts'
import type {
  Attendance,
  EventPhase,
  EventStatus,
  InvitationStatus,
  RegistrationStatus,
  RequestStatus,
} from './vocabulary.ts'

/**
 * The steps of the cooperation cycle as state machines (docs/cooperation.md). Each function
 * answers the next state or throws 409 invalid-state naming the current one; days are calendar
 * days in the event's zone, passed in by the caller (no clock here).
 */

function refuse(message: string, currentStatus: string): never {
  throw new DomainError('invalid-state', message, { currentStatus })
}

export interface EventDays {
  readonly status: EventStatus
  readonly startsOn: string
  readonly endsOn: string
  readonly applicationDeadline: string
}

/** Where an event stands on `today` (YYYY-MM-DD in its zone); ISO days compare as text. */
export function eventPhase(event: EventDays, today: string): EventPhase {
  if (event.status === 'cancelled') return 'cancelled'
  if (today > event.endsOn) return 'finished'
  if (today >= event.startsOn) return 'running'
  return today > event.applicationDeadline ? 'closed' : 'open'
}

/** Problems of an event's days a schema cannot see, by JSON pointer. */
export function eventDayProblems(event: Omit<EventDays, 'status'>): { pointer: string; detail: string }[] {
  const problems: { pointer: string; detail: string }[] = []
  if (event.endsOn < event.startsOn) {
    problems.push({ pointer: '#/endsOn', detail: 'The last day is before the first day' })
  }
  if (event.applicationDeadline > event.startsOn) {
    problems.push({
      pointer: '#/applicationDeadline',
      detail: 'The application deadline is after the first day',
    })
  }
  return problems
}

/** A request is made only while the event takes applications. */
export function assertRequestable(phase: EventPhase): void {
  if (phase !== 'open') {
    refuse(`This event takes no requests: it is ${phase}.`, phase)
  }
}

export type RequestStep = 'approve' | 'decline' | 'withdraw'

const requestMoves: Readonly<Record<RequestStep, { from: readonly RequestStatus[]; to: RequestStatus }>> = {
  approve: { from: ['requested'], to: 'approved' },
  decline: { from: ['requested'], to: 'declined' },
  withdraw: { from: ['requested', 'approved'], to: 'withdrawn' },
}

export function mayStepRequest(step: RequestStep, status: RequestStatus): boolean {
  return requestMoves[step].from.includes(status)
}

/** requested → approved | declined; requested | approved → withdrawn. */
export function stepRequest(step: RequestStep, status: RequestStatus): RequestStatus {
  if (!mayStepRequest(step, status)) {
    refuse(`A ${status} request cannot be ${step === 'approve' ? 'approved' : `${step}n`}.`, status)
  }
  return requestMoves[step].to
}

export type InvitationStep = 'accept' | 'decline' | 'revoke'

const invitationMoves: Readonly<
  Record<InvitationStep, { from: readonly InvitationStatus[]; to: InvitationStatus }>
> = {
  accept: { from: ['issued'], to: 'accepted' },
  decline: { from: ['issued'], to: 'declined' },
  revoke: { from: ['issued', 'accepted'], to: 'revoked' },
}

export function mayStepInvitation(step: InvitationStep, status: InvitationStatus): boolean {
  return invitationMoves[step].from.includes(status)
}

/** issued → accepted | declined; issued | accepted → revoked (the request was withdrawn). */
export function stepInvitation(step: InvitationStep, status: InvitationStatus): InvitationStatus {
  if (!mayStepInvitation(step, status)) {
    refuse(`An invitation that is ${status} cannot be ${step}d.`, status)
  }
  return invitationMoves[step].to
}

export interface RegistrationContext {
  readonly requestStatus: RequestStatus
  readonly invitation: InvitationStatus | null
  readonly phase: EventPhase
}

/** Why participants cannot be registered now, or null when they can. */
export function registrationRefusal(context: RegistrationContext): string | null {
  if (context.requestStatus !== 'approved') {
    return `Participants are registered on an approved request; this one is ${context.requestStatus}.`
  }
  if (context.invitation !== 'issued' && context.invitation !== 'accepted') {
    return 'The invitation for this request is no longer open.'
  }
  if (context.phase !== 'open' && context.phase !== 'closed') {
    return `Participants are registered before the event starts; it is ${context.phase}.`
  }
  return null
}

/** A new registration's place: a seat while any is free, else the waiting list. */
export function placeRegistration(
  context: RegistrationContext,
  capacity: number,
  seated: number,
): RegistrationStatus {
  const refused = registrationRefusal(context)
  if (refused !== null) refuse(refused, context.requestStatus)
  return seated < capacity ? 'registered' : 'waitlisted'
}

/** registered | waitlisted → cancelled; true when a seat was freed (the first waiting moves up). */
export function cancelRegistration(status: RegistrationStatus, phase: EventPhase): { freesSeat: boolean } {
  if (status === 'cancelled') refuse('This registration is already cancelled.', status)
  if (phase === 'running' || phase === 'finished') {
    refuse(`A registration cannot be cancelled once the event has started; it is ${phase}.`, status)
  }
  return { freesSeat: status === 'registered' }
}

/**
 * Which waiting registrations take the freed seats: the earliest first, as many as seats are
 * free. `waiting` is in queue order.
 */
export function promotions<T>(waiting: readonly T[], capacity: number, seated: number): T[] {
  return waiting.slice(0, Math.max(0, capacity - seated))
}

/** Attendance is recorded for a seated participant from the event's first day, and may be corrected. */
export function recordAttendance(
  status: RegistrationStatus,
  phase: EventPhase,
  attendance: Attendance,
): Attendance {
  if (status !== 'registered')
    refuse(`Attendance is recorded for registered participants; this one is ${status}.`, status)
  if (phase !== 'running' && phase !== 'finished') {
    refuse(`Attendance is recorded once the event has started; it is ${phase}.`, phase)
  }
  return attendance
}

/** A feedback report: one per approved request, once the event has finished. */
export function reportRefusal(
  requestStatus: RequestStatus,
  phase: EventPhase,
  filed: boolean,
): string | null {
  if (requestStatus !== 'approved')
    return `Reports are filed on approved requests; this one is ${requestStatus}.`
  if (phase !== 'finished') return `A report is filed after the event; it is ${phase}.`
  if (filed) return 'A report has already been filed for this request.'
  return null
}

export function assertReportable(requestStatus: RequestStatus, phase: EventPhase, filed: boolean): void {
  const refused = reportRefusal(requestStatus, phase, filed)
  if (refused !== null) refuse(refused, requestStatus)
}
