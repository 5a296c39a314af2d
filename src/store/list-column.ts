/**
 * Short lists kept in one text column as "|a|b|", so that a single LIKE '%|a|%' (built in SQL by
 * visibility.ts `listContains`) finds an item on both engines. "" is the empty list.
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
