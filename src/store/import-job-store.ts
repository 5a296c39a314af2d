import { sql } from 'kysely'
import type { ImportProblem } from '../domain/import/import-problem.ts'
import { hasPermission } from '../domain/policy.ts'
import type { Principal } from '../domain/principal.ts'
import type { Executor } from './executor.ts'

declare module './database.ts' {
  interface Database {
    import_job: ImportJobTable
  }
}

/** migration 2026-12-03T1000-import-jobs */
export interface ImportJobTable {
  id: string
  user_id: string
  kind: string
  format: string
  dry_run: number
  /** running → succeeded (nothing wrong; written unless a dry run) | failed (problems; nothing written) | error */
  status: string
  processed: number
  total: number
  rows_read: number
  created: number
  error_count: number
  /** JSON array of { row, field, message }, the first of them (see reportedProblemLimit). */
  errors: string
  message: string | null
  created_at: string
  finished_at: string | null
}

export interface ImportJob {
  readonly id: string
  readonly userId: string
  readonly kind: string
  readonly format: string
  readonly dryRun: boolean
  readonly status: string
  readonly processed: number
  readonly total: number
  readonly rows: number
  readonly created: number
  readonly errorCount: number
  readonly errors: readonly ImportProblem[]
  readonly message: string | null
  readonly createdAt: string
  readonly finishedAt: string | null
}

export interface NewImportJob {
  readonly id: string
  readonly userId: string
  readonly kind: string
  readonly format: string
  readonly dryRun: boolean
  readonly total: number
}

export async function insertImportJob(executor: Executor, job: NewImportJob, now: Date): Promise<void> {
  await executor
    .insertInto('import_job')
    .values({
      id: job.id,
      user_id: job.userId,
      kind: job.kind,
      format: job.format,
      dry_run: job.dryRun ? 1 : 0,
      status: 'running',
      processed: 0,
      total: job.total,
      rows_read: 0,
      created: 0,
      error_count: 0,
      errors: '[]',
      message: null,
      finished_at: null,
      created_at: now.toISOString(),
    })
    .execute()
}

export interface FinishedImport {
  readonly status: 'succeeded' | 'failed' | 'error'
  readonly rows: number
  readonly created: number
  readonly errorCount: number
  readonly errors: readonly ImportProblem[]
  readonly message: string | null
}

export async function finishImportJob(executor: Executor, id: string, outcome: FinishedImport, now: Date) {
  await executor
    .updateTable('import_job')
    .set({
      status: outcome.status,
      processed: sql<number>`total`,
      rows_read: outcome.rows,
      created: outcome.created,
      error_count: outcome.errorCount,
      errors: JSON.stringify(outcome.errors),
      message: outcome.message,
      finished_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute()
}

/**
 * The job when the principal may read it: its importer, or anyone who may import (staff). Anyone
 * else gets nothing, as for a job that does not exist.
 */
export async function findVisibleImportJob(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<ImportJob | null> {
  if (principal.userId === null) return null
  let query = executor.selectFrom('import_job').selectAll().where('id', '=', id)
  if (!hasPermission(principal, 'registry.import')) {
    query = query.where('user_id', '=', principal.userId)
  }
  const row = await query.executeTakeFirst()
  return row === undefined ? null : toJob(row)
}

/**
 * Past imports, newest first: the principal's own, or everyone's for those who may import for the
 * organisation. With each, the importer's username.
 */
export async function listVisibleImportJobs(
  executor: Executor,
  principal: Principal,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ items: Array<ImportJob & { readonly importer: string | null }>; total: number }> {
  if (principal.userId === null) return { items: [], total: 0 }
  const mine = !hasPermission(principal, 'registry.import')
  const rows = await executor
    .selectFrom('import_job as j')
    .leftJoin('app_user as u', 'u.id', 'j.user_id')
    .selectAll('j')
    .select('u.username as importer')
    .$if(mine, (query) => query.where('j.user_id', '=', principal.userId ?? ''))
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  const counted = await executor
    .selectFrom('import_job as j')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .$if(mine, (query) => query.where('j.user_id', '=', principal.userId ?? ''))
    .executeTakeFirstOrThrow()
  return {
    items: rows.map((row) => ({ ...toJob(row), importer: row.importer })),
    total: Number(counted.n),
  }
}

function toJob(row: ImportJobTable): ImportJob {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    format: row.format,
    dryRun: Number(row.dry_run) === 1,
    status: row.status,
    processed: Number(row.processed),
    total: Number(row.total),
    rows: Number(row.rows_read),
    created: Number(row.created),
    errorCount: Number(row.error_count),
    errors: JSON.parse(row.errors) as ImportProblem[],
    message: row.message,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}
