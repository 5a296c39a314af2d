import type { MilestoneStatus } from './programme.ts'

export const milestoneHealths = ['done', 'cancelled', 'late', 'at-risk', 'on-track'] as const
export type MilestoneHealth = (typeof milestoneHealths)[number]

/** How close to its due date an open milestone is "at risk". */
export const atRiskWindowDays = 30

/**
 * Derived, never typed in: the health of a milestone on `today` (YYYY-MM-DD).
 * - done / cancelled: closed, whatever the date;
 * - late: still open (planned or in progress) and the due day has passed;
 * - at risk: still open and due within the next 30 days (today included);
 * - on track: open and due later than that.
 *
 * @example milestoneHealth({ due: '2026-12-15', status: 'planned' }, '2026-11-27') // 'at-risk'
 */
export function milestoneHealth(
  milestone: { readonly due: string; readonly status: MilestoneStatus },
  today: string,
): MilestoneHealth {
  if (milestone.status === 'done' || milestone.status === 'cancelled') {
    return milestone.status
  }
  if (milestone.due < today) {
    return 'late'
  }
  // ISO days compare as strings, so one horizon per `today` classifies thousands of milestones cheaply.
  return milestone.due <= atRiskHorizon(today) ? 'at-risk' : 'on-track'
}

let lastHorizon: { readonly today: string; readonly horizon: string } = { today: '', horizon: '' }

/** The last day that is still "at risk" seen from `today` (memoised for the most recent `today`). */
function atRiskHorizon(today: string): string {
  if (lastHorizon.today !== today) {
    lastHorizon = { today, horizon: addDays(today, atRiskWindowDays) }
  }
  return lastHorizon.horizon
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
