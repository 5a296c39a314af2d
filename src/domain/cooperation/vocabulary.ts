/**
 * The cooperation menu's closed vocabularies (issue 13). Kept apart from the state machines so the
 * contract, the store and the seed share one spelling of each.
 */
export const itemFormats = [
  'course',
  'exercise',
  'conference',
  'seminar',
  'workshop',
  'expert-visit',
  'training-module',
] as const
export type ItemFormat = (typeof itemFormats)[number]

/** Who offers an item: a member state (by country code) or an alliance body (by slug). */
export const providerKinds = ['member', 'body'] as const
export type ProviderKind = (typeof providerKinds)[number]

/** The alliance bodies that offer items; members are found in the country register. */
export const allianceBodies: Readonly<Record<string, string>> = {
  'defence-college': 'Alliance Defence College',
  'alliance-school': 'Alliance School',
  'cyber-centre': 'Alliance Cyber Defence Centre',
  'maritime-centre': 'Alliance Maritime Interdiction Centre',
  'science-office': 'Alliance Science and Technology Office',
  'resilience-unit': 'Alliance Civil Preparedness Unit',
}

export const requestStatuses = ['requested', 'approved', 'declined', 'withdrawn'] as const
export type RequestStatus = (typeof requestStatuses)[number]

export const invitationStatuses = ['issued', 'accepted', 'declined', 'revoked'] as const
export type InvitationStatus = (typeof invitationStatuses)[number]

export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const
export type RegistrationStatus = (typeof registrationStatuses)[number]

export const attendanceValues = ['attended', 'absent'] as const
export type Attendance = (typeof attendanceValues)[number]

export const eventStatuses = ['scheduled', 'cancelled'] as const
export type EventStatus = (typeof eventStatuses)[number]

/** Where an event stands for a reader on a given day in its zone; derived, never stored. */
export const eventPhases = ['open', 'closed', 'running', 'finished', 'cancelled'] as const
export type EventPhase = (typeof eventPhases)[number]

export const participantRoles = ['participant', 'observer', 'instructor', 'head-of-delegation'] as const
export type ParticipantRole = (typeof participantRoles)[number]
