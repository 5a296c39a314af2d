import { type QueryKey, type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { MessageKey } from '../../../src/i18n/catalogue.ts'
import { t } from '../i18n/translate.ts'
import { apiRequest, type FileBody } from './api.ts'
import { type ApiProblem, asProblem } from './problem.ts'
import { sessionKey } from './query-keys.ts'

/** One write to the API, worked out from what the page passes to `mutate`. */
export interface WriteRequest {
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly path: string
  readonly body?: unknown
  /** The version the page read, sent as If-Match; a create or an idempotent PUT/DELETE has none. */
  readonly version?: number | undefined
  /** A file to send as the body as it is (an import), in place of `body`. */
  readonly file?: FileBody | undefined
}

/**
 * What the form does with what was typed when the record changed meanwhile (409): `keep` leaves the
 * typed text in place over the record as it is now (saving again is a deliberate choice), `reload`
 * shows the current version in the form (it is keyed by the version) for the change to be made again.
 */
export type OnConflict = 'keep' | 'reload'

export interface WriteSpec<S extends z.ZodType, V> {
  readonly request: (variables: V) => WriteRequest
  /** The contract schema of the 2xx answer (`z.null()` for a 204). */
  readonly schema: S
  /** The queries that show what this write changes: refetched after it succeeds or is refused. */
  readonly invalidates: readonly QueryKey[]
  readonly onConflict?: OnConflict
  readonly onSuccess?: (data: z.output<S>, variables: V) => unknown
}

const conflictAdvice: Record<OnConflict, MessageKey> = {
  keep: 'write.conflict.keep',
  reload: 'write.conflict.reload',
}

/** What the person can do about a refusal, beyond the server's own detail. */
function advise(problem: ApiProblem, onConflict: OnConflict): ApiProblem {
  if (problem.changedMeanwhile) return problem.withAdvice(t(conflictAdvice[onConflict]))
  if (problem.status === 428) return problem.withAdvice(t('write.reload'))
  if (problem.status === 401 && problem.code === 'unauthenticated') {
    return problem.withAdvice(t('write.signInAgain'))
  }
  return problem
}

/**
 * The one way the web app writes: a TanStack mutation over `apiRequest` that sends If-Match from
 * the version it is given and fails with an `ApiProblem` (field messages, an alert, advice).
 * Whatever the answer, the pages re-read what the write touches: after a success to show it, after
 * a 409 or 428 to show the record as it is now, after a 401 to show the visitor as signed out.
 */
export function useWrite<S extends z.ZodType, V = void>(
  spec: WriteSpec<S, V>,
): UseMutationResult<z.output<S>, ApiProblem, V> {
  const client = useQueryClient()
  const refresh = () =>
    Promise.all(spec.invalidates.map((queryKey) => client.invalidateQueries({ queryKey })))
  return useMutation<z.output<S>, ApiProblem, V>({
    mutationFn: async (variables) => {
      const { method, path, body, version, file } = spec.request(variables)
      try {
        return await apiRequest(method, path, spec.schema, body, {
          ...(version === undefined ? {} : { ifMatch: version }),
          ...(file === undefined ? {} : { file }),
        })
      } catch (error) {
        throw advise(asProblem(error), spec.onConflict ?? 'keep')
      }
    },
    onSuccess: async (data, variables) => {
      await spec.onSuccess?.(data, variables)
      await refresh()
    },
    onError: async (problem) => {
      // Status 0: nothing reached the server, so nothing there changed and the pages are as current.
      if (problem.status === 0) return
      if (problem.status === 401) await client.invalidateQueries({ queryKey: sessionKey })
      await refresh()
    },
  })
}
