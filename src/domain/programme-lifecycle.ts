import { DomainError } from './errors.ts'
import type { ProgrammeStatus } from './programme.ts'

/**
 * The programme lifecycle as a state machine.
 *
 *   draft ⇄ in-negotiation → agreed → in-force ⇄ under-review
 *                 ↑                                   │
 *                 └──────── (revise) ─────────────────┘
 *   agreed | in-force | under-review → superseded (by a newer programme of the same partner)
 *
 * Back-edges that happen in practice: a text in negotiation goes back to draft when the parties
 * restart it; a review either closes with the programme staying in force, or reopens negotiation of
 * an amended text, which is agreed again and becomes the next version.
 */
export interface TransitionRule {
  /** Who may take this step: any editor (alliance staff or the partner's own users) or staff only. */
  readonly by: 'editor' | 'staff'
  readonly label: string
}

export const transitions: Readonly<
  Record<ProgrammeStatus, Partial<Record<ProgrammeStatus, TransitionRule>>>
> = {
  draft: { 'in-negotiation': { by: 'editor', label: 'Open negotiation' } },
  'in-negotiation': {
    draft: { by: 'editor', label: 'Return to draft' },
    agreed: { by: 'staff', label: 'Mark as agreed' },
  },
  agreed: {
    'in-force': { by: 'staff', label: 'Bring into force' },
    superseded: { by: 'staff', label: 'Mark as superseded' },
  },
  'in-force': {
    'under-review': { by: 'editor', label: 'Open review' },
    superseded: { by: 'staff', label: 'Mark as superseded' },
  },
  'under-review': {
    'in-force': { by: 'staff', label: 'Close review, keep in force' },
    'in-negotiation': { by: 'staff', label: 'Renegotiate the text' },
    superseded: { by: 'staff', label: 'Mark as superseded' },
  },
  superseded: {},
}

/** Statuses in which the text (objectives, goals, activities, milestones) may change. */
export const editableStatuses: readonly ProgrammeStatus[] = ['draft', 'in-negotiation']

/** Statuses in which milestone progress is tracked (status of existing milestones may change). */
export const trackingStatuses: readonly ProgrammeStatus[] = [
  'draft',
  'in-negotiation',
  'agreed',
  'in-force',
  'under-review',
]

export interface LifecycleFacts {
  readonly status: ProgrammeStatus
  /** The council's agreement to the current text is recorded (this negotiation round). */
  readonly councilAgreed: boolean
  /** The partner's approval of the current text is recorded (this negotiation round). */
  readonly partnerApproved: boolean
  /** The programme that replaces this one, when named. */
  readonly supersededBy: string | null
}

export type Actor = 'staff' | 'owner' | 'reader'

/**
 * Checks a lifecycle step and returns the new status. Throws `invalid-state` (409) with the reason
 * for a step the state machine does not allow or whose conditions are not met, and `forbidden`
 * when this actor may not take it.
 */
export function checkTransition(facts: LifecycleFacts, to: ProgrammeStatus, actor: Actor): ProgrammeStatus {
  const rule = transitions[facts.status][to]
  if (rule === undefined) {
    const allowed = Object.keys(transitions[facts.status])
    const next = allowed.length === 0 ? 'nothing: it is final' : allowed.join(', ')
    throw new DomainError(
      'invalid-state',
      `A programme cannot go from ${facts.status} to ${to}. From ${facts.status} it can go to ${next}.`,
      { currentStatus: facts.status },
    )
  }
  if (actor === 'reader' || (rule.by === 'staff' && actor !== 'staff')) {
    throw new DomainError('forbidden', `Only alliance staff may ${rule.label.toLowerCase()}.`)
  }
  if (to === 'agreed') {
    const missing = [
      facts.councilAgreed ? null : 'the council’s agreement',
      facts.partnerApproved ? null : 'the partner’s approval',
    ].filter((item) => item !== null)
    if (missing.length > 0) {
      throw new DomainError(
        'invalid-state',
        `A programme is agreed only when both the council’s agreement and the partner’s approval are recorded; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
        { currentStatus: facts.status, missing },
      )
    }
  }
  if (to === 'superseded' && facts.supersededBy === null) {
    throw new DomainError(
      'invalid-state',
      'Name the programme that supersedes this one (supersededBy) to mark it as superseded.',
      { currentStatus: facts.status },
    )
  }
  return to
}

/** The steps this actor could take now, for buttons; conditions are still checked on the request. */
export function availableTransitions(status: ProgrammeStatus, actor: Actor): ProgrammeStatus[] {
  if (actor === 'reader') {
    return []
  }
  return Object.entries(transitions[status])
    .filter(([, rule]) => rule !== undefined && (rule.by === 'editor' || actor === 'staff'))
    .map(([to]) => to)
    .filter((to): to is ProgrammeStatus => to in transitions)
}

/** Entering negotiation starts a new round: approvals recorded for an earlier text no longer count. */
export function startsNewRound(to: ProgrammeStatus): boolean {
  return to === 'in-negotiation'
}

/** Reaching `agreed` freezes the text as the next version. */
export function createsVersion(to: ProgrammeStatus): boolean {
  return to === 'agreed'
}
