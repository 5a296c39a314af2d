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

/**
 * A membership's status on `day`, from the status recorded today: a former member was an active
 * one on the days its span covers. A suspension carries no date in the records, so it is shown
 * only from today on; an earlier day within the span shows the membership as active.
 */
export function statusOn(
  membership: MembershipSpan & { readonly status: string },
  day: string,
  today: string,
): string {
  if (!isMemberOn(membership, day)) return membership.status
  if (membership.status === 'former') return 'active'
  if (membership.status === 'suspended' && day < today) return 'active'
  return membership.status
}
