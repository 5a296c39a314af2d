import { describe, expect, it } from 'vitest'
import { participantHours } from './hour-grid.ts'
import { defaultScoring } from './scoring.ts'
import { rangeMinutes } from './slot-search.ts'
import { defaultWorkingHours, type Participant } from './working-hours.ts'

const participant = (zone: string, daysOff: string[] = []): Participant => ({
  label: zone,
  zone,
  workingHours: defaultWorkingHours,
  daysOff,
})

/** One letter a cell: W working, o outside hours, N night, d day off. */
const letters = { working: 'W', outside: 'o', night: 'N', dayOff: 'd' } as const

function dayOn(zone: string, date: string, people: Participant[]) {
  const { start, end } = rangeMinutes(zone, date, date)
  return participantHours(people, defaultScoring, start, end, 60)
}

const row = (rows: ReturnType<typeof dayOn>, i: number) =>
  rows[i]?.cells.map((cell) => letters[cell.kind]).join('')

describe('participants × hours grid', () => {
  it('colours a Brussels Monday on both clocks, Wellington a day ahead across the date line', () => {
    const rows = dayOn('Europe/Brussels', '2026-01-05', [
      participant('Europe/Brussels'),
      participant('Pacific/Auckland'),
    ])
    expect(row(rows, 0)).toBe('NNNNNNNooWWWWWWWWWooooNN')
    // Brussels 00:00 is Wellington 12:00 Monday; Brussels 12:00 is Wellington midnight into Tuesday.
    expect(row(rows, 1)).toBe('WWWWWWooooNNNNNNNNNooWWW')
    expect(rows[1]?.cells[0]?.time).toMatchObject({
      local: '2026-01-05T12:00',
      weekday: 'Mon',
      offset: '+13:00',
    })
    expect(rows[1]?.cells[12]?.time).toMatchObject({ local: '2026-01-06T00:00', weekday: 'Tue' })
  })

  it('tells a day off from a working evening, and keeps the night a night on it', () => {
    const friday = dayOn('Europe/Brussels', '2026-01-09', [
      participant('Europe/Brussels'),
      participant('Pacific/Auckland'),
    ])
    // Wellington's Saturday starts at Brussels 12:00: its night, then its day off.
    expect(row(friday, 1)).toBe('WWWWWWooooNNNNNNNNNddddd')
    const holiday = dayOn('Europe/Brussels', '2026-01-07', [participant('Europe/Brussels', ['2026-01-07'])])
    expect(row(holiday, 0)).toBe('NNNNNNNddddddddddddddd'.padEnd(24, 'N'))
  })

  it('gives the day Europe springs forward 23 cells, each with the clock after the change', () => {
    const rows = dayOn('Europe/Brussels', '2026-03-29', [participant('Europe/Brussels')])
    expect(rows[0]?.cells).toHaveLength(23)
    expect(rows[0]?.cells.slice(1, 3).map((cell) => cell.time.local.slice(11))).toEqual(['01:00', '03:00'])
  })

  it('gives a half-hour cell split evenly to the costlier kind', () => {
    const rows = dayOn('Europe/Brussels', '2026-01-05', [participant('Asia/Kolkata')])
    // Brussels 12:00 is Kolkata 16:30 (all working); 13:00 is 17:30, half working and half not.
    expect(rows[0]?.cells[12]).toMatchObject({ kind: 'working', time: { local: '2026-01-05T16:30' } })
    expect(rows[0]?.cells[13]).toMatchObject({ kind: 'outside', time: { local: '2026-01-05T17:30' } })
  })
})
