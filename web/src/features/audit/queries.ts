import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { AuditList, AuditVerdictView } from '../../../../src/contract/audit.ts'
import { apiGet, queryString } from '../../lib/api.ts'

export type AuditListData = z.infer<typeof AuditList>
export type AuditEntryData = AuditListData['items'][number]

/** The trail's filters as the API names them; '' means "any". */
export interface AuditFilterParams {
  readonly entity: string
  readonly entityId: string
  readonly actor: string
  readonly from: string
  readonly to: string
}

export const auditPageSize = 25

/** The export link: the same filters as the page, every matching entry (no paging). */
export function auditCsvHref(filter: AuditFilterParams): string {
  return `/api/v1/audit.csv${queryString({ ...filter })}`
}

export function useAuditEntries(filter: AuditFilterParams, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'list', filter, page],
    queryFn: () =>
      apiGet(
        `/api/v1/audit${queryString({ ...filter, limit: auditPageSize, offset: page * auditPageSize })}`,
        AuditList,
      ),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  })
}

export type AuditVerdictData = z.infer<typeof AuditVerdictView>

/** The hash chain's verdict; walked on the server over the whole trail, so read once per visit. */
export function useAuditVerdict(enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => apiGet('/api/v1/audit/verify', AuditVerdictView),
    enabled,
    staleTime: 60_000,
    retry: false,
  })
}
