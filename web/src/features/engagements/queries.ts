import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { EngagementInput, EngagementList } from '../../../../src/contract/engagement.ts'
import { EngagementList as EngagementListSchema } from '../../../../src/contract/engagement.ts'
import { EngagementAnalyticsView } from '../../../../src/contract/engagement-analytics.ts'
import { CalendarFeedCreated, CalendarFeedStatus } from '../../../../src/contract/engagement-calendar.ts'
import { EngagementDetail } from '../../../../src/contract/engagement-detail.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'

export type EngagementListData = z.infer<typeof EngagementList>
export type EngagementSummaryData = EngagementListData['items'][number]
export type EngagementDetailData = z.infer<typeof EngagementDetail>
export type AnalyticsData = z.infer<typeof EngagementAnalyticsView>
export type EngagementInputData = z.input<typeof EngagementInput>

/** The viewer's own zone, so that the API shows every time there as well as at the place. */
export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

export interface EngagementFilterParams {
  readonly partner?: string | undefined
  readonly framework?: string | undefined
  readonly kind?: string | undefined
  readonly level?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly priorityArea?: string | undefined
  readonly order?: 'asc' | 'desc' | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
}

export function useEngagements(filter: EngagementFilterParams) {
  return useQuery({
    queryKey: ['engagements', 'list', filter],
    queryFn: () =>
      apiGet(`/api/v1/engagements${queryString({ ...filter, tz: viewerZone })}`, EngagementListSchema),
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export function useEngagement(id: string) {
  return useQuery({
    queryKey: ['engagements', 'detail', id],
    queryFn: () =>
      apiGet(
        `/api/v1/engagements/${encodeURIComponent(id)}${queryString({ tz: viewerZone })}`,
        EngagementDetail,
      ),
    retry: false,
  })
}

export interface AnalyticsScopeParams {
  readonly partner?: string | undefined
  readonly framework?: string | undefined
  readonly window: number
}

export function analyticsPath(scope: AnalyticsScopeParams, series?: string): string {
  const base =
    series === undefined ? '/api/v1/analytics/engagements' : `/api/v1/analytics/engagements/${series}.csv`
  return `${base}${queryString({ partner: scope.partner, framework: scope.framework, window: scope.window })}`
}

export function useAnalytics(scope: AnalyticsScopeParams) {
  return useQuery({
    queryKey: ['analytics', 'engagements', scope],
    queryFn: () => apiGet(analyticsPath(scope), EngagementAnalyticsView),
    placeholderData: keepPreviousData,
    retry: false,
  })
}

/** Analytics of several partners side by side, one request each (cached per partner). */
export function useAnalyticsComparison(partners: readonly string[], window: number) {
  return useQueries({
    queries: partners.map((partner) => ({
      queryKey: ['analytics', 'engagements', { partner, window }],
      queryFn: () => apiGet(analyticsPath({ partner, window }), EngagementAnalyticsView),
      retry: false,
    })),
  })
}

/** An engagement shows in lists, analytics, partner timelines and beside its statements. */
const engagementQueries = [['engagements'], ['statements'], ['analytics'], ['partners']]

/**
 * Creates (no id) or changes (with id and the version read) an engagement. The edit form keeps
 * what was typed after a 409 and sends the version it now shows when saved again.
 */
export function useSaveEngagement() {
  return useWrite({
    schema: EngagementDetail,
    invalidates: engagementQueries,
    request: ({
      id,
      version,
      input,
    }: {
      id?: string | undefined
      version?: number
      input: EngagementInputData
    }) =>
      id === undefined
        ? { method: 'POST', path: '/api/v1/engagements', body: input }
        : { method: 'PATCH', path: `/api/v1/engagements/${encodeURIComponent(id)}`, body: input, version },
  })
}

export function useFeedStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['calendar-feed'],
    queryFn: () => apiGet('/api/v1/calendar-feed', CalendarFeedStatus),
    enabled,
    retry: false,
  })
}

export function useRotateFeed() {
  return useWrite({
    schema: CalendarFeedCreated,
    invalidates: [['calendar-feed']],
    request: () => ({ method: 'POST', path: '/api/v1/calendar-feed' }),
  })
}
