import { canRead, type Marking } from './marking.ts'
import { allows, programmeActor } from './policy.ts'
import type { Principal } from './principal.ts'
import type { ProgrammeStatus } from './programme.ts'
import { availableTransitions } from './programme-lifecycle.ts'

/**
 * Co-ownership: a programme belongs to the alliance and to its partner. Who may author it comes
 * from permissions (policy.ts); allies read it; other partners see nothing of it (the store's scope
 * filter makes it absent for them, so they get 404, never 403); the public reads its PUBLIC parts.
 */
export { programmeActor } from './policy.ts'

/**
 * Whether a principal may know a programme exists: the marking rule, and for partner users only
 * their own country's programmes. Its SQL twin is store/programme-scope.ts (programmeVisibleTo).
 */
export function canSeeProgramme(
  principal: Principal,
  programme: { partnerCode: string; marking: Marking },
): boolean {
  return (
    canRead(principal, programme.marking) &&
    (principal.kind !== 'partner' || principal.country === programme.partnerCode)
  )
}

export interface ProgrammeFacts {
  readonly partnerCode: string
  readonly status: ProgrammeStatus
}

export interface ProgrammeAbilities {
  /** Change the text: header, objectives, goals, activities, milestones. */
  readonly edit: boolean
  /** Update milestone status. */
  readonly track: boolean
  readonly recordCouncilAgreement: boolean
  readonly recordPartnerApproval: boolean
  readonly transitions: readonly ProgrammeStatus[]
}

export function programmeAbilities(principal: Principal, programme: ProgrammeFacts): ProgrammeAbilities {
  const resource = { type: 'programme', ...programme } as const
  return {
    edit: allows(principal, 'programme.edit', resource),
    track: allows(principal, 'programme.track', resource),
    recordCouncilAgreement: allows(principal, 'programme.approve-council', resource),
    recordPartnerApproval: allows(principal, 'programme.approve-partner', resource),
    transitions: availableTransitions(programme.status, programmeActor(principal, programme.partnerCode)),
  }
}

export const approvalParties = ['council', 'partner'] as const
export type ApprovalParty = (typeof approvalParties)[number]
