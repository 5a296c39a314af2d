import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { DomainError } from '../../domain/errors.ts'
import { authorize } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import { openDatabase } from '../../store/connect.ts'
import type { Db } from '../../store/database.ts'
import type { RegisteredImportKind } from '../../store/import/import-kinds.ts'
import type { ImportFormat } from '../../store/import/read-records.ts'
import type { ImportProgress } from '../../store/import/run-import.ts'
import { finishImportJob, type ImportJob, insertImportJob } from '../../store/import-job-store.ts'
import { importFile } from './import-command.ts'

export interface ImportUpload {
  readonly kind: RegisteredImportKind
  readonly format: ImportFormat
  readonly dryRun: boolean
  readonly body: Buffer
}

/**
 * Imports run beside the requests that follow them: the upload answers 202 with the job at once,
 * and the page polls the job. Progress lives in memory while the job runs (it changes every batch,
 * and the import's transaction must not be interleaved with other writes); the job's row records
 * its start and its outcome, so both survive a restart.
 */
export class ImportJobs {
  private readonly live = new Map<string, ImportProgress>()
  private readonly running = new Set<Promise<void>>()

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Records the job and starts it; refuses (403) before anything is stored when the principal may not import. */
  async start(principal: Principal, upload: ImportUpload): Promise<string> {
    authorize(principal, 'import', { type: 'registry' })
    if (principal.userId === null) {
      throw new DomainError('unauthenticated', 'Sign in to import.')
    }
    const id = randomUUID()
    await insertImportJob(
      this.db.kysely,
      {
        id,
        userId: principal.userId,
        kind: upload.kind.name,
        format: upload.format,
        dryRun: upload.dryRun,
        total: upload.body.length,
      },
      this.now(),
    )
    this.live.set(id, { processed: 0, total: upload.body.length, rows: 0 })
    const work = this.run(id, principal, upload).finally(() => {
      // A reader may hold the row as it was before the outcome was written ("running"): keep the
      // last progress a while, so that it reads as still running here (and the next poll gets the
      // outcome) rather than as interrupted by a stopped server.
      setTimeout(() => this.live.delete(id), 60_000).unref()
      this.running.delete(work)
    })
    this.running.add(work)
    return id
  }

  /** The job as stored, with the live progress of a job still running here. */
  withProgress(job: ImportJob): ImportJob & { readonly interrupted: boolean } {
    const progress = this.live.get(job.id)
    if (job.status !== 'running') return { ...job, interrupted: false }
    if (progress === undefined) return { ...job, interrupted: true }
    return {
      ...job,
      processed: progress.processed,
      total: progress.total,
      rows: progress.rows,
      interrupted: false,
    }
  }

  /** Waits for every running import (shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.running])
  }

  private async run(id: string, principal: Principal, upload: ImportUpload): Promise<void> {
    // SQLite has one connection per handle, and the import's transaction holds it for the whole
    // file: on a handle of its own, the app's reads go on beside it (WAL) while it runs.
    const own = this.db.engine === 'sqlite' ? await openDatabase(this.db.location) : null
    try {
      const outcome = await importFile(
        own ?? this.db,
        principal,
        {
          id,
          kind: upload.kind,
          dryRun: upload.dryRun,
          source: { format: upload.format, input: Readable.from([upload.body]), size: upload.body.length },
        },
        this.now(),
        (progress) => this.live.set(id, progress),
      )
      await finishImportJob(
        this.db.kysely,
        id,
        {
          status: outcome.status,
          rows: outcome.rows,
          created: outcome.created,
          errorCount: outcome.problemCount,
          errors: outcome.problems,
          message: null,
        },
        this.now(),
      )
    } catch {
      // The cause (a database error) is not the importer's to read: the message says what happened.
      await finishImportJob(
        this.db.kysely,
        id,
        {
          status: 'error',
          rows: 0,
          created: 0,
          errorCount: 0,
          errors: [],
          message:
            'The import stopped on an unexpected error and changed nothing. Try again, or ask an administrator.',
        },
        this.now(),
      ).catch(() => undefined)
    } finally {
      await own?.close()
    }
  }
}
