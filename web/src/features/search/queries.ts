import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { SearchResults } from '../../../../src/contract/search.ts'
import { apiGet, queryString } from '../../lib/api.ts'

export type SearchResultsData = z.infer<typeof SearchResults>
export type SearchHitData = SearchResultsData['items'][number]

export interface SearchFilter {
  readonly q: string
  readonly type?: string | undefined
  readonly limit: number
  readonly offset: number
}

/** Runs only for a query with text; the server reads it as plain words. */
export function useSearch(filter: SearchFilter) {
  return useQuery({
    queryKey: ['search', filter],
    queryFn: () => apiGet(`/api/v1/search${queryString({ ...filter })}`, SearchResults),
    enabled: filter.q.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  })
}
