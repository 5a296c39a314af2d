import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database, Db } from './database.ts'
import { namedStatementPool } from './postgres-named-statements.ts'
import { withStatementCache } from './statement-cache.ts'

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location)
}

/** Hides the password in a connection URL so that it can be shown in messages. */
export function redactLocation(location: string): string {
  return location.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@')
}

/** Thrown when the database cannot be reached or opened; carries a message a person can act on. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}

/**
 * Opens the database at `location`: a `postgres://` URL, or else a SQLite file path (created,
 * with its folder, if missing). The connection is checked before returning.
 */
export async function openDatabase(location: string): Promise<Db> {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location)
}

function openSqlite(file: string): Db {
  const path = resolve(file)
  let sqlite: SQLite.Database
  try {
    mkdirSync(dirname(path), { recursive: true })
    sqlite = new SQLite(path)
    // WAL lets readers run beside the one writer; NORMAL sync is safe with WAL (a crash may lose
    // the last commits not yet checkpointed only on power loss, never corrupt the file).
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // Sorts, GROUP BYs and materialised subqueries (json_group_array … order by, CTEs) use temporary
    // tables; in memory they cost microseconds, in temp files each statement paid ~1 ms of file I/O.
    sqlite.pragma('temp_store = MEMORY')
    // A 64 MiB page cache (the default is 2 MiB), allocated only as pages are read. With the default,
    // a list filtered by partner evicted the pages its own per-row lookups needed next and read them
    // back from the OS, four times slower (bench/engagements.bench.ts).
    sqlite.pragma('cache_size = -65536')
  } catch (error) {
    throw new DatabaseUnavailableError(`Cannot open SQLite database ${path}: ${(error as Error).message}`)
  }
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  return {
    kysely,
    engine: 'sqlite',
    location: path,
    sqlite,
    pgPool: null,
    close: () => kysely.destroy(),
  }
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 })
  // An idle connection the server ends (restart, failover, pg_terminate_backend) is dropped from
  // the pool and replaced on the next query; without a listener it would crash the process.
  pool.on('error', () => undefined)
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw new DatabaseUnavailableError(
      `Cannot connect to PostgreSQL at ${redactLocation(url)}: ${(error as Error).message || 'connection refused'}`,
    )
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) })
  return {
    kysely,
    engine: 'postgres',
    location: redactLocation(url),
    sqlite: null,
    pgPool: pool,
    close: () => kysely.destroy(),
  }
}
