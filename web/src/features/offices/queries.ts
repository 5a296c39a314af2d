import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { LiaisonOfficeDetail, LiaisonOfficeList } from '../../../../src/contract/liaison-office.ts'
import { labelsOf } from '../../i18n/labels.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'

export type OfficeData = z.infer<typeof LiaisonOfficeList>['items'][number]

const base = '/api/v1/liaison-offices'

/** The offices the user may see; with `partner`, only those serving that partner (its page). */
export function useOffices(partner?: string) {
  return useQuery({
    queryKey: ['liaison-offices', 'list', partner ?? ''],
    queryFn: () => apiGet(`${base}${queryString({ partner, limit: 500 })}`, LiaisonOfficeList),
  })
}

/** An office shows on the offices list, its partners' pages and its proposal: a write refreshes them. */
export function useCreateOffice() {
  return useWrite({
    schema: LiaisonOfficeDetail,
    invalidates: [['liaison-offices'], ['partners'], ['proposals']],
    request: (body: unknown) => ({ method: 'POST', path: base, body }),
  })
}

export const officeStatusLabels = labelsOf<OfficeData['status']>('officeStatus', [
  'proposed',
  'open',
  'closed',
])

/**
 * One office (the proposal page names the office it decides); hidden or missing reads as 404.
 * `proposalVersion` keys it by the deciding proposal's version, so an adoption the page learns of
 * by polling re-reads the office it opened.
 */
export function useOffice(id: string | null, proposalVersion: number) {
  return useQuery({
    queryKey: ['liaison-offices', 'detail', id ?? '', proposalVersion],
    queryFn: () => apiGet(`${base}/${encodeURIComponent(id ?? '')}`, LiaisonOfficeDetail),
    enabled: id !== null,
    retry: false,
  })
}
