import { type EngagementFormat, type EngagementLevel, engagementLevels } from './engagement.ts'

/**
 * How much one engagement at each level counts towards intensity. A leaders' meeting is rarer and
 * carries more political weight than working-level talks, so intensity grows faster than the count
 * when the level rises. Integers, so that SQL sums them exactly on both engines.
 */
export const levelWeights: Readonly<Record<EngagementLevel, number>> = {
  'heads-of-state-government': 10,
  ministers: 5,
  ambassadors: 3,
  'senior-officials': 2,
  'working-level': 1,
}

/** Days either side of a summit within which an engagement counts as clustered around it. */
export const defaultSummitWindowDays = 30
export const maxSummitWindowDays = 366

/** One engagement as the analytics see it: reduced to what is counted. */
export interface CountedEngagement {
  readonly id: string
  readonly title: string
  /** Local start day at the place, YYYY-MM-DD. */
  readonly day: string
  readonly level: EngagementLevel
  readonly format: EngagementFormat
  /** Within the window of a summit the viewer may see. */
  readonly nearSummit: boolean
}

export interface YearSeries {
  readonly year: number
  readonly total: number
  readonly byLevel: Readonly<Record<EngagementLevel, number>>
  readonly byFormat: Readonly<Record<EngagementFormat, number>>
  readonly intensity: number
  readonly outsideSummitWindow: number
  /** outsideSummitWindow / total, or null in a year without engagements. */
  readonly shareOutsideSummitWindow: number | null
  /** Longest run of days between consecutive engagement days ending in this year; null with fewer than two. */
  readonly longestGapDays: number | null
  readonly activeMonths: number
}

export interface LevelMilestone {
  readonly level: EngagementLevel
  readonly count: number
  readonly first: { readonly id: string; readonly title: string; readonly day: string } | null
  readonly latest: { readonly id: string; readonly title: string; readonly day: string } | null
}

export function zeroByLevel(): Record<EngagementLevel, number> {
  return {
    'heads-of-state-government': 0,
    ministers: 0,
    ambassadors: 0,
    'senior-officials': 0,
    'working-level': 0,
  }
}

export function zeroByFormat(): Record<EngagementFormat, number> {
  return { bilateral: 0, group: 0, 'council-plus-partners': 0 }
}

/** A share rounded to four places, so that both engines' floating point print the same. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000
}

/**
 * The reference computation of the yearly series, in plain code. The store computes the same in SQL
 * (so that nothing hidden is ever loaded); tests compare the two on generated data.
 */
export function referenceYearSeries(engagements: readonly CountedEngagement[]): YearSeries[] {
  const byYear = new Map<number, CountedEngagement[]>()
  for (const engagement of engagements) {
    const year = Number(engagement.day.slice(0, 4))
    byYear.set(year, [...(byYear.get(year) ?? []), engagement])
  }
  const days = [...new Set(engagements.map((engagement) => engagement.day))].sort()
  const gapEndingIn = new Map<number, number>()
  for (let index = 1; index < days.length; index += 1) {
    const day = days[index] ?? ''
    const gap = dayDifference(days[index - 1] ?? day, day)
    const year = Number(day.slice(0, 4))
    gapEndingIn.set(year, Math.max(gapEndingIn.get(year) ?? 0, gap))
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, items]) => {
      const byLevel = zeroByLevel()
      const byFormat = zeroByFormat()
      let intensity = 0
      let outside = 0
      for (const item of items) {
        byLevel[item.level] += 1
        byFormat[item.format] += 1
        intensity += levelWeights[item.level]
        outside += item.nearSummit ? 0 : 1
      }
      return {
        year,
        total: items.length,
        byLevel,
        byFormat,
        intensity,
        outsideSummitWindow: outside,
        shareOutsideSummitWindow: share(outside, items.length),
        longestGapDays: gapEndingIn.get(year) ?? null,
        activeMonths: new Set(items.map((item) => item.day.slice(0, 7))).size,
      }
    })
}

function dayDifference(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * The year in which the level of engagement first reached `level` or higher, e.g. the first year
 * with leaders' meetings. Null when it never did.
 */
export function firstYearAtOrAbove(series: readonly YearSeries[], level: EngagementLevel): number | null {
  const atOrAbove = engagementLevels.slice(0, engagementLevels.indexOf(level) + 1)
  const found = series.find((year) => atOrAbove.some((each) => year.byLevel[each] > 0))
  return found === undefined ? null : found.year
}
