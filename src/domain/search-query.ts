/**
 * Turns what a person typed into plain search words. The query is treated as words, never as
 * full-text syntax: quotes, `*`, `NEAR(`, `OR`, `-`, `:` and control bytes are separators, so no
 * input can reach FTS5 or tsquery as an operator. Both engines index text normalised the same way.
 */

/** Longest query we read; the rest is ignored so a 10 kB paste costs nothing. */
export const maxQueryLength = 200
/** More words than this add cost without improving recall. */
export const maxQueryWords = 8

/** Lower case with accents removed (Séoul → seoul); CJK and other scripts are kept as they are. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Distinct words of the query, each only letters and digits, at most `maxQueryWords`. */
export function searchWords(query: string): string[] {
  const words = normaliseSearchText(query.slice(0, maxQueryLength))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
  return [...new Set(words)].slice(0, maxQueryWords)
}
