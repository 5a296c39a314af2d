import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { TimelineEvent } from '../../../../src/contract/partner.ts'
import { PartnerDetail, PartnerList } from '../../../../src/contract/partner.ts'
import { apiGet, queryString } from '../../lib/api.ts'

export type PartnerSummaryData = z.infer<typeof PartnerList>['items'][number]
export type PartnerDetailData = z.infer<typeof PartnerDetail>
export type TimelineEventData = z.infer<typeof TimelineEvent>

export interface PartnerFilter {
  readonly framework?: string | undefined
  readonly q?: string | undefined
}

export function usePartners(filter: PartnerFilter) {
  return useQuery({
    queryKey: ['partners', 'list', filter.framework ?? '', filter.q ?? ''],
    queryFn: () =>
      apiGet(
        `/api/v1/partners${queryString({ framework: filter.framework, q: filter.q, limit: 500 })}`,
        PartnerList,
      ),
    // Keep the old rows on screen while the next search loads, so the table does not flash.
    placeholderData: keepPreviousData,
  })
}

export function usePartner(code: string) {
  return useQuery({
    queryKey: ['partners', 'detail', code.toUpperCase()],
    queryFn: () => apiGet(`/api/v1/partners/${encodeURIComponent(code)}`, PartnerDetail),
    retry: false,
  })
}
