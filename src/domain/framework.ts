import { earliestDay, type FuzzyDate, latestDay } from './fuzzy-date.ts'

/** A span of framework membership: from a (possibly fuzzy) start to an optional end. */
export interface MembershipSpan {
  readonly from: FuzzyDate | null
  readonly to: FuzzyDate | null
}

/**
 * Whether a membership holds on a given day (YYYY-MM-DD). A fuzzy start counts from its earliest
 * day ("2005" counts from 1 January 2005); a fuzzy end counts to its latest day. A membership
 * with no known start is taken to hold since the beginning.
 */
export function isMemberOn(span: MembershipSpan, day: string): boolean {
  if (span.from !== null && earliestDay(span.from) > day) {
    return false
  }
  return span.to === null || latestDay(span.to) >= day
}
