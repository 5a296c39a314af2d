import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import SQLite from 'better-sqlite3'

const sqliteHeader = 'SQLite format 3\u0000'

/** Whether the file starts like a SQLite database. */
export function isSqliteFile(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < sqliteHeader.length) return false
  const buffer = Buffer.alloc(sqliteHeader.length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buffer, 0, buffer.length, 0)
  } finally {
    closeSync(fd)
  }
  return buffer.toString('latin1') === sqliteHeader
}

/**
 * Copies the live database into `file` with SQLite's online backup API: pages are copied in steps
 * while the app keeps writing, and a write made meanwhile restarts or updates the copy, so the
 * result is the database as of one commit, never a torn file (a plain file copy of a WAL database
 * can be).
 */
export async function backupSqlite(sqlite: SQLite.Database, file: string): Promise<void> {
  // Every page in one step: one read transaction, so the copy is of one commit and is not
  // restarted by each write another connection makes meanwhile (in WAL mode it blocks no writer).
  await sqlite.backup(resolve(file), { progress: () => 0x7fffffff })
}

/** True when `file` is missing, zero bytes, or a database without a single table. */
export function sqliteTargetEmpty(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return true
  const target = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const row = target.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as {
      n: number
    }
    return row.n === 0
  } finally {
    target.close()
  }
}

/** Writes the backup `file` over the (empty) database at `target`, through the same backup API. */
export async function restoreSqlite(file: string, target: string): Promise<void> {
  const source = new SQLite(resolve(file), { readonly: true, fileMustExist: true })
  try {
    await source.backup(resolve(target))
  } finally {
    source.close()
  }
}
