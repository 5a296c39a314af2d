import pg from 'pg'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { migrateToLatest } from '../src/store/migrate.ts'

/**
 * BENCH_POSTGRES=postgres://… : the generated SQLite benchmark database copied into a throw-away
 * PostgreSQL database, so the same data is measured on both engines. The generators write through
 * better-sqlite3 for speed; copying keeps them one implementation. Tables the migrations' triggers
 * keep (marking, marking_release, join tables) and generated columns are not copied but rebuilt by
 * PostgreSQL itself, which also exercises those triggers at scale.
 */
export const benchPostgres = process.env.BENCH_POSTGRES

const derived = new Set([
  'marking',
  'marking_release',
  'engagement_priority_area',
  'engagement_statement_issuer',
])

export async function copyToPostgres(
  source: Db,
  admin: string,
): Promise<{ db: Db; url: string; remove: () => Promise<void> }> {
  const sqlite = source.sqlite
  if (sqlite === null) {
    throw new Error('copyToPostgres copies from SQLite')
  }
  const name = `liaison_bench_${process.pid}_${Date.now()}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString()
  const db = await openDatabase(url)
  const remove = async () => {
    await db.close()
    const dropper = new pg.Client({ connectionString: admin })
    await dropper.connect()
    await dropper.query(`drop database if exists ${name} with (force)`)
    await dropper.end()
  }
  try {
    await migrateToLatest(db)
    // Creation order is an order the foreign keys accept.
    const tables = sqlite
      .prepare<[], { name: string }>(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite%'
          and name not like 'kysely%' order by rowid`,
      )
      .all()
      .map((row) => row.name)
      .filter((table) => !derived.has(table))
    const pool = new pg.Client({ connectionString: url })
    await pool.connect()
    try {
      // SQLite-only tables (the FTS5 index and its shadow tables) have no PostgreSQL twin.
      const existing = new Set(
        (
          await pool.query<{ table_name: string }>(
            `select table_name from information_schema.tables where table_schema = 'public'`,
          )
        ).rows.map((row) => row.table_name),
      )
      for (const table of tables.filter((name) => existing.has(name))) {
        const columns = sqlite
          .prepare<[], { name: string; hidden: number }>(
            `select name, hidden from pragma_table_xinfo('${table}')`,
          )
          .all()
          .filter((column) => column.hidden === 0)
          .map((column) => column.name)
        // Demo data loaded by migration or seed before the copy is replaced by the source's.
        await pool.query(`delete from ${table}`)
        const rows = sqlite
          .prepare(`select ${columns.join(', ')} from ${table}`)
          .raw()
          .all() as unknown[][]
        const batch = Math.max(1, Math.floor(30_000 / columns.length))
        for (let start = 0; start < rows.length; start += batch) {
          const chunk = rows.slice(start, start + batch)
          const values = chunk
            .map((_row, r) => `(${columns.map((_column, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
            .join(', ')
          // Identity columns (search_entry.id) keep the source's ids.
          await pool.query(
            `insert into ${table} (${columns.join(', ')}) overriding system value values ${values}`,
            chunk.flat(),
          )
        }
      }
      // As autovacuum would leave a settled database: statistics, and a visibility map for index-only scans.
      await pool.query('vacuum analyze')
    } finally {
      await pool.end()
    }
    return { db, url, remove }
  } catch (error) {
    await remove()
    throw error
  }
}
