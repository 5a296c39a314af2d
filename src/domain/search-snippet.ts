import { normaliseSearchText } from './search-query.ts'

/** A highlighted range of a text, as UTF-16 offsets [start, end) into that text. */
export interface Highlight {
  readonly start: number
  readonly end: number
}

/** Plain text and the ranges to mark: the web app renders it as text, never as HTML. */
export interface Snippet {
  readonly text: string
  readonly highlights: readonly Highlight[]
}

/** The words of a text that a query word begins, the way both engines match (prefix, accents folded). */
export function highlightWords(text: string, words: readonly string[]): Highlight[] {
  const highlights: Highlight[] = []
  for (const token of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = normaliseSearchText(token[0])
    if (words.some((word) => folded.startsWith(word))) {
      highlights.push({ start: token.index, end: token.index + token[0].length })
    }
  }
  return highlights
}

/** How much of the text before the first match a snippet keeps, for context. */
const lead = 40

/**
 * At most `width` characters of `text` around its first match, with "…" where it was cut, and the
 * matches inside it. Cuts fall on spaces where there is one near, so words are not split.
 */
export function searchSnippet(text: string, words: readonly string[], width = 180): Snippet {
  const all = highlightWords(text, words)
  if (text.length <= width) {
    return { text, highlights: all }
  }
  const first = all[0]?.start ?? 0
  let start = Math.max(0, first - lead)
  const space = text.lastIndexOf(' ', start)
  if (start > 0 && space >= 0 && start - space < 20) {
    start = space + 1
  }
  let end = Math.min(text.length, start + width)
  const lastSpace = text.lastIndexOf(' ', end)
  if (end < text.length && lastSpace > start + width / 2) {
    end = lastSpace
  }
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    highlights: all
      .filter((range) => range.start >= start && range.end <= end)
      .map((range) => ({ start: range.start + shift, end: range.end + shift })),
  }
}
