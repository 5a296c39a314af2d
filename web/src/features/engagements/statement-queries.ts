import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type StatementInput,
  StatementList,
  StatementView,
} from '../../../../src/contract/engagement-statement.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'

export type StatementData = z.infer<typeof StatementView>
export type StatementInputData = z.output<typeof StatementInput>

const path = (id: string) => `/api/v1/statements/${encodeURIComponent(id)}`

/** Statements show on engagement pages, so every change refreshes those too. */
const statementQueries = [['engagements'], ['statements']]

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

/**
 * Records a statement (no id) or changes one, sending the version it was read at. The form is keyed
 * by the version, so after a 409 it shows the statement as it is now.
 */
export function useSaveStatement() {
  return useWrite({
    schema: StatementView,
    invalidates: statementQueries,
    onConflict: 'reload',
    request: ({ id, version, input }: { id?: string; version?: number; input: StatementInputData }) =>
      id === undefined
        ? { method: 'POST', path: '/api/v1/statements', body: input }
        : { method: 'PATCH', path: path(id), body: input, version },
  })
}

export function useDeleteStatement() {
  return useWrite({
    schema: z.null(),
    invalidates: statementQueries,
    onConflict: 'reload',
    request: ({ id, version }: { id: string; version: number }) => ({
      method: 'DELETE',
      path: path(id),
      version,
    }),
  })
}

/** Associates a partner with a statement, or withdraws it; repeating either changes nothing. */
export function useAssociation() {
  return useWrite({
    schema: StatementView,
    invalidates: statementQueries,
    request: ({ id, country, associate }: { id: string; country: string; associate: boolean }) => ({
      method: associate ? 'PUT' : 'DELETE',
      path: `${path(id)}/associations/${encodeURIComponent(country)}`,
    }),
  })
}
