import type { z } from 'zod'
import { type ImportJobSummary, type ImportJobView, importKindValues } from '../../contract/import.ts'
import { enumReader } from '../../domain/enum.ts'
import { percentDone } from '../../domain/import/progress.ts'
import type { ImportJob } from '../../store/import-job-store.ts'

const toKind = enumReader(importKindValues, 'import kind')
const toFormat = enumReader(['csv', 'json'] as const, 'import format')
const toStatus = enumReader(['running', 'succeeded', 'failed', 'error'] as const, 'import status')

/** A job as its importer reads it; a job left running by a stopped server shows as interrupted. */
export function presentImportJob(
  job: ImportJob & { readonly interrupted: boolean },
): z.infer<typeof ImportJobView> {
  const status = job.interrupted ? 'interrupted' : toStatus(job.status)
  const finished = status !== 'running'
  return {
    id: job.id,
    kind: toKind(job.kind),
    format: toFormat(job.format),
    dryRun: job.dryRun,
    status,
    processed: finished ? job.total : job.processed,
    total: job.total,
    percent: finished ? 100 : percentDone(job.processed, job.total),
    rows: job.rows,
    created: job.created,
    errorCount: job.errorCount,
    errors: [...job.errors],
    message: job.interrupted
      ? 'The server stopped before this import finished; nothing was imported. Import the file again.'
      : job.message,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  }
}

/** A past import as the list shows it: the job without its problems or byte counts. */
export function presentImportSummary(
  job: ImportJob & { readonly interrupted: boolean; readonly importer: string | null },
): z.infer<typeof ImportJobSummary> {
  const {
    errors: _errors,
    processed: _processed,
    total: _total,
    percent: _percent,
    ...summary
  } = presentImportJob(job)
  return { ...summary, importer: job.importer }
}
