import { describe, expect, it } from 'vitest'
import { type CountedEngagement, firstYearAtOrAbove, levelWeights, referenceYearSeries } from './analytics.ts'
import { engagementLevels } from './engagement.ts'

function counted(day: string, level: CountedEngagement['level'], nearSummit = false): CountedEngagement {
  return { id: day, title: day, day, level, format: 'group', nearSummit }
}

describe('engagement analytics reference', () => {
  it('weights higher levels more', () => {
    const weights = engagementLevels.map((level) => levelWeights[level])
    expect([...weights].sort((a, b) => b - a)).toEqual(weights)
  })

  it('counts a year by level, intensity, regularity, gaps and months', () => {
    const series = referenceYearSeries([
      counted('2021-03-01', 'ambassadors'),
      counted('2022-04-07', 'ministers'),
      counted('2022-06-29', 'heads-of-state-government', true),
      counted('2022-06-29', 'heads-of-state-government', true),
    ])
    expect(series.map((year) => year.year)).toEqual([2021, 2022])
    const [y2021, y2022] = series
    expect(y2021).toMatchObject({ total: 1, intensity: 3, longestGapDays: null, activeMonths: 1 })
    expect(y2022).toMatchObject({
      total: 3,
      intensity: 25,
      outsideSummitWindow: 1,
      shareOutsideSummitWindow: 0.3333,
      longestGapDays: 402,
      activeMonths: 2,
    })
    expect(y2022?.byLevel['heads-of-state-government']).toBe(2)
  })

  it('finds the first year at leaders level', () => {
    const series = referenceYearSeries([
      counted('2020-12-02', 'ministers'),
      counted('2022-06-29', 'heads-of-state-government'),
    ])
    expect(firstYearAtOrAbove(series, 'heads-of-state-government')).toBe(2022)
    expect(firstYearAtOrAbove(series, 'ministers')).toBe(2020)
  })
})
