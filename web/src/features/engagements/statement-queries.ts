import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type StatementInput,
  StatementList,
  StatementView,
} from '../../../../src/contract/engagement-statement.ts'
import { apiGet, apiRequest, isApiProblem, queryString } from '../../lib/api.ts'

export type StatementData = z.infer<typeof StatementView>
export type StatementInputData = z.output<typeof StatementInput>

const path = (id: string) => `/api/v1/statements/${encodeURIComponent(id)}`

/** Statements show on engagement pages, so every change refreshes those too. */
function useRefresh() {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['engagements'] }),
      client.invalidateQueries({ queryKey: ['statements'] }),
    ])
}

export interface StatementFilter {
  readonly partner?: string | undefined
  readonly status?: string | undefined
  readonly limit: number
  readonly offset: number
}

export function useStatements(filter: StatementFilter) {
  return useQuery({
    queryKey: ['statements', 'list', filter],
    queryFn: () => apiGet(`/api/v1/statements${queryString({ ...filter })}`, StatementList),
    placeholderData: keepPreviousData,
    retry: false,
  })
}

/** Records a statement (no id) or changes one, sending the version it was read at. */
export function useSaveStatement() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: StatementInputData }) =>
      id === undefined
        ? apiRequest('POST', '/api/v1/statements', StatementView, input)
        : apiRequest('PATCH', path(id), StatementView, input, { ifMatch: version ?? 0 }),
    onSuccess: refresh,
    // A 409 means someone changed it meanwhile: load the current version so the form shows it.
    onError: (error) => (isApiProblem(error) && error.status === 409 ? refresh() : undefined),
  })
}

export function useDeleteStatement() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest('DELETE', path(id), z.null(), undefined, { ifMatch: version }),
    onSuccess: refresh,
    onError: (error) => (isApiProblem(error) && error.status === 409 ? refresh() : undefined),
  })
}

/** Associates a partner with a statement, or withdraws it; repeating either changes nothing. */
export function useAssociation() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, country, associate }: { id: string; country: string; associate: boolean }) =>
      apiRequest(
        associate ? 'PUT' : 'DELETE',
        `${path(id)}/associations/${encodeURIComponent(country)}`,
        StatementView,
      ),
    onSuccess: refresh,
  })
}
