import type { ReactNode } from 'react'

interface Range {
  readonly start: number
  readonly end: number
}

/**
 * Text with the server's highlight ranges in <mark>. The text is rendered as text, never as HTML,
 * so nothing a record holds can become markup.
 */
export function Highlighted({ text, highlights }: { text: string; highlights: readonly Range[] }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const range of [...highlights].sort((a, b) => a.start - b.start)) {
    if (range.start < at || range.end > text.length) {
      continue
    }
    parts.push(text.slice(at, range.start))
    parts.push(<mark key={range.start}>{text.slice(range.start, range.end)}</mark>)
    at = range.end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
