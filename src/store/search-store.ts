import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { markingFromColumns } from './marking-columns.ts'
import type { SearchRequest, SearchType } from './search-entry.ts'
import { searchPostgres } from './search-store-postgres.ts'
import { searchSqlite } from './search-store-sqlite.ts'

/**
 * One search over everything, behind one interface: each engine matches and ranks its own way
 * (search-store-sqlite.ts, search-store-postgres.ts) with the same visibility condition
 * (search-entry.ts) in the same statement.
 */

export interface SearchHit {
  readonly type: SearchType
  readonly id: string
  readonly parentId: string | null
  readonly title: string
  readonly body: string
  readonly marking: Marking
}

export interface SearchPage {
  readonly hits: readonly SearchHit[]
  /** Every hit the principal may read, over all pages. */
  readonly total: number
}

/** Ranked hits (title matches first) for the principal; no words → nothing. */
export async function searchIndex(db: Db, principal: Principal, request: SearchRequest): Promise<SearchPage> {
  if (request.words.length === 0) {
    return { hits: [], total: 0 }
  }
  const found =
    db.engine === 'postgres'
      ? await searchPostgres(db, principal, request)
      : await searchSqlite(db, principal, request)
  return {
    total: found.total,
    hits: found.rows.map((row) => ({
      type: row.type as SearchType,
      id: row.record_id,
      parentId: row.parent_id,
      title: row.title,
      body: row.body,
      marking: markingFromColumns(row),
    })),
  }
}
