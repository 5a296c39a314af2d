import type {
  EventPhase,
  InvitationStatus,
  ItemFormat,
  ParticipantRole,
  RegistrationStatus,
  RequestStatus,
} from '../../../../src/domain/cooperation/vocabulary.ts'

export const formatLabels: Record<ItemFormat, string> = {
  course: 'Course',
  exercise: 'Exercise',
  conference: 'Conference',
  seminar: 'Seminar',
  workshop: 'Workshop',
  'expert-visit': 'Expert visit',
  'training-module': 'Training module',
}

export const requestStatusLabels: Record<RequestStatus, string> = {
  requested: 'Awaiting approval',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
}

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  issued: 'Invitation issued',
  accepted: 'Invitation accepted',
  declined: 'Invitation declined',
  revoked: 'Invitation revoked',
}

export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  registered: 'Confirmed',
  waitlisted: 'Waiting list',
  cancelled: 'Cancelled',
}

export const phaseLabels: Record<EventPhase, string> = {
  open: 'Open for requests',
  closed: 'Applications closed',
  running: 'Under way',
  finished: 'Finished',
  cancelled: 'Cancelled',
}

export const roleLabels: Record<ParticipantRole, string> = {
  participant: 'Participant',
  observer: 'Observer',
  instructor: 'Instructor',
  'head-of-delegation': 'Head of delegation',
}

/** A priority area id as words when no name is at hand: "cyber-defence" → "Cyber defence". */
export function areaLabel(id: string): string {
  const words = id.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The priority areas the filters offer (the register's ids, data/demo.json); the API has no list
 * route for them yet. An id missing here is still shown, by `areaLabel`.
 */
export const priorityAreaOptions: ReadonlyArray<readonly [string, string]> = [
  ['cyber-defence', 'Cyber defence'],
  ['maritime-security', 'Maritime security'],
  ['space', 'Space'],
  ['emerging-disruptive-technologies', 'Emerging and disruptive technologies'],
  ['disinformation', 'Countering disinformation'],
  ['climate-security', 'Climate change and security'],
  ['resilience', 'Resilience'],
  ['hybrid-threats', 'Hybrid threats'],
  ['arms-control', 'Arms control, disarmament and non-proliferation'],
  ['interoperability', 'Interoperability'],
  ['counter-terrorism', 'Counter-terrorism'],
  ['wps', 'Women, peace and security'],
  ['public-diplomacy', 'Public diplomacy'],
  ['ukraine-support', 'Support to Ukraine'],
]

const areaNames = new Map(priorityAreaOptions)

export function areaName(id: string): string {
  return areaNames.get(id) ?? areaLabel(id)
}
