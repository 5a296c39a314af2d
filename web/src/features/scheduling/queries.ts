import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  type SeriesRequestBody,
  SeriesView,
  SharedHoursView,
  type SlotSearchRequestBody,
  SlotSearchView,
} from '../../../../src/contract/scheduling.ts'
import { apiGet, apiRequest, queryString } from '../../lib/api.ts'

export type SlotSearchData = z.infer<typeof SlotSearchView>
export type SlotData = SlotSearchData['slots'][number]
export type SeriesData = z.infer<typeof SeriesView>
export type SharedHoursData = z.infer<typeof SharedHoursView>

/*
 * The slot search and the series planner are POSTs only because their requests are too rich for
 * an address; they compute and store nothing. So they are queries, not writes: `useQuery` keyed by
 * the checked request caches each answer, repeats nothing when the same request is asked again, and
 * gives the page pending/error states for free. `null` means "nothing asked yet".
 */

export function useSlotSearch(request: SlotSearchRequestBody | null) {
  return useQuery({
    queryKey: ['scheduling', 'slots', request],
    queryFn: () => apiRequest('POST', '/api/v1/scheduling/slots', SlotSearchView, request),
    enabled: request !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useSeries(request: SeriesRequestBody | null) {
  return useQuery({
    queryKey: ['scheduling', 'series', request],
    queryFn: () => apiRequest('POST', '/api/v1/scheduling/series', SeriesView, request),
    enabled: request !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export interface SharedHoursParams {
  readonly with: string
  readonly year: number
  readonly office?: string | undefined
}

export function useSharedHours(params: SharedHoursParams | null) {
  return useQuery({
    queryKey: ['scheduling', 'shared-hours', params],
    queryFn: () => apiGet(`/api/v1/scheduling/shared-hours${queryString({ ...params })}`, SharedHoursView),
    enabled: params !== null,
    retry: false,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  })
}
