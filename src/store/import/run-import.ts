import type { Readable } from 'node:stream'
import type { z } from 'zod'
import { fieldOfPath, recordFromCells } from '../../domain/import/cells.ts'
import { type ImportProblem, ProblemLog } from '../../domain/import/import-problem.ts'
import type { ImportContext, ImportKind, RowAt } from './import-kind.ts'
import {
  type CsvHeader,
  csvRecords,
  type FileRecord,
  type ImportFormat,
  jsonRecords,
} from './read-records.ts'

/** Rows written per INSERT: well under both engines' bound parameters (SQLite 32,766; PostgreSQL 65,535). */
export const importBatchSize = 500

export interface ImportProgress {
  /** Bytes of the file read so far, and its size: the bar's measure, known before the rows are. */
  readonly processed: number
  readonly total: number
  readonly rows: number
}

export interface ImportSource {
  readonly format: ImportFormat
  readonly input: Readable
  /** The file's size in bytes. */
  readonly size: number
}

export interface ImportTally {
  readonly rows: number
  /** Records created (or, in a dry run, that would be). */
  readonly created: number
  readonly problems: readonly ImportProblem[]
  readonly problemCount: number
}

/**
 * Reads, checks and writes one file of one kind inside the caller's transaction. Rows are checked
 * as they stream in and written a batch at a time; after the first problem nothing more is written
 * but every row is still checked, so the report names every problem. The caller rolls back when
 * the tally has problems (or for a dry run): all or nothing.
 */
export async function importRows<Row>(
  context: ImportContext,
  kind: ImportKind<Row>,
  source: ImportSource,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportTally> {
  const log = new ProblemLog()
  const run = kind.start(context)
  const csv = source.format === 'csv'
  // A header without a required column would fail every row the same way: it is reported once.
  let headerBroken = false
  const records =
    source.format === 'csv'
      ? csvRecords(source.input, (header) => {
          const problems = headerProblems(kind, header)
          headerBroken = problems.length > 0
          log.add(problems)
        })
      : jsonRecords(source.input)
  let batch: RowAt<Row>[] = []
  let rows = 0
  let created = 0
  let bytes = 0

  const flush = async () => {
    if (batch.length === 0) return
    const problems = await run.check(batch)
    log.add(problems)
    if (log.empty) {
      created += await run.write(batch)
    }
    batch = []
    onProgress({ processed: bytes, total: source.size, rows })
  }

  for await (const record of records) {
    bytes = record.bytes
    if ('problem' in record) {
      log.add([record.problem])
      continue
    }
    rows += 1
    if (headerBroken) continue
    const parsed = kind.schema.safeParse(toFields(kind, record, csv))
    if (parsed.success) {
      batch.push({ row: record.row, value: parsed.data })
    } else {
      log.add(issueProblems(record.row, parsed.error, csv))
    }
    if (batch.length >= importBatchSize) {
      await flush()
    } else if (rows % importBatchSize === 0) {
      onProgress({ processed: bytes, total: source.size, rows })
    }
  }
  await flush()
  if (rows === 0 && log.empty) {
    log.add([{ row: 0, field: '', message: 'The file holds no records' }])
  }
  onProgress({ processed: source.size, total: source.size, rows })
  return { rows, created, problems: log.kept, problemCount: log.count }
}

function toFields<Row>(kind: ImportKind<Row>, record: FileRecord, csv: boolean): unknown {
  if (csv && 'cells' in record) {
    return recordFromCells(record.cells, kind.cells)
  }
  return 'item' in record ? record.item : undefined
}

/** Every issue of a row, one problem each, named by column (CSV) or path (JSON). */
function issueProblems(row: number, error: z.ZodError, csv: boolean): ImportProblem[] {
  return error.issues.map((issue) => ({
    row,
    field: fieldOfPath(issue.path, csv),
    message: issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : issue.message,
  }))
}

/** Missing required columns and unknown ones, once for the file rather than once per row. */
function headerProblems<Row>(kind: ImportKind<Row>, header: CsvHeader): ImportProblem[] {
  if (header.columns.length === 0) {
    return [{ row: 1, field: '', message: 'The file has no header row' }]
  }
  const known = new Set(kind.columns.map((column) => column.name))
  const present = new Set(header.columns)
  return [
    ...kind.columns
      .filter((column) => column.required && !present.has(column.name))
      .map((column) => ({ row: 1, field: column.name, message: `The ${column.name} column is missing` })),
    ...header.columns
      .filter((name) => !known.has(name))
      .map((name) => ({
        row: 1,
        field: name,
        message: `Unknown column; ${kind.name} files have ${kind.columns.map((c) => c.name).join(', ')}`,
      })),
  ]
}
