import { describe, expect, it } from 'vitest'
import { fuzzyDate } from './fuzzy-date.ts'
import { membershipSpanProblems, spansOverlap } from './membership-overlap.ts'

const span = (from: string | null, to: string | null) => ({
  from: from === null ? null : fuzzyDate(from),
  to: to === null ? null : fuzzyDate(to),
})

describe('membership spans', () => {
  it('overlap when both may hold on one day, fuzzy dates counting every day they may mean', () => {
    expect(spansOverlap(span('2005', '2007'), span('2007-06', null))).toBe(true)
    expect(spansOverlap(span('2005', '2007'), span('2008', null))).toBe(false)
    expect(spansOverlap(span('199X', null), span('2001-01-01', '2002'))).toBe(true)
    expect(spansOverlap(span(null, '1999'), span('2000', null))).toBe(false)
    expect(spansOverlap(span(null, null), span('2000', '2001'))).toBe(true)
  })

  it('names an end before the start and an overlap, hiding the dates of a span the writer cannot see', () => {
    expect(membershipSpanProblems(span('2010', '2009'), []).map((p) => p.pointer)).toEqual(['#/to'])
    const seen = membershipSpanProblems(span('2010', null), [
      { id: 'a', ...span('2012', null), visible: true },
    ])
    expect(seen).toHaveLength(1)
    expect(seen[0]?.detail).toContain('2012 to now')
    const hidden = membershipSpanProblems(span('2010', null), [
      { id: 'a', ...span('2012', null), visible: false },
    ])
    expect(hidden[0]?.detail).not.toContain('2012')
    expect(
      membershipSpanProblems(span('2010', '2011'), [{ id: 'a', ...span('2012', null), visible: true }]),
    ).toEqual([])
  })
})
