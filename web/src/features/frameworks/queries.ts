import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { FrameworkDetail, FrameworkList } from '../../../../src/contract/framework.ts'
import { apiGet, queryString } from '../../lib/api.ts'

export type FrameworkSummaryData = z.infer<typeof FrameworkList>['items'][number]
export type FrameworkDetailData = z.infer<typeof FrameworkDetail>
export type MembershipData = FrameworkDetailData['history'][number]

export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks', 'list'],
    queryFn: () => apiGet('/api/v1/frameworks', FrameworkList),
    staleTime: 5 * 60_000,
  })
}

export function useFramework(id: string, asOf: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'detail', id, asOf ?? 'today'],
    queryFn: () =>
      apiGet(`/api/v1/frameworks/${encodeURIComponent(id)}${queryString({ asOf })}`, FrameworkDetail),
    placeholderData: keepPreviousData,
    retry: false,
  })
}
