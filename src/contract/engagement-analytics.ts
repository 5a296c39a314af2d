import { z } from 'zod'
import { defaultSummitWindowDays, maxSummitWindowDays } from '../domain/analytics.ts'
import { CodeLabel, CountryCode, MarkingView, Slug } from './common.ts'
import { EngagementLevel } from './engagement.ts'

export const AnalyticsQuery = z
  .object({
    partner: CountryCode.optional(),
    framework: Slug.optional(),
    window: z.coerce
      .number()
      .int('window must be a whole number of days')
      .min(0, 'window must not be negative')
      .max(maxSummitWindowDays, `window must be at most ${maxSummitWindowDays} days`)
      .default(defaultSummitWindowDays)
      .meta({ description: 'Days either side of a summit that count as clustered around it' }),
  })
  .strict()
  .refine((query) => (query.partner === undefined) !== (query.framework === undefined), {
    message: 'Give either partner or framework, not both and not neither',
    path: ['partner'],
  })

export const analyticsSeries = ['levels', 'formats', 'intensity', 'regularity', 'milestones'] as const
export const AnalyticsSeriesParams = z.object({ series: z.enum(analyticsSeries) })

const count = z.number().int()
const ByLevel = z.object({
  'heads-of-state-government': count,
  ministers: count,
  ambassadors: count,
  'senior-officials': count,
  'working-level': count,
})
const ByFormat = z.object({ bilateral: count, group: count, 'council-plus-partners': count })

export const AnalyticsYear = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    byLevel: ByLevel,
    byFormat: ByFormat,
    intensity: z.number().int(),
    outsideSummitWindow: z.number().int(),
    shareOutsideSummitWindow: z.number().nullable(),
    longestGapDays: z.number().int().nullable(),
    activeMonths: z.number().int(),
  })
  .meta({ id: 'AnalyticsYear' })

const Milestone = z.object({ id: z.string(), title: z.string(), day: z.string() }).nullable()

export const EngagementAnalyticsView = z
  .object({
    scope: z.object({ kind: z.enum(['partner', 'framework']), id: z.string(), name: z.string() }),
    summitWindowDays: z.number().int(),
    levels: z.array(z.object({ level: EngagementLevel, label: CodeLabel, weight: z.number().int() })),
    years: z.array(AnalyticsYear),
    overall: z.object({
      total: z.number().int(),
      intensity: z.number().int(),
      outsideSummitWindow: z.number().int(),
      shareOutsideSummitWindow: z.number().nullable(),
      longestGapDays: z.number().int().nullable(),
      activeMonths: z.number().int(),
      firstYearAtLeadersLevel: z.number().int().nullable(),
    }),
    milestones: z.array(
      z.object({
        level: EngagementLevel,
        label: CodeLabel,
        count: z.number().int(),
        first: Milestone,
        latest: Milestone,
      }),
    ),
    marking: MarkingView,
  })
  .meta({ id: 'EngagementAnalytics' })
