import { sql } from 'kysely'
import type { Db } from '../../src/store/database.ts'

/**
 * A cheap fingerprint of the whole database: every table's row count, and its highest version
 * where it has one. A rejected request must leave it unchanged. Sessions are left out: signing
 * in is the one write a request may make without changing the data (and the tests sign in).
 */
export async function databaseFingerprint(db: Db): Promise<string> {
  const tables = await db.kysely.introspection.getTables()
  const parts: string[] = []
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (table.name === 'user_session' || table.name.startsWith('kysely_')) {
      continue
    }
    const hasVersion = table.columns.some((column) => column.name === 'version')
    const row = await sql<{ rows: number | string; top: number | string | null }>`
      select count(*) as rows, ${hasVersion ? sql`max(version)` : sql`null`} as top
      from ${sql.table(table.name)}`.execute(db.kysely)
    const first = row.rows[0]
    parts.push(`${table.name}:${String(first?.rows)}:${String(first?.top)}`)
  }
  return parts.join(' ')
}
