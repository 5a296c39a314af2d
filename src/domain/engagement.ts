import { enumReader } from './enum.ts'
import type { FieldProblem } from './errors.ts'
import type { Marking } from './marking.ts'

/** What sort of meeting an engagement is. A sideline meeting always hangs off a parent engagement. */
export const engagementKinds = [
  'summit',
  'council-with-partners',
  'ministerial',
  'ambassadorial',
  'military',
  'staff-talks',
  'sideline',
  'other',
] as const
export type EngagementKind = (typeof engagementKinds)[number]

/** Levels of representation, highest first: the index is the level's rank (0 = leaders). */
export const engagementLevels = [
  'heads-of-state-government',
  'ministers',
  'ambassadors',
  'senior-officials',
  'working-level',
] as const
export type EngagementLevel = (typeof engagementLevels)[number]

export const engagementFormats = ['bilateral', 'group', 'council-plus-partners'] as const
export type EngagementFormat = (typeof engagementFormats)[number]

/**
 * When an engagement happens, as wall-clock time at its place plus the place's IANA zone. The zone
 * is a name, never an offset, so a meeting planned before a change of daylight-saving rules still
 * happens at the planned local hour. All-day engagements carry dates (YYYY-MM-DD), end inclusive;
 * timed ones carry YYYY-MM-DDTHH:mm.
 */
export interface EngagementTiming {
  readonly allDay: boolean
  readonly start: string
  readonly end: string
  readonly timeZone: string
}

export interface Participant {
  readonly country: string
  readonly person: string | null
  readonly role: string | null
  /** The level this country took part at, when it differs from the engagement's own level. */
  readonly level: EngagementLevel | null
  readonly marking: Marking
}

export interface Engagement {
  readonly id: string
  readonly kind: EngagementKind
  readonly level: EngagementLevel
  readonly format: EngagementFormat
  readonly title: string
  readonly summary: string
  readonly host: string | null
  readonly place: string
  readonly timing: EngagementTiming
  readonly parentId: string | null
  readonly priorityAreas: readonly string[]
  readonly outcomes: readonly string[]
  readonly participants: readonly Participant[]
  readonly marking: Marking
  readonly version: number
}

/**
 * What a person writes about an engagement: the engagement without what the server assigns (id,
 * version). A participant's marking may be left out; it then takes the engagement's.
 */
export type EngagementDraft = Omit<Engagement, 'id' | 'version' | 'participants'> & {
  readonly participants: readonly (Omit<Participant, 'marking'> & { readonly marking: Marking | null })[]
}

/** Reads a stored kind; anything unknown is corrupt data and throws. */
export const toEngagementKind = enumReader(engagementKinds, 'engagement kind')

export const toEngagementLevel = enumReader(engagementLevels, 'engagement level')

export const toEngagementFormat = enumReader(engagementFormats, 'engagement format')

/** Rank of a level: 0 for heads of state and government, rising as the level falls. */
export function levelRank(level: EngagementLevel): number {
  return engagementLevels.indexOf(level)
}

/** The level a country took part at: its own if recorded, else the engagement's. */
export function participationLevel(
  engagement: Pick<Engagement, 'level'>,
  participant: Participant,
): EngagementLevel {
  return participant.level ?? engagement.level
}

/** A rule an engagement breaks, located like any other field problem. */
export type StructureProblem = FieldProblem

/**
 * Rules that tie an engagement's fields together. Returns every problem, not only the first, so a
 * form can mark all of them at once. A sideline meeting needs a parent; nothing else may have one.
 */
export function structureProblems(input: {
  readonly kind: EngagementKind
  readonly parentId: string | null
  readonly id?: string
  readonly participants: readonly { readonly country: string; readonly person: string | null }[]
}): StructureProblem[] {
  const problems: StructureProblem[] = []
  if (input.kind === 'sideline' && input.parentId === null) {
    problems.push({
      pointer: '#/parentId',
      detail: 'A sideline meeting needs the engagement it was held beside',
    })
  }
  if (input.kind !== 'sideline' && input.parentId !== null) {
    problems.push({ pointer: '#/parentId', detail: 'Only a sideline meeting has a parent engagement' })
  }
  if (input.id !== undefined && input.parentId === input.id) {
    problems.push({ pointer: '#/parentId', detail: 'An engagement cannot be its own parent' })
  }
  const seen = new Set<string>()
  input.participants.forEach((participant, index) => {
    const key = `${participant.country}|${participant.person ?? ''}`
    if (seen.has(key)) {
      problems.push({
        pointer: `#/participants/${index}`,
        detail: `${participant.country}${participant.person === null ? '' : ` (${participant.person})`} is listed twice`,
      })
    }
    seen.add(key)
  })
  return problems
}
