import { DomainError } from './errors.ts'
import { canRead, type Marking } from './marking.ts'
import { type Principal, publicPrincipal } from './principal.ts'
import type { ProgrammeStatus } from './programme.ts'
import {
  type Actor,
  availableTransitions,
  editableStatuses,
  trackingStatuses,
} from './programme-lifecycle.ts'

/**
 * Co-ownership: a programme belongs to the alliance and to its partner. Alliance staff and the
 * partner's own users edit it; allies read it; other partners, like the public, read its PUBLIC
 * parts only (and get 404 for a programme whose header is not PUBLIC).
 */
export function programmeActor(principal: Principal, partnerCode: string): Actor {
  if (principal.kind === 'staff') {
    return 'staff'
  }
  if (principal.kind === 'partner' && principal.country === partnerCode) {
    return 'owner'
  }
  return 'reader'
}

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
  const actor = programmeActor(principal, programme.partnerCode)
  const editor = actor !== 'reader'
  const negotiating = programme.status === 'in-negotiation'
  return {
    edit: editor && editableStatuses.includes(programme.status),
    track: editor && trackingStatuses.includes(programme.status),
    recordCouncilAgreement: actor === 'staff' && negotiating,
    recordPartnerApproval: editor && negotiating,
    transitions: availableTransitions(programme.status, actor),
  }
}

/** Refuses a change to the text: 403 for readers, 409 with the reason when the status freezes it. */
export function assertCanEdit(principal: Principal, programme: ProgrammeFacts): void {
  if (programmeActor(principal, programme.partnerCode) === 'reader') {
    throw new DomainError(
      'forbidden',
      'Only alliance staff and the partner’s own users may edit this programme.',
    )
  }
  if (!editableStatuses.includes(programme.status)) {
    throw new DomainError(
      'invalid-state',
      `The text of a programme that is ${programme.status} is frozen; it can change only in draft or in negotiation.`,
      { currentStatus: programme.status },
    )
  }
}

/** Refuses a milestone status update outside tracking statuses or by a reader. */
export function assertCanTrack(principal: Principal, programme: ProgrammeFacts): void {
  if (programmeActor(principal, programme.partnerCode) === 'reader') {
    throw new DomainError(
      'forbidden',
      'Only alliance staff and the partner’s own users may update milestones.',
    )
  }
  if (!trackingStatuses.includes(programme.status)) {
    throw new DomainError('invalid-state', `Milestones of a ${programme.status} programme are closed.`, {
      currentStatus: programme.status,
    })
  }
}

export const approvalParties = ['council', 'partner'] as const
export type ApprovalParty = (typeof approvalParties)[number]

/**
 * Who records what: the council's agreement is recorded by alliance staff (for the council);
 * the partner's approval by the partner's own users, or by staff on the partner's written word.
 * Only while the text is in negotiation, since approval is of a negotiated text.
 */
export function assertCanRecordApproval(
  principal: Principal,
  programme: ProgrammeFacts,
  party: ApprovalParty,
): void {
  const actor = programmeActor(principal, programme.partnerCode)
  if (actor === 'reader' || (party === 'council' && actor !== 'staff')) {
    throw new DomainError(
      'forbidden',
      party === 'council'
        ? 'Only alliance staff record the council’s agreement.'
        : 'Only the partner’s own users or alliance staff record the partner’s approval.',
    )
  }
  if (programme.status !== 'in-negotiation') {
    throw new DomainError(
      'invalid-state',
      `Approvals are recorded while the programme is in negotiation; it is ${programme.status}.`,
      { currentStatus: programme.status },
    )
  }
}
