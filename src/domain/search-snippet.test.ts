import { describe, expect, test } from 'vitest'
import { searchWords } from './search-query.ts'
import { highlightWords, searchSnippet } from './search-snippet.ts'

function marked(text: string, ranges: readonly { start: number; end: number }[]): string[] {
  return ranges.map((range) => text.slice(range.start, range.end))
}

describe('highlightWords', () => {
  test('marks words a query word begins, accents folded, CJK kept', () => {
    const text = 'Talks in Séoul and 東京都, then Tokyo again; not Kyoto'
    expect(marked(text, highlightWords(text, searchWords('seoul tok 東京')))).toEqual([
      'Séoul',
      '東京都',
      'Tokyo',
    ])
  })

  test('a word in the middle of another is not marked', () => {
    expect(highlightWords('Kyoto', ['oto'])).toEqual([])
  })
})

describe('searchSnippet', () => {
  test('short text is kept whole', () => {
    const snippet = searchSnippet('Office in Tokyo', ['tokyo'])
    expect(snippet.text).toBe('Office in Tokyo')
    expect(marked(snippet.text, snippet.highlights)).toEqual(['Tokyo'])
  })

  test('long text is cut around the first match and the offsets follow the cut', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The Tokyo office opened. ${'More words here. '.repeat(20)}`
    const snippet = searchSnippet(text, ['tokyo'], 120)
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(122)
    expect(marked(snippet.text, snippet.highlights)).toEqual(['Tokyo'])
  })
})
