import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { EngagementInput, EngagementList } from '../../../../src/contract/engagement.ts'
import { EngagementList as EngagementListSchema } from '../../../../src/contract/engagement.ts'
import { EngagementAnalyticsView } from '../../../../src/contract/engagement-analytics.ts'
import { CalendarFeedCreated, CalendarFeedStatus } from '../../../../src/contract/engagement-calendar.ts'
import { EngagementDetail } from '../../../../src/contract/engagement-detail.ts'
import { ApiProblem, apiGet, apiRequest, queryString } from '../../lib/api.ts'

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

/** Reads a problem+json answer into the shared ApiProblem, so forms show the same field messages. */
function problemOf(status: number, body: unknown): ApiProblem {
  const record = typeof body === 'object' && body !== null ? body : {}
  const field = (name: string) => {
    const value: unknown = Reflect.get(record, name)
    return typeof value === 'string' ? value : ''
  }
  const rawErrors: unknown = Reflect.get(record, 'errors')
  const errors = Array.isArray(rawErrors)
    ? rawErrors.map((error: unknown) => ({
        pointer:
          typeof error === 'object' && error !== null ? String(Reflect.get(error, 'pointer') ?? '') : '',
        detail: typeof error === 'object' && error !== null ? String(Reflect.get(error, 'detail') ?? '') : '',
      }))
    : []
  return new ApiProblem({
    status,
    title: field('title') || 'Request failed',
    detail: field('detail') || `The server answered ${status}.`,
    type: field('type'),
    errors,
  })
}

/** PATCH with If-Match: the version the form was filled from, so a change made meanwhile gets a 409. */
async function patchEngagement(id: string, version: number, input: EngagementInputData) {
  const response = await fetch(`/api/v1/engagements/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'if-match': `"${version}"` },
    body: JSON.stringify(input),
  })
  const text = await response.text()
  const body: unknown = text === '' ? null : JSON.parse(text)
  if (!response.ok) {
    throw problemOf(response.status, body)
  }
  return EngagementDetail.parse(body)
}

/** Creates (no id) or changes (with id and the version read) an engagement. */
export function useSaveEngagement() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      version,
      input,
    }: {
      id?: string | undefined
      version?: number
      input: EngagementInputData
    }) =>
      id === undefined
        ? apiRequest('POST', '/api/v1/engagements', EngagementDetail, input)
        : patchEngagement(id, version ?? 0, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['engagements'] }),
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
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => apiRequest('POST', '/api/v1/calendar-feed', CalendarFeedCreated),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }),
  })
}
