import { useQuery } from '@tanstack/react-query'
import { ImportJobView } from '../../../../src/contract/import.ts'
import { apiGet } from '../../lib/api.ts'
import { useWrite } from '../../lib/useWrite.ts'

export const importKey = (id: string) => ['imports', id] as const

/** The job, re-read every quarter second while it runs, so the bar moves. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: () => apiGet(`/api/v1/imports/${encodeURIComponent(id ?? '')}`, ImportJobView),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 250 : false),
  })
}

export interface ImportVariables {
  readonly kind: string
  readonly dryRun: boolean
  readonly file: File
}

/** Sends the file as it is: CSV by its name or type, else JSON. */
export function useStartImport(onStarted: (id: string) => void) {
  return useWrite({
    schema: ImportJobView,
    // An import can create records of every list: each re-reads when next shown.
    invalidates: [['partners'], ['engagements'], ['programmes'], ['search'], ['imports', 'list']],
    request: ({ kind, dryRun, file }: ImportVariables) => ({
      method: 'POST',
      path: `/api/v1/imports?kind=${encodeURIComponent(kind)}&dryRun=${dryRun}`,
      file: {
        body: file,
        contentType: file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv',
      },
    }),
    onSuccess: (job) => onStarted(job.id),
  })
}
