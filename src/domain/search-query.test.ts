import { describe, expect, it } from 'vitest'
import { maxQueryWords, normaliseSearchText, searchWords } from './search-query.ts'

describe('search query words', () => {
  it('removes accents and case but keeps CJK', () => {
    expect(normaliseSearchText('Séoul TOKYO 東京')).toBe('seoul tokyo 東京')
  })

  it('treats FTS syntax as separators', () => {
    expect(searchWords('"tokyo" * NEAR(seoul, 2) -x a:b')).toEqual([
      'tokyo',
      'near',
      'seoul',
      '2',
      'x',
      'a',
      'b',
    ])
  })

  it('drops NUL bytes and empty input', () => {
    expect(searchWords('\u0000\u0000')).toEqual([])
    expect(searchWords('to\u0000kyo')).toEqual(['to', 'kyo'])
  })

  it('bounds long input', () => {
    const words = searchWords('word '.repeat(2000) + Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))
    expect(words.length).toBeLessThanOrEqual(maxQueryWords)
    expect(searchWords(`a${'b'.repeat(10_000)}`)[0]?.length).toBe(200)
  })
})
