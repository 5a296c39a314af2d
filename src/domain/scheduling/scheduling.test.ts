import { describe, expect, it } from 'vitest'
import { defaultScoring } from './scoring.ts'
import { planSeries } from './series.ts'
import { searchSlots } from './slot-search.ts'
import { defaultWorkingHours, epochDayOfDate, type Participant, parseClock } from './working-hours.ts'
import { localMinuteToInstant, offsetSpans } from './zone-offsets.ts'

const at = (iso: string) => Date.parse(iso) / 60_000
const participant = (zone: string): Participant => ({
  label: zone,
  zone,
  workingHours: defaultWorkingHours,
  daysOff: [],
})

describe('scheduling domain', () => {
  it('reads wall-clock times: a skipped one moves forward, a repeated one takes its first occurrence', () => {
    const spans = offsetSpans('Europe/Brussels', at('2026-03-01T00:00Z'), at('2026-11-01T00:00Z'))
    const local = (date: string, time: string) => epochDayOfDate(date) * 1440 + (parseClock(time) ?? 0)
    expect(localMinuteToInstant(spans, local('2026-03-29', '01:30'))).toBe(at('2026-03-29T00:30Z'))
    expect(localMinuteToInstant(spans, local('2026-03-29', '02:30'))).toBe(at('2026-03-29T01:30Z'))
    expect(localMinuteToInstant(spans, local('2026-03-29', '03:00'))).toBe(at('2026-03-29T01:00Z'))
    expect(localMinuteToInstant(spans, local('2026-10-25', '02:30'))).toBe(at('2026-10-25T00:30Z'))
    expect(localMinuteToInstant(spans, local('2026-10-25', '03:30'))).toBe(at('2026-10-25T02:30Z'))
  })

  it('reads each clock across the date line: 09:00 Monday in Brussels is 21:00 Monday in Wellington, Brussels midnight is its noon', () => {
    const result = searchSlots({
      participants: [participant('Europe/Brussels'), participant('Pacific/Auckland')],
      from: '2026-01-05',
      to: '2026-01-05',
      timeZone: 'Europe/Brussels',
      durationMinutes: 60,
      stepMinutes: 60,
      scoring: defaultScoring,
      limit: 24,
    })
    const nine = result.slots.find((slot) => slot.start === '2026-01-05T08:00:00Z')
    expect(nine?.participants.map((p) => `${p.start.weekday} ${p.start.local}`)).toEqual([
      'Mon 2026-01-05T09:00',
      'Mon 2026-01-05T21:00',
    ])
    const midnight = result.slots.find((slot) => slot.start === '2026-01-04T23:00:00Z')
    expect(midnight?.participants[1]?.start.local).toBe('2026-01-05T12:00')
    expect(midnight?.participants[0]?.start.weekday).toBe('Mon')
    expect(result.candidates).toBe(24)
  })

  it('shares a weekly series’ burden more fairly than the same time every week', () => {
    const participants = [
      'Europe/Brussels',
      'Asia/Tokyo',
      'Australia/Sydney',
      'Pacific/Auckland',
      'Asia/Seoul',
    ].map(participant)
    const series = planSeries({
      participants,
      from: '2026-01-05',
      timeZone: 'Europe/Brussels',
      occurrences: 12,
      periodDays: 7,
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
    })
    expect(series.occurrences).toHaveLength(12)
    expect(series.naive.occurrences).toHaveLength(12)
    expect(series.fairWorst).toBeLessThan(series.naiveWorst)
    const worstFair = Math.max(...series.participants.map((p) => p.fair.inconvenience))
    expect(worstFair).toBe(series.fairWorst)
    // Each occurrence lies in its own week.
    series.occurrences.forEach((slot, k) => {
      const start = at(slot.start)
      expect(start).toBeGreaterThanOrEqual(at('2026-01-04T23:00Z') + k * 7 * 1440)
      expect(start).toBeLessThan(at('2026-01-04T23:00Z') + (k + 1) * 7 * 1440)
    })
  })

  it('parses working-hour clocks', () => {
    expect(parseClock('09:00')).toBe(540)
    expect(parseClock('24:00')).toBe(1440)
    expect(parseClock('9:00')).toBeNull()
    expect(parseClock('24:30')).toBeNull()
  })
})
