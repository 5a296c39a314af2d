import type { z } from 'zod'
import type { EngagementAnalyticsView } from '../../contract/engagement-analytics.ts'
import { firstYearAtOrAbove, levelWeights, share } from '../../domain/analytics.ts'
import { engagementLevels } from '../../domain/engagement.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { CsvColumn } from '../../i18n/csv-columns.ts'
import type { EngagementAnalytics } from '../../store/engagement-analytics-store.ts'
import { type CsvCell, writeCsv as writeCsvFile } from '../csv.ts'
import type { Translator } from '../i18n.ts'
import { presentMarking } from '../present.ts'
import type { EngagementLabels } from './labels.ts'

type View = z.infer<typeof EngagementAnalyticsView>

/**
 * The analytics answer: yearly series as counted in SQL, with overall figures summed from them, and
 * level names in the request's language.
 */
export function presentAnalytics(
  analytics: EngagementAnalytics,
  scope: View['scope'],
  windowDays: number,
  labels: EngagementLabels,
): View {
  const { years } = analytics
  const total = years.reduce((sum, year) => sum + year.total, 0)
  const outside = years.reduce((sum, year) => sum + year.outsideSummitWindow, 0)
  const gaps = years.flatMap((year) => (year.longestGapDays === null ? [] : [year.longestGapDays]))
  return {
    scope,
    summitWindowDays: windowDays,
    levels: engagementLevels.map((level) => ({
      level,
      label: labels.level[level],
      weight: levelWeights[level],
    })),
    years: years.map((year) => ({ ...year, byLevel: { ...year.byLevel }, byFormat: { ...year.byFormat } })),
    overall: {
      total,
      intensity: years.reduce((sum, year) => sum + year.intensity, 0),
      outsideSummitWindow: outside,
      shareOutsideSummitWindow: share(outside, total),
      longestGapDays: gaps.length === 0 ? null : Math.max(...gaps),
      activeMonths: years.reduce((sum, year) => sum + year.activeMonths, 0),
      firstYearAtLeadersLevel: firstYearAtOrAbove(years, 'heads-of-state-government'),
    },
    milestones: analytics.levels.map((milestone) => ({
      level: milestone.level,
      label: labels.level[milestone.level],
      count: milestone.count,
      first: milestone.first,
      latest: milestone.latest,
    })),
    marking: presentMarking(highestMarking(analytics.markings)),
  }
}

/**
 * One series as CSV (see server/csv.ts): a header and one row per year or level, each row carrying
 * the data's marking in its `marking` column.
 */
export function analyticsCsv(
  view: View,
  series: 'levels' | 'formats' | 'intensity' | 'regularity' | 'milestones',
  { t }: Translator,
): string {
  const marking = view.marking.label
  // English headers are the columns' stable names (scripts read them); other languages translate them.
  const writeCsv = (header: readonly CsvColumn[], rows: readonly (readonly CsvCell[])[]) =>
    writeCsvFile(
      header.map((column) => t(`csv.${column}`)),
      rows,
      marking,
      t('csv.marking'),
    )
  switch (series) {
    case 'levels':
      return writeCsv(
        ['year', ...engagementLevels, 'total'],
        view.years.map((y) => [y.year, ...engagementLevels.map((l) => y.byLevel[l]), y.total]),
      )
    case 'formats':
      return writeCsv(
        ['year', 'bilateral', 'group', 'council-plus-partners', 'total'],
        view.years.map((y) => [
          y.year,
          y.byFormat.bilateral,
          y.byFormat.group,
          y.byFormat['council-plus-partners'],
          y.total,
        ]),
      )
    case 'intensity':
      return writeCsv(
        ['year', 'intensity', 'total'],
        view.years.map((y) => [y.year, y.intensity, y.total]),
      )
    case 'regularity':
      return writeCsv(
        [
          'year',
          'total',
          'outside_summit_window',
          'share_outside_summit_window',
          'longest_gap_days',
          'active_months',
          'window_days',
        ],
        view.years.map((y) => [
          y.year,
          y.total,
          y.outsideSummitWindow,
          y.shareOutsideSummitWindow,
          y.longestGapDays,
          y.activeMonths,
          view.summitWindowDays,
        ]),
      )
    case 'milestones':
      return writeCsv(
        ['level', 'count', 'first_day', 'first_title', 'latest_day', 'latest_title'],
        view.milestones.map((m) => [
          m.level,
          m.count,
          m.first?.day ?? null,
          m.first?.title ?? null,
          m.latest?.day ?? null,
          m.latest?.title ?? null,
        ]),
      )
  }
}
