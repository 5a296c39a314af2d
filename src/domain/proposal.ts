import { evaluateConsensus, type Position } from './decision-consensus.ts'
import type { Marking } from './marking.ts'
import type { ProposalStatus } from './proposal-lifecycle.ts'

/**
 * A proposal the alliance decides on (issue 9): its fields, procedure and the position history of
 * the members. Pure: the members of the day and the instant are given by the caller.
 */
export const proposalKinds = ['liaison-office', 'programme', 'engagement', 'statement', 'other'] as const
export type ProposalKind = (typeof proposalKinds)[number]

export const proposalProcedures = ['consensus', 'silence'] as const
/** `consensus`: every member states a position at a meeting; `silence`: adopted at the deadline unless broken. */
export type ProposalProcedure = (typeof proposalProcedures)[number]

export const positions = ['concur', 'object', 'reserve', 'none'] as const

export interface ProposalLinks {
  readonly partner: string | null
  readonly programme: string | null
  readonly liaisonOffice: string | null
  readonly engagement: string | null
}

export interface ProposalDraft {
  readonly title: string
  readonly text: string
  readonly kind: ProposalKind
  readonly links: ProposalLinks
  readonly procedure: ProposalProcedure
  /** The instant a silence procedure ends; null under consensus. */
  readonly deadline: string | null
  readonly marking: Marking
}

/** What a history entry records: a position, or the member breaking a silence procedure. */
export type HistoryEvent = 'position' | 'break-silence'

/** One entry of a member's position history: append-only, the latest position counts. */
export interface PositionEntry {
  readonly event: HistoryEvent
  readonly member: string
  readonly position: Position
  readonly note: string | null
  /** The username of who recorded it. */
  readonly recordedBy: string | null
  /** True when staff recorded it on the member's behalf. */
  readonly onBehalf: boolean
  readonly at: string
}

/** Each member's latest position (entries in the order they were recorded). */
export function currentPositions(
  history: readonly Pick<PositionEntry, 'member' | 'position' | 'event'>[],
): Map<string, Position> {
  const latest = new Map<string, Position>()
  for (const entry of history) {
    if (entry.event === 'position') latest.set(entry.member, entry.position)
  }
  return latest
}

/** Problems of a draft that a schema cannot see: a silence needs a future deadline, consensus none. */
export function draftProblems(
  draft: Pick<ProposalDraft, 'procedure' | 'deadline'>,
  now: Date,
): { pointer: string; detail: string }[] {
  if (draft.procedure === 'consensus') {
    return draft.deadline === null
      ? []
      : [{ pointer: '#/deadline', detail: 'A consensus procedure has no deadline; leave it out.' }]
  }
  if (draft.deadline === null) {
    return [{ pointer: '#/deadline', detail: 'A silence procedure needs a deadline instant.' }]
  }
  return Date.parse(draft.deadline) > now.getTime()
    ? []
    : [{ pointer: '#/deadline', detail: 'The deadline of a silence procedure must be in the future.' }]
}

/**
 * The status an open or blocked consensus proposal takes from the members' positions. An
 * objection blocks; when every member concurs it is adopted; otherwise it stays open. A blocked
 * proposal reopens when its objections are lifted, so a member may change its mind.
 */
export function statusFromPositions(
  members: readonly string[],
  history: readonly PositionEntry[],
): Extract<ProposalStatus, 'open' | 'blocked' | 'adopted'> {
  const outcome = evaluateConsensus(members, currentPositions(history))
  return outcome.kind
}

/** Positions are taken under consensus while the proposal is undecided (open or blocked). */
export function acceptsPositions(status: ProposalStatus, procedure: ProposalProcedure): boolean {
  return procedure === 'consensus' && (status === 'open' || status === 'blocked')
}
