import type { FieldProblem } from './errors.ts'
import { earliestDay, type FuzzyDate, latestDay } from './fuzzy-date.ts'

/** A membership span of one country in one framework, as stored. */
export interface MembershipSpanEntry {
  readonly id: string
  readonly from: FuzzyDate | null
  readonly to: FuzzyDate | null
}

const beginning = '0000-01-01'
const open = '9999-12-31'

/**
 * The widest days a span may cover: a fuzzy date counts to every day it may mean, so "2005" to
 * "2007" and "2007-06" to now overlap (both may hold in June 2007). No start is the beginning; no
 * end is still running.
 */
function widest(span: Pick<MembershipSpanEntry, 'from' | 'to'>): readonly [string, string] {
  return [
    span.from === null ? beginning : earliestDay(span.from),
    span.to === null ? open : latestDay(span.to),
  ]
}

/** Whether two spans may hold on a common day. */
export function spansOverlap(
  a: Pick<MembershipSpanEntry, 'from' | 'to'>,
  b: Pick<MembershipSpanEntry, 'from' | 'to'>,
): boolean {
  const [aFrom, aTo] = widest(a)
  const [bFrom, bTo] = widest(b)
  return aFrom <= bTo && bFrom <= aTo
}

/**
 * Problems of a span before it is stored: it must not end before it starts, and must not overlap
 * another span of the same member in the same framework (`others` excludes the span itself). Only
 * the first overlap is named, and by its dates alone when the writer may see it.
 */
export function membershipSpanProblems(
  span: Pick<MembershipSpanEntry, 'from' | 'to'>,
  others: readonly (MembershipSpanEntry & { readonly visible: boolean })[],
): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (span.from !== null && span.to !== null && latestDay(span.to) < earliestDay(span.from)) {
    problems.push({ pointer: '#/to', detail: 'The membership cannot end before it starts' })
  }
  const clash = others.find((other) => spansOverlap(span, other))
  if (clash !== undefined) {
    const known = clash.visible ? ` (${clash.from?.value ?? 'no start'} to ${clash.to?.value ?? 'now'})` : ''
    problems.push({
      pointer: '#/from',
      detail: `This member already has a membership in this framework over these dates${known}; end it or change its dates first`,
    })
  }
  return problems
}
