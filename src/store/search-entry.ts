import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { type Principal, publicPrincipal } from '../domain/principal.ts'
import { visibleTo } from './visibility.ts'

export { type SearchType, searchTypes } from '../domain/search-types.ts'

import type { SearchType } from '../domain/search-types.ts'

export interface SearchRequest {
  /** Plain words from domain/search-query.ts `searchWords`: letters and digits only, folded. */
  readonly words: readonly string[]
  readonly type: SearchType | null
  readonly limit: number
  readonly offset: number
}

/** A row of `search_entry` as the engine implementations select it. */
export interface SearchRow {
  readonly type: string
  readonly record_id: string
  readonly parent_id: string | null
  readonly title: string
  readonly body: string
  readonly classification: number
  readonly releasable_to: string
}

/**
 * The entries the principal may read, as a condition on the `search_entry` alias: the marking rule
 * for every record, and for programmes and their parts the programme rule as well (a partner reads
 * another partner's programme only where it is PUBLIC; programme-scope.ts), using the programme's
 * partner kept in `owner_code`. Both engines put it in the same statement as the match.
 */
export function searchVisibleTo(principal: Principal, alias: string): RawBuilder<SqlBool> {
  if (principal.kind !== 'partner') {
    return visibleTo(principal, alias)
  }
  const owner = sql.ref(`${alias}.owner_code`)
  return sql<SqlBool>`(${visibleTo(principal, alias)} and (${owner} is null or ${owner} = ${principal.country ?? ''} or ${visibleTo(publicPrincipal, alias)}))`
}
