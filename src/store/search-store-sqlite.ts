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

/**
 * Ranked by what each entry holds alone: a title that matches every word first, then shorter
 * titles, then by title. Not bm25: its term statistics span the whole index, hidden rows
 * included, so rows a principal may not read would reorder the ones it may.
 */
export async function searchSqlite(
  db: Db,
  principal: Principal,
  { words, type, limit, offset }: SearchRequest,
): Promise<{ rows: SearchRow[]; total: number }> {
  const where = sql`search_fts match ${ftsMatch(words)} and ${searchVisibleTo(principal, 'se')}
    ${type === null ? sql`` : sql`and se.type = ${type}`}`
  const titleMatch = `title : (${ftsMatch(words)})`
  const from = sql`search_fts join search_entry as se on se.id = search_fts.rowid`
  const rows = await sql<SearchRow>`select se.type, se.record_id, se.parent_id, se.title, se.body,
      se.classification, se.releasable_to
    from ${from} where ${where}
    order by (case when se.id in (select rowid from search_fts where search_fts match ${titleMatch})
      then 0 else 1 end), length(se.title), se.title, se.type, se.record_id
    limit ${limit} offset ${offset}`.execute(db.kysely)
  const count = await sql<{ n: number }>`select count(*) as n from ${from} where ${where}`.execute(db.kysely)
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) }
}
