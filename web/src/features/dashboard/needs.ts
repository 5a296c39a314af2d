import { DateTime } from 'luxon'

/** What the dashboard needs to know of the person: their country (a member or partner), if any. */
export interface Viewer {
  readonly kind: 'staff' | 'ally' | 'partner' | 'public'
  readonly country: string | null
}

interface ProposalLike {
  readonly id: string
  readonly status: string
  readonly positions?: ReadonlyArray<{ readonly member: string; readonly position: string }> | undefined
}

/**
 * Open proposals still waiting for a position: an ally's own, or (staff, who record positions on
 * members' behalf) any member's, with how many members have not taken one yet.
 */
export function awaitingPosition<P extends ProposalLike>(
  proposals: readonly P[],
  viewer: Viewer,
): Array<{ proposal: P; missing: number }> {
  return proposals
    .filter((proposal) => proposal.status === 'open')
    .map((proposal) => {
      const open = (proposal.positions ?? []).filter(
        (entry) => entry.position === 'none' && (viewer.kind === 'staff' || entry.member === viewer.country),
      )
      return { proposal, missing: open.length }
    })
    .filter((entry) => entry.missing > 0 && (viewer.kind === 'staff' || viewer.kind === 'ally'))
}

interface ProgrammeLike {
  readonly partner: { readonly code: string }
  readonly status: string
  readonly nextReview: string | null
  readonly progress: { readonly late: number; readonly atRisk: number }
}

/** Programmes live enough to need attention (not superseded), of the partner's own country when it is one. */
function current<P extends ProgrammeLike>(programmes: readonly P[], viewer: Viewer): P[] {
  return programmes.filter(
    (programme) =>
      programme.status !== 'superseded' &&
      (viewer.kind !== 'partner' || programme.partner.code === viewer.country),
  )
}

/** Programmes with late or at-risk milestones, the most late first. */
export function milestonesNeedingAttention<P extends ProgrammeLike>(
  programmes: readonly P[],
  viewer: Viewer,
): P[] {
  return current(programmes, viewer)
    .filter((programme) => programme.progress.late + programme.progress.atRisk > 0)
    .sort((a, b) => b.progress.late - a.progress.late || b.progress.atRisk - a.progress.atRisk)
}

/** Programmes whose review is overdue or falls within `days` of `today` (YYYY-MM-DD), soonest first. */
export function reviewsDue<P extends ProgrammeLike>(
  programmes: readonly P[],
  viewer: Viewer,
  today: string,
  days = 30,
): P[] {
  const until = DateTime.fromISO(today, { zone: 'utc' }).plus({ days }).toISODate() ?? today
  return current(programmes, viewer)
    .filter((programme) => programme.nextReview !== null && programme.nextReview <= until)
    .sort((a, b) => (a.nextReview ?? '').localeCompare(b.nextReview ?? ''))
}

/** This week in the viewer's zone: today and the six days after it, as local days. */
export function thisWeek(now: Date, zone: string): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day')
  return { from: today.toISODate() ?? '', to: today.plus({ days: 6 }).toISODate() ?? '' }
}
