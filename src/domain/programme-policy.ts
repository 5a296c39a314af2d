import { canRead, type Marking } from './marking.ts'
import { allows, programmeActor } from './policy.ts'
import { type Principal, publicPrincipal } from './principal.ts'
import type { ProgrammeStatus } from './programme.ts'
import { availableTransitions } from './programme-lifecycle.ts'

/**
 * Co-ownership: a programme belongs to the alliance and to its partner. Alliance staff and the
 * partner's own users edit it; allies read it; other partners, like the public, read its PUBLIC
 * parts only (and get 404 for a programme whose header is not PUBLIC).
 */
export { programmeActor } from './policy.ts'

/**
 * The eyes through which a principal reads a programme of `partnerCode` and every part of it. A
 * partner is kept from another partner's non-public parts, never from what is PUBLIC (DESIGN.md):
 * it reads that programme as the public does, whatever else is released to it.
 */
export function programmeReader(principal: Principal, partnerCode: string): Principal {
  return principal.kind === 'partner' && principal.country !== partnerCode ? publicPrincipal : principal
}

/**
 * Whether a principal may see a programme's header, or any part of it (pass the part's marking):
 * the marking rule read through programmeReader. Its SQL twins are store/programme-scope.ts
 * (programmeVisibleTo for headers, programmePartVisibleTo for parts).
 */
export function canSeeProgramme(
  principal: Principal,
  programme: { partnerCode: string; marking: Marking },
): boolean {
  return canRead(programmeReader(principal, programme.partnerCode), programme.marking)
}

export interface ProgrammeFacts {
  readonly partnerCode: string
  readonly status: ProgrammeStatus
  readonly textApproved: boolean
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
