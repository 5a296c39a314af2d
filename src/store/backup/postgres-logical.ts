import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import pg from 'pg'
import { orderTables, type TableInfo } from './table-order.ts'

/**
 * The logical backup of a PostgreSQL database, for when `pg_dump` is not installed: every table's
 * rows, read in one REPEATABLE READ snapshot (so the copy is of one instant even while the app
 * writes), in dependency order, as JSON lines. Values travel as PostgreSQL's own text form (the
 * connection parses no type), so timestamps, json and numbers come back exactly as they were.
 *
 * The file: a header line, then per table a line `{"table", "columns", "rows"}` with the row count,
 * followed by that many lines, one JSON array of column texts each. The schema is not in it: the
 * restore builds it with the migrations the header names, as `liaison migrate` would.
 */

export const logicalFormat = 'liaison-postgres-logical'
const formatVersion = 1
/** Kysely's own bookkeeping: written by the migrations of the restore, never copied. */
const migrationTables = new Set(['kysely_migration', 'kysely_migration_lock'])
const insertBatch = 200

export interface LogicalHeader {
  readonly format: typeof logicalFormat
  readonly formatVersion: number
  readonly migrations: string[]
  readonly tables: string[]
}

/** A client that leaves every value as the text PostgreSQL sent. */
function textClient(url: string): pg.Client {
  return new pg.Client({
    connectionString: url,
    types: { getTypeParser: () => (value: string) => value },
  })
}

async function tableInfo(client: pg.Client): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )
  const references = await client.query<{
    child: string
    parent: string
    columns: string
    parent_columns: string
  }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            (select string_agg(a.attname, ',' order by k.n) from unnest(c.conkey) with ordinality k(att, n)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.att) as columns,
            (select string_agg(a.attname, ',' order by k.n) from unnest(c.confkey) with ordinality k(att, n)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.att) as parent_columns
       from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
      where c.contype = 'f' and ns.nspname = 'public'`,
  )
  const keys = await client.query<{ name: string; columns: string }>(
    `select c.conrelid::regclass::text as name,
            string_agg(a.attname, ',' order by k.n) as columns
       from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
       cross join unnest(c.conkey) with ordinality k(att, n)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.att
      where c.contype = 'p' and ns.nspname = 'public'
      group by c.conrelid`,
  )
  const columns = await client.query<{
    table_name: string
    column_name: string
    generated: string
    identity: string
  }>(
    `select table_name, column_name, is_generated as generated, coalesce(identity_generation, '') as identity
       from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  )
  return tables.rows
    .filter((table) => !migrationTables.has(table.name))
    .map((table) => ({
      name: table.name,
      columns: columns.rows
        .filter((column) => column.table_name === table.name && column.generated !== 'ALWAYS')
        .map((column) => column.column_name),
      identityColumns: columns.rows
        .filter((column) => column.table_name === table.name && column.identity !== '')
        .map((column) => column.column_name),
      primaryKey: keys.rows.find((key) => key.name === table.name)?.columns.split(',') ?? [],
      references: references.rows
        .filter((reference) => reference.child === table.name)
        .map((reference) => ({
          parent: reference.parent,
          columns: reference.columns.split(','),
          parentColumns: reference.parent_columns.split(','),
        })),
    }))
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

async function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain')
}

/** Writes the logical backup of the database at `url` to `file`; answers the row count. */
export async function dumpPostgresLogical(url: string, file: string): Promise<number> {
  const client = textClient(url)
  await client.connect()
  const out = createWriteStream(file)
  let total = 0
  try {
    // One snapshot for every table: rows committed after it began are in no table, so the copy
    // never holds a child without its parent or an audit entry without its write.
    await client.query('begin isolation level repeatable read read only')
    const migrations = await client.query<{ name: string }>('select name from kysely_migration order by name')
    const tables = orderTables(await tableInfo(client))
    const header: LogicalHeader = {
      format: logicalFormat,
      formatVersion,
      migrations: migrations.rows.map((row) => row.name),
      tables: tables.map((table) => table.name),
    }
    await write(out, JSON.stringify(header))
    for (const table of tables) {
      const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns
      const result = await client.query({
        text: `select ${table.columns.map(quote).join(', ')} from ${quote(table.name)} order by ${order.map(quote).join(', ')}`,
        rowMode: 'array',
      })
      const rows = table.selfReferences.length > 0 ? parentsFirst(table, result.rows) : result.rows
      await write(out, JSON.stringify({ table: table.name, columns: table.columns, rows: rows.length }))
      for (const row of rows) await write(out, JSON.stringify(row))
      total += rows.length
    }
    await client.query('commit')
  } finally {
    await client.end()
    out.end()
    await once(out, 'close')
  }
  return total
}

/** Rows of a table that refers to itself, each after the row it refers to, so foreign keys hold on insert. */
function parentsFirst(table: ReturnType<typeof orderTables>[number], rows: unknown[][]): unknown[][] {
  const index = (name: string) => table.columns.indexOf(name)
  const keyOf = (row: unknown[], columns: readonly string[]) =>
    JSON.stringify(columns.map((c) => row[index(c)]))
  const placed = new Set<string>()
  const ordered: unknown[][] = []
  let waiting = rows
  while (waiting.length > 0) {
    const next: unknown[][] = []
    for (const row of waiting) {
      const ready = table.selfReferences.every(
        (reference) =>
          reference.columns.some((column) => row[index(column)] === null) ||
          placed.has(`${reference.parentColumns.join(',')}=${keyOf(row, reference.columns)}`) ||
          keyOf(row, reference.columns) === keyOf(row, reference.parentColumns),
      )
      if (!ready) {
        next.push(row)
        continue
      }
      ordered.push(row)
      for (const reference of table.selfReferences) {
        placed.add(`${reference.parentColumns.join(',')}=${keyOf(row, reference.parentColumns)}`)
      }
    }
    if (next.length === waiting.length) {
      throw new Error(`the rows of ${table.name} refer to each other in a cycle; use pg_dump instead`)
    }
    waiting = next
  }
  return ordered
}

export interface LogicalRestoreHooks {
  /** Builds the schema the backup was taken with (the migrations named in its header). */
  readonly migrate: (migrations: readonly string[]) => Promise<void>
}

async function* lines(file: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })
  for await (const line of reader) {
    if (line !== '') yield line
  }
}

/** Reads the header line, or null when the file is not a logical backup. */
export async function readLogicalHeader(file: string): Promise<LogicalHeader | null> {
  for await (const line of lines(file)) {
    try {
      const header = JSON.parse(line) as Partial<LogicalHeader>
      return header.format === logicalFormat ? (header as LogicalHeader) : null
    } catch {
      return null
    }
  }
  return null
}

/**
 * Restores a logical backup into the (empty, already migrated to the backup's migrations) database
 * at `url`, in one transaction: the rows the migrations themselves inserted are cleared, every
 * table is loaded with its triggers off (the derived rows they would add are in the backup too),
 * and the identity sequences are moved past the restored ids.
 */
export async function loadPostgresLogical(url: string, file: string): Promise<number> {
  const client = textClient(url)
  await client.connect()
  let total = 0
  try {
    await client.query('begin')
    const tables = orderTables(await tableInfo(client))
    const known = new Map(tables.map((table) => [table.name, table]))
    await client.query(`truncate ${tables.map((t) => quote(t.name)).join(', ')} restart identity`)
    for (const table of tables) await client.query(`alter table ${quote(table.name)} disable trigger user`)
    const input = lines(file)
    await input.next()
    let current: { name: string; columns: string[]; left: number } | null = null
    let batch: unknown[][] = []
    const flush = async () => {
      if (current === null || batch.length === 0) return
      const table = known.get(current.name)
      const identity = (table?.identityColumns.length ?? 0) > 0 ? ' overriding system value' : ''
      const width = current.columns.length
      const values = batch
        .map((_row, r) => `(${current?.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`)
        .join(', ')
      await client.query(
        `insert into ${quote(current.name)} (${current.columns.map(quote).join(', ')})${identity} values ${values}`,
        batch.flat(),
      )
      total += batch.length
      batch = []
    }
    for await (const line of input) {
      if (current === null || current.left === 0) {
        await flush()
        const section = JSON.parse(line) as { table: string; columns: string[]; rows: number }
        if (!known.has(section.table)) {
          throw new Error(`the backup holds a table ${section.table} that this schema lacks`)
        }
        current = { name: section.table, columns: section.columns, left: section.rows }
        continue
      }
      batch.push(JSON.parse(line) as unknown[])
      current.left -= 1
      if (batch.length >= insertBatch) await flush()
    }
    await flush()
    if (current !== null && current.left > 0) {
      throw new Error(`the backup ends inside table ${current.name}: the file is cut short`)
    }
    for (const table of tables) {
      await client.query(`alter table ${quote(table.name)} enable trigger user`)
      for (const column of table.identityColumns) {
        await client.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(column)}) from ${quote(table.name)}), 0) + 1, false)`,
          [table.name, column],
        )
      }
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    await client.end()
  }
  return total
}
