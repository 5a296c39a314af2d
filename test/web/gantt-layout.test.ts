import { describe, expect, it } from 'vitest'
import { ganttLayout } from '../../web/src/features/programmes/gantt-layout.ts'
import { legendEntries } from '../../web/src/lib/chart-legend.ts'

const programme = {
  startsOn: '2023-03-01',
  endsOn: '2026-12-31',
  today: '2026-11-27',
  goals: [{ id: 'g1', milestones: [{ due: '2024-06-30' }, { due: '2027-02-15' }] }],
}

describe('the programme timeline’s axis', () => {
  it('spans whole years from the period’s start to the latest milestone, so no diamond falls off', () => {
    const layout = ganttLayout(programme, 900)
    expect(layout.at('2023-01-01')).toBe(0)
    expect(layout.at('2028-01-01')).toBeCloseTo(100, 6)
    for (const day of ['2023-03-01', '2024-06-30', '2027-02-15', '2026-11-27']) {
      expect(layout.at(day)).toBeGreaterThan(0)
      expect(layout.at(day)).toBeLessThan(100)
    }
    expect(layout.today).toBe(layout.at('2026-11-27'))
    expect(layout.period.at).toBe(layout.at('2023-03-01'))
    expect(layout.period.at + layout.period.width).toBeCloseTo(layout.at('2026-12-31'), 6)
  })

  it('labels every year on a wide track and fewer on a phone, never one at the right edge', () => {
    expect(ganttLayout(programme, 900).ticks.map((tick) => tick.year)).toEqual([2023, 2024, 2025, 2026, 2027])
    const phone = ganttLayout(programme, 290).ticks
    expect(phone.map((tick) => tick.year)).toEqual([2024, 2026])
    for (const tick of phone) expect(tick.at).toBeLessThan(100)
  })
})

describe('a chart’s HTML legend', () => {
  it('lists named series in order with the colour ECharts resolved, lines apart from bars', () => {
    const colours = ['#111111', '#222222', { type: 'linear' }]
    const entries = legendEntries(
      {
        series: [{ name: 'Joined', type: 'bar' }, { type: 'bar' }, { name: 'Total', type: 'line' }],
      },
      (index) => colours[index],
    )
    expect(entries).toEqual([
      { name: 'Joined', colour: '#111111', kind: 'bar' },
      { name: 'Total', colour: '#6b7280', kind: 'line' },
    ])
    expect(legendEntries({}, () => '#000')).toEqual([])
    expect(legendEntries({ series: { name: 'One', type: 'line' } }, () => '#333')).toEqual([
      { name: 'One', colour: '#333', kind: 'line' },
    ])
  })
})
