import { describe, expect, it } from 'vitest'
import {
  compareFuzzyDates,
  earliestDay,
  formatFuzzyDate,
  fromStored,
  fuzzyDate,
  latestDay,
  parseFuzzyDate,
} from './fuzzy-date.ts'

describe('parseFuzzyDate', () => {
  it.each([
    ['199X', 'decade'],
    ['2005', 'year'],
    ['2012-09', 'month'],
    ['2014-05-06', 'day'],
  ])('reads %s as a %s', (value, precision) => {
    expect(parseFuzzyDate(value)).toEqual({ value, precision })
  })

  it.each(['1990s', '19', '2012-13', '2023-02-29', '2014-5-6', ''])('rejects %s', (value) => {
    expect(parseFuzzyDate(value)).toBeNull()
  })

  it('accepts a leap day', () => {
    expect(parseFuzzyDate('2024-02-29')?.precision).toBe('day')
  })
})

describe('a decade stays a decade', () => {
  const nineties = fuzzyDate('199X')

  it('is shown as the 1990s, never as 1 January 1990', () => {
    expect(formatFuzzyDate(nineties)).toBe('the 1990s')
  })

  it('spans the whole decade', () => {
    expect(earliestDay(nineties)).toBe('1990-01-01')
    expect(latestDay(nineties)).toBe('1999-12-31')
  })

  it('comes back as a decade from its stored form', () => {
    expect(fromStored(earliestDay(nineties), 'decade')).toEqual(nineties)
  })
})

describe('formatFuzzyDate', () => {
  it('names months and days in words', () => {
    expect(formatFuzzyDate(fuzzyDate('2012-09'))).toBe('September 2012')
    expect(formatFuzzyDate(fuzzyDate('2014-05-06'))).toBe('6 May 2014')
    expect(formatFuzzyDate(fuzzyDate('2005'))).toBe('2005')
  })
})

describe('latestDay', () => {
  it('knows the length of each month', () => {
    expect(latestDay(fuzzyDate('2024-02'))).toBe('2024-02-29')
    expect(latestDay(fuzzyDate('2023-02'))).toBe('2023-02-28')
    expect(latestDay(fuzzyDate('2023-11'))).toBe('2023-11-30')
  })
})

describe('compareFuzzyDates', () => {
  it('orders by start, coarser first when they start together', () => {
    const sorted = ['2014-05-06', '2014', '199X', '2014-05'].map(fuzzyDate).sort(compareFuzzyDates)
    expect(sorted.map((d) => d.value)).toEqual(['199X', '2014', '2014-05', '2014-05-06'])
  })
})
