import { sql } from 'kysely'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { type SearchRequest, type SearchRow, searchVisibleTo } from './search-entry.ts'

/**
 * tsquery: every word a prefix lexeme, all required. Each word goes in as a quoted literal
 * (quote_literal), and holds only letters and digits (search-query.ts), so nothing is read as an
 * operator.
 */
function tsQuery(words: readonly string[]) {
  const terms = words.map((word) => sql`to_tsquery('simple', quote_literal(${word}) || ':*')`)
  return sql.join(terms, sql` && `)
}

/**
 * ts_rank over the stored document alone (title lexemes weigh A (1.0), body B (0.4)); ties by the
 * record's own title, never by a generated id, whose order depends on rows others cannot see.
 */
export async function searchPostgres(
  db: Db,
  principal: Principal,
  { words, type, limit, offset }: SearchRequest,
): Promise<{ rows: SearchRow[]; total: number }> {
  const query = tsQuery(words)
  const where = sql`se.document @@ (${query}) and ${searchVisibleTo(principal, 'se')}
    ${type === null ? sql`` : sql`and se.type = ${type}`}`
  const rows = await sql<SearchRow>`select se.type, se.record_id, se.parent_id, se.title, se.body,
      se.classification, se.releasable_to
    from search_entry as se where ${where}
    order by ts_rank(se.document, ${query}) desc, se.title, se.type, se.record_id
    limit ${limit} offset ${offset}`.execute(db.kysely)
  const count = await sql<{ n: string }>`select count(*) as n from search_entry as se where ${where}`.execute(
    db.kysely,
  )
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) }
}
