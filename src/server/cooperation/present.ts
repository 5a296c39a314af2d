import type { z } from 'zod'
import type {
  CooperationEventView,
  CooperationItemView,
  CooperationRegistrationView,
  CooperationReportView,
  CooperationRequestView,
} from '../../contract/cooperation.ts'
import type { EventPhase } from '../../domain/cooperation/vocabulary.ts'
import { allows, permissionsOf } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import type { EventRecord } from '../../store/cooperation-event-store.ts'
import type { ItemRecord } from '../../store/cooperation-item-store.ts'
import type { RegistrationRecord } from '../../store/cooperation-registration-store.ts'
import type { ReportRecord } from '../../store/cooperation-report-store.ts'
import type { GoalRecord, RequestRecord } from '../../store/cooperation-request-store.ts'
import { presentMarking } from '../present.ts'
import { phaseAt, requestResource } from './commands/cooperation-context.ts'

const catalogue = { type: 'cooperation-catalogue' } as const

export function presentItem(principal: Principal, record: ItemRecord): z.infer<typeof CooperationItemView> {
  const keeps = allows(principal, 'update', catalogue)
  return {
    id: record.id,
    code: record.code,
    title: record.title,
    description: record.description,
    provider: { ...record.provider },
    format: record.format,
    priorityAreas: [...record.priorityAreas],
    languages: [...record.languages],
    eligibility: {
      partners: [...record.eligibility.partners],
      frameworks: [...record.eligibility.frameworks],
    },
    eligibleForMe: record.eligibleForMe,
    illustrative: record.illustrative,
    createdAt: record.createdAt,
    marking: presentMarking(record.marking),
    version: record.version,
    abilities: { edit: keeps, addEvent: keeps },
  }
}

export function presentEvent(
  principal: Principal,
  record: EventRecord,
  now: Date,
): z.infer<typeof CooperationEventView> {
  const phase = phaseAt(record, now)
  const granted = permissionsOf(principal)
  const partner = principal.country
  return {
    id: record.id,
    item: {
      ...record.item,
      provider: { ...record.item.provider },
      priorityAreas: [...record.item.priorityAreas],
    },
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    place: record.place,
    timeZone: record.timeZone,
    capacity: record.capacity,
    applicationDeadline: record.applicationDeadline,
    status: record.status,
    phase,
    registered: record.registered,
    waitlisted: record.waitlisted,
    ownRequest: record.ownRequest === null ? null : { ...record.ownRequest },
    illustrative: record.illustrative,
    marking: presentMarking(record.marking),
    version: record.version,
    abilities: {
      edit: allows(principal, 'update', catalogue),
      // Staff request for a partner they name; a partner for itself, when no live request exists.
      request:
        (granted.has('cooperation.manage') ||
          (partner !== null &&
            allows(principal, 'cooperation.request', {
              type: 'cooperation-event',
              partner,
              provider: record.item.provider,
              phase,
            }))) &&
        phase === 'open' &&
        (record.ownRequest === null ||
          record.ownRequest.status === 'declined' ||
          record.ownRequest.status === 'withdrawn'),
      seeParticipants:
        granted.has('cooperation.manage') ||
        (partner !== null && granted.has('cooperation.request-own')) ||
        (record.item.provider.kind === 'member' &&
          partner === record.item.provider.code &&
          granted.has('cooperation.provide-own')),
    },
  }
}

function presentGoals(goals: readonly GoalRecord[]) {
  return goals.map((goal) => ({ ...goal }))
}

export function presentRequest(
  principal: Principal,
  record: RequestRecord,
  now: Date,
): z.infer<typeof CooperationRequestView> {
  const resource = requestResource(record, now)
  return {
    id: record.id,
    event: {
      id: record.event.id,
      startsOn: record.event.startsOn,
      endsOn: record.event.endsOn,
      place: record.event.place,
      timeZone: record.event.timeZone,
      phase: resource.phase,
    },
    item: {
      ...record.item,
      provider: { ...record.item.provider },
      priorityAreas: [...record.item.priorityAreas],
    },
    partner: { ...record.partner },
    status: record.status,
    note: record.note,
    goals: presentGoals(record.goals),
    decision: record.decision === null ? null : { ...record.decision },
    invitation: record.invitation === null ? null : { ...record.invitation },
    registered: record.registered,
    waitlisted: record.waitlisted,
    report: record.report === null ? null : { ...record.report },
    createdAt: record.createdAt,
    illustrative: record.illustrative,
    marking: presentMarking(record.marking),
    version: record.version,
    abilities: {
      approve: allows(principal, 'cooperation.approve', resource),
      decline: allows(principal, 'cooperation.decline', resource),
      withdraw: allows(principal, 'cooperation.withdraw', resource),
      respond: allows(principal, 'cooperation.respond', resource),
      register: allows(principal, 'cooperation.register', resource),
      recordAttendance: allows(principal, 'cooperation.attendance', resource),
      fileReport: allows(principal, 'cooperation.report', resource),
    },
  }
}

export function presentRegistration(
  principal: Principal,
  record: RegistrationRecord,
  phase: EventPhase,
): z.infer<typeof CooperationRegistrationView> {
  const resource = {
    type: 'cooperation-registration',
    partner: record.partner,
    provider: record.provider,
    status: record.status,
    phase,
  } as const
  return {
    id: record.id,
    requestId: record.requestId,
    eventId: record.eventId,
    partner: record.partner,
    personName: record.personName,
    nation: record.nation,
    role: record.role,
    status: record.status,
    waitlistPosition: record.waitlistPosition,
    attendance: record.attendance,
    createdAt: record.createdAt,
    illustrative: record.illustrative,
    marking: presentMarking(record.marking),
    version: record.version,
    abilities: {
      cancel: allows(principal, 'cooperation.cancel', resource),
      recordAttendance: allows(principal, 'cooperation.attendance', resource),
    },
  }
}

export function presentReport(
  report: ReportRecord,
  request: RequestRecord,
): z.infer<typeof CooperationReportView> {
  const served = new Set(report.goalIds)
  return {
    requestId: report.requestId,
    rating: report.rating,
    summary: report.summary,
    outcomes: report.outcomes,
    goals: presentGoals(request.goals.filter((goal) => served.has(goal.id))),
    filedAt: report.filedAt,
    filedBy: report.filedBy,
    illustrative: report.illustrative,
    marking: presentMarking(request.marking),
  }
}
