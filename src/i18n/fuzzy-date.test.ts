import { describe, expect, it } from 'vitest'
import { translatorFor } from '../server/i18n.ts'
import { fuzzyDateText, periodText } from './fuzzy-date.ts'

const en = translatorFor('en').t
const fr = translatorFor('fr').t

describe('fuzzy dates in both languages', () => {
  it('keeps each precision', () => {
    expect(fuzzyDateText(en, { value: '1990', precision: 'decade' })).toBe('the 1990s')
    expect(fuzzyDateText(fr, { value: '1990', precision: 'decade' })).toBe('les années 1990')
    expect(fuzzyDateText(fr, { value: '2005', precision: 'year' })).toBe('2005')
    expect(fuzzyDateText(en, { value: '2012-09', precision: 'month' })).toBe('September 2012')
    expect(fuzzyDateText(fr, { value: '2012-09', precision: 'month' })).toBe('septembre 2012')
    expect(fuzzyDateText(en, { value: '2014-05-06', precision: 'day' })).toBe('6 May 2014')
    expect(fuzzyDateText(fr, { value: '2014-05-06', precision: 'day' })).toBe('6 mai 2014')
  })

  it('writes whole-year periods with a dash and others with both ends', () => {
    expect(periodText(fr, { value: '2023', precision: 'year' }, { value: '2026', precision: 'year' })).toBe(
      '2023–2026',
    )
    expect(
      periodText(fr, { value: '2023-01', precision: 'month' }, { value: '2026', precision: 'year' }),
    ).toBe('janvier 2023 – 2026')
  })
})
