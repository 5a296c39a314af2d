import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { Migrator } from 'kysely'
import pg from 'pg'
import {
  dumpPostgresLogical,
  loadPostgresLogical,
  readLogicalHeader,
} from '../store/backup/postgres-logical.ts'
import {
  backupSqlite,
  isSqliteFile,
  restoreSqlite,
  sqliteTargetEmpty,
} from '../store/backup/sqlite-backup.ts'
import { isPostgresUrl, openDatabase } from '../store/connect.ts'
import type { Db } from '../store/database.ts'
import { migrateToLatest } from '../store/migrate.ts'
import { migrations } from '../store/migrations/index.ts'
import { hasTool, pgDump, pgRestore } from './pg-tools.ts'

export interface BackupOptions {
  /** Take PostgreSQL's logical backup even when pg_dump is installed (also LIAISON_BACKUP_LOGICAL=1). */
  readonly logical?: boolean | undefined
}

type Fail = (message: string) => Error

function wantsLogical(options: BackupOptions): boolean {
  return options.logical === true || process.env.LIAISON_BACKUP_LOGICAL === '1'
}

function startsWith(file: string, magic: string): boolean {
  const buffer = Buffer.alloc(magic.length)
  const fd = openSync(file, 'r')
  try {
    return readSync(fd, buffer, 0, magic.length, 0) === magic.length && buffer.toString('latin1') === magic
  } finally {
    closeSync(fd)
  }
}

/**
 * `liaison backup FILE`: a consistent copy of the live database. Written beside FILE first and
 * renamed into place, so a failed backup never leaves a half file under the name.
 */
export async function backup(
  location: string,
  file: string,
  options: BackupOptions,
  fail: Fail,
): Promise<string> {
  const partial = `${file}.partial`
  rmSync(partial, { force: true })
  try {
    let how: string
    if (!isPostgresUrl(location)) {
      if (!existsSync(location)) throw fail(`no SQLite database at ${resolve(location)}.`)
      const db = await openDatabase(location)
      try {
        if (db.sqlite === null) throw fail('not a SQLite database')
        await backupSqlite(db.sqlite, partial)
      } finally {
        await db.close()
      }
      how = 'SQLite online backup'
    } else if (!wantsLogical(options) && hasTool('pg_dump')) {
      await pgDump(location, partial)
      how = 'pg_dump, custom format'
    } else {
      const rows = await dumpPostgresLogical(location, partial)
      how = `logical backup, ${rows} rows in one snapshot`
    }
    renameSync(partial, file)
    return how
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

async function postgresTables(location: string): Promise<number> {
  const client = new pg.Client({ connectionString: location })
  await client.connect()
  try {
    const result = await client.query<{ n: string }>(
      `select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    )
    return Number(result.rows[0]?.n ?? 0)
  } finally {
    await client.end()
  }
}

/** Builds the schema exactly as it was when the backup was taken, refusing one from a newer Liaison. */
async function migrateTo(db: Db, names: readonly string[], fail: Fail): Promise<void> {
  const unknown = names.filter((name) => !(name in migrations))
  if (unknown.length > 0) {
    throw fail(
      `the backup was taken by a newer Liaison (migration ${unknown[0]} is unknown here); upgrade first.`,
    )
  }
  const last = names.at(-1)
  if (last === undefined) return
  const migrator = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } })
  const result = await migrator.migrateTo(last)
  if (result.error !== undefined) throw new Error(`Migration failed: ${String(result.error)}`)
}

/**
 * `liaison restore FILE`: into an EMPTY database only (a restore over live data would mix two
 * histories and break the audit chain), then migrated to this version of Liaison.
 */
export async function restore(location: string, file: string, fail: Fail): Promise<string> {
  if (!existsSync(file)) throw fail(`no backup file at ${resolve(file)}.`)
  if (!isPostgresUrl(location)) {
    if (!isSqliteFile(file)) {
      throw fail(
        `${file} is not a SQLite backup; a PostgreSQL backup restores only into a postgres:// database.`,
      )
    }
    if (!sqliteTargetEmpty(location)) {
      throw fail(
        `the database ${resolve(location)} is not empty; restore into a new file or an empty database.`,
      )
    }
    await restoreSqlite(file, location)
    await upgrade(location)
    return 'SQLite backup restored'
  }
  const header = startsWith(file, 'PGDMP') ? null : await readLogicalHeader(file)
  if (!startsWith(file, 'PGDMP') && header === null) {
    throw fail(`${file} is neither a pg_dump custom-format file nor a Liaison logical backup.`)
  }
  const tables = await postgresTables(location)
  if (tables > 0) {
    throw fail(`the target database is not empty (${tables} tables); restore into a newly created database.`)
  }
  if (header === null) {
    if (!hasTool('pg_restore'))
      throw fail('this backup was made by pg_dump; restoring it needs pg_restore on PATH.')
    await pgRestore(file, location)
    await upgrade(location)
    return 'pg_dump backup restored with pg_restore'
  }
  const db = await openDatabase(location)
  try {
    await migrateTo(db, header.migrations, fail)
  } finally {
    await db.close()
  }
  const rows = await loadPostgresLogical(location, file)
  await upgrade(location)
  return `logical backup restored, ${rows} rows`
}

async function upgrade(location: string): Promise<void> {
  const db = await openDatabase(location)
  try {
    await migrateToLatest(db)
  } finally {
    await db.close()
  }
}
