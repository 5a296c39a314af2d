import { type RawBuilder, type SqlBool, sql } from 'kysely'

/**
 * Short lists kept in one text column as "|a|b|" ("" is the empty list), for reading back whole.
 * The lists that reads filter on are also rows of a join table (migration 2026-12-02T0400-markings,
 * kept by triggers from the column), so a filter is an indexed lookup: see `hasListItem`.
 */

/** A set of codes or ids: unique and sorted, so equal sets are stored equal (releasability, issuers). */
export function encodeSet(items: readonly string[]): string {
  return encodeOrderedList([...new Set(items)].sort())
}

/** A list whose order means something to people (e.g. priority areas as entered). */
export function encodeOrderedList(items: readonly string[]): string {
  return items.length === 0 ? '' : `|${items.join('|')}|`
}

export function decodeList(stored: string): string[] {
  return stored.split('|').filter((item) => item.length > 0)
}

/** The filtered list columns and the join table that holds each as rows. */
const listTables = {
  'engagement.priority_areas': {
    table: 'engagement_priority_area',
    owner: 'engagement_id',
    item: 'priority_area_id',
  },
  'engagement_statement.issuers': {
    table: 'engagement_statement_issuer',
    owner: 'statement_id',
    item: 'issuer',
  },
} as const

/**
 * True where the list `list` of the row `alias` (whose key is `id`) holds `item`, e.g.
 * `hasListItem('engagement.priority_areas', 'e', area)`. Written as `id in (…)` so the engine reads
 * the join table's (item, owner) key once instead of probing per row.
 */
export function hasListItem(list: keyof typeof listTables, alias: string, item: string): RawBuilder<SqlBool> {
  const { table, owner, item: itemColumn } = listTables[list]
  return sql<SqlBool>`${sql.ref(`${alias}.id`)} in (select ${sql.ref(owner)} from ${sql.table(table)} where ${sql.ref(itemColumn)} = ${item})`
}
