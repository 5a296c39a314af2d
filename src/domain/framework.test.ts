import { describe, expect, it } from 'vitest'
import { isMemberOn, statusOn } from './framework.ts'
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

describe('a membership’s status on a chosen day', () => {
  const albania = { from: fuzzyDate('1994'), to: fuzzyDate('2009-04-01'), status: 'former' }
  const russia = { from: fuzzyDate('1994-06-22'), to: null, status: 'suspended' }

  it('shows a former member as active on a day its membership covered', () => {
    expect(statusOn(albania, '1996-01-01', '2026-11-27')).toBe('active')
    expect(statusOn(albania, '2010-01-01', '2026-11-27')).toBe('former')
  })

  it('shows a suspension only from today, the records giving it no date', () => {
    expect(statusOn(russia, '1996-01-01', '2026-11-27')).toBe('active')
    expect(statusOn(russia, '2026-11-27', '2026-11-27')).toBe('suspended')
  })
})
