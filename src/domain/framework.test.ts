import { describe, expect, it } from 'vitest'
import { isMemberOn } from './framework.ts'
import { fuzzyDate } from './fuzzy-date.ts'

describe('isMemberOn', () => {
  const poland = { from: fuzzyDate('1994'), to: fuzzyDate('1999-03-12') }

  it('holds inside the span', () => {
    expect(isMemberOn(poland, '1998-01-01')).toBe(true)
  })

  it('ends after the last day', () => {
    expect(isMemberOn(poland, '1999-03-12')).toBe(true)
    expect(isMemberOn(poland, '1999-03-13')).toBe(false)
  })

  it('starts at the earliest day of a fuzzy start', () => {
    expect(isMemberOn(poland, '1993-12-31')).toBe(false)
    expect(isMemberOn(poland, '1994-01-01')).toBe(true)
  })

  it('holds from the beginning when the start is unknown, and forever when open', () => {
    expect(isMemberOn({ from: null, to: null }, '1900-01-01')).toBe(true)
  })
})
