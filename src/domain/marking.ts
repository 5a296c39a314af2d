import type { Principal } from './principal.ts'

/** Classification levels, lowest first. The index is the rank stored in the database. */
export const classifications = ['PUBLIC', 'UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL'] as const
export type Classification = (typeof classifications)[number]

/**
 * A marking on a record: how sensitive it is, and which partners it is released to.
 * An empty `releasableTo` means alliance only (members and staff).
 */
export interface Marking {
  readonly classification: Classification
  readonly releasableTo: readonly string[]
}

export const publicMarking: Marking = { classification: 'PUBLIC', releasableTo: [] }

export function classificationRank(classification: Classification): number {
  return classifications.indexOf(classification)
}

export function classificationAt(rank: number): Classification {
  const found = classifications[rank]
  if (found === undefined) {
    throw new RangeError(`No classification has rank ${rank}`)
  }
  return found
}

/** Normalises a releasability list: upper case, unique, sorted, so equal lists compare equal. */
export function normaliseReleasability(codes: readonly string[]): readonly string[] {
  return [...new Set(codes.map((code) => code.toUpperCase()))].sort()
}

/** Whether two markings are the same: same classification, same set of partners released to. */
export function sameMarking(a: Marking, b: Marking): boolean {
  const left = normaliseReleasability(a.releasableTo)
  const right = normaliseReleasability(b.releasableTo)
  return a.classification === b.classification && left.join('|') === right.join('|')
}

/**
 * The access rule of DESIGN.md: the principal's clearance must cover the classification, and
 * either the principal belongs to the alliance (staff or ally), or the record is PUBLIC, or the
 * principal's country is among those the record is released to.
 *
 * Its SQL twin is `store/visibility.ts`; a test checks both agree over every combination.
 */
export function canRead(principal: Principal, marking: Marking): boolean {
  if (classificationRank(marking.classification) > classificationRank(principal.clearance)) {
    return false
  }
  if (marking.classification === 'PUBLIC') {
    return true
  }
  if (principal.kind === 'staff' || principal.kind === 'ally') {
    return true
  }
  return principal.country !== null && marking.releasableTo.includes(principal.country)
}

/**
 * The marking of a page or document that combines several records: the highest classification,
 * released only to the partners that every non-public part is released to.
 */
export function highestMarking(markings: Iterable<Marking>): Marking {
  let rank = 0
  let releasable: Set<string> | null = null
  for (const marking of markings) {
    rank = Math.max(rank, classificationRank(marking.classification))
    if (marking.classification === 'PUBLIC') {
      continue
    }
    const these = new Set(marking.releasableTo)
    const before: ReadonlySet<string> = releasable ?? these
    releasable = new Set([...before].filter((code) => these.has(code)))
  }
  return {
    classification: classificationAt(rank),
    releasableTo: releasable === null ? [] : normaliseReleasability([...releasable]),
  }
}

/** The words of a banner, e.g. "RESTRICTED — RELEASABLE TO JPN, KOR" or "UNCLASSIFIED — ALLIANCE ONLY". */
export function markingLabel(marking: Marking): string {
  if (marking.classification === 'PUBLIC') {
    return 'PUBLIC'
  }
  const release =
    marking.releasableTo.length === 0 ? 'ALLIANCE ONLY' : `RELEASABLE TO ${marking.releasableTo.join(', ')}`
  return `${marking.classification} — ${release}`
}
