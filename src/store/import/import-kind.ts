import type { z } from 'zod'
import type { CellSpec } from '../../domain/import/cells.ts'
import type { ImportProblem } from '../../domain/import/import-problem.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Executor } from '../executor.ts'

/** A row that passed its schema, with the row number it is reported under. */
export interface RowAt<Row> {
  readonly row: number
  readonly value: Row
}

/** What a run of one kind works with: the import's one transaction, who imports, and when. */
export interface ImportContext {
  readonly executor: Executor
  readonly principal: Principal
  readonly now: Date
}

/**
 * One run of a kind over one file. It keeps what it needs across batches (keys already in the
 * file, parents seen), so references to earlier rows resolve without reading them back.
 */
export interface ImportRun<Row> {
  /** Every problem of the batch that needs the file so far or the database: references, duplicates, clearance. */
  check(batch: readonly RowAt<Row>[]): Promise<ImportProblem[]>
  /** Writes the batch (already checked) with bulk inserts; answers how many records it created. */
  write(batch: readonly RowAt<Row>[]): Promise<number>
}

/**
 * One importable kind: its file format (the columns of a CSV file, the fields of each JSON item),
 * its row schema and its writer. Kinds are listed in `import-kinds.ts`; nothing else knows them.
 */
export interface ImportKind<Row> {
  /** The `kind` of a request and of `liaison import --kind`, e.g. "events". */
  readonly name: string
  /** What one row creates, for messages and the audit entry, e.g. "relationship event". */
  readonly noun: string
  /** CSV columns; `required` ones must be in the header. */
  readonly columns: readonly { readonly name: string; readonly required: boolean }[]
  /** How CSV cells become the fields the schema reads. */
  readonly cells: CellSpec
  readonly schema: z.ZodType<Row>
  start(context: ImportContext): ImportRun<Row>
}
