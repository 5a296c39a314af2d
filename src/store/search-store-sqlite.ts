import { sql } from 'kysely'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { type SearchRequest, type SearchRow, searchVisibleTo } from './search-entry.ts'

/**
 * FTS5: every word as a quoted prefix term, all required. The words hold only letters and digits
 * (search-query.ts), so quoting them leaves no FTS syntax to interpret.
 */
export function ftsMatch(words: readonly string[]): string {
  return words.map((word) => `"${word}"*`).join(' ')
}

/** bm25 with the title weighted ten times the body, so a title match ranks above a body match. */
export async function searchSqlite(
  db: Db,
  principal: Principal,
  { words, type, limit, offset }: SearchRequest,
): Promise<{ rows: SearchRow[]; total: number }> {
  const where = sql`search_fts match ${ftsMatch(words)} and ${searchVisibleTo(principal, 'se')}
    ${type === null ? sql`` : sql`and se.type = ${type}`}`
  const from = sql`search_fts join search_entry as se on se.id = search_fts.rowid`
  const rows = await sql<SearchRow>`select se.type, se.record_id, se.parent_id, se.title, se.body,
      se.classification, se.releasable_to
    from ${from} where ${where}
    order by bm25(search_fts, 10.0, 1.0), se.id limit ${limit} offset ${offset}`.execute(db.kysely)
  const count = await sql<{ n: number }>`select count(*) as n from ${from} where ${where}`.execute(db.kysely)
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) }
}
