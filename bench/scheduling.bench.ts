import { participantHours } from '../src/domain/scheduling/hour-grid.ts'
import { defaultScoring } from '../src/domain/scheduling/scoring.ts'
import { planSeries } from '../src/domain/scheduling/series.ts'
import { sharedHours } from '../src/domain/scheduling/shared-hours.ts'
import { rangeMinutes, searchSlots } from '../src/domain/scheduling/slot-search.ts'
import { defaultWorkingHours, type Participant } from '../src/domain/scheduling/working-hours.ts'

/**
 * The scheduling benchmark, pure domain (no HTTP, no database): a year of 15-minute starts for the
 * five capitals of the issue; a quarter for twelve places on every continent the alliance deals
 * with; a 52-week series with fairness; a year of shared hours with an office; and the
 * participants × hours grid the browser draws for each day it shows. Each case runs
 * BENCH_RUNS times (default 5) after one warm-up; the median and the slowest are printed.
 */

const runs = Number(process.env.BENCH_RUNS ?? 5)
const five = ['Europe/Brussels', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Seoul']
const twelve = [
  ...five,
  'America/New_York',
  'America/Toronto',
  'Europe/London',
  'Europe/Istanbul',
  'Asia/Kolkata',
  'Asia/Ulaanbaatar',
  'Pacific/Chatham',
]
const participant = (zone: string): Participant => ({
  label: zone,
  zone,
  workingHours: defaultWorkingHours,
  daysOff: [],
})

function time(label: string, work: () => string): void {
  work()
  const durations: number[] = []
  let note = ''
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    note = work()
    durations.push(performance.now() - started)
  }
  durations.sort((a, b) => a - b)
  const median = durations[Math.floor(durations.length / 2)] ?? 0
  const slowest = durations.at(-1) ?? 0
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(0).padStart(5)} ms  max ${slowest.toFixed(0).padStart(5)} ms  ${note}`,
  )
}

export async function run(): Promise<void> {
  time('slots: 5 participants, 2026, 15-minute steps, 60 min', () => {
    const result = searchSlots({
      participants: five.map(participant),
      from: '2026-01-01',
      to: '2026-12-31',
      timeZone: 'Europe/Brussels',
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
      limit: 10,
    })
    return `${result.candidates} candidates, best ${result.slots[0]?.inconvenience}`
  })
  time('slots: 12 participants, Q1 2026, 15-minute steps, 60 min', () => {
    const result = searchSlots({
      participants: twelve.map(participant),
      from: '2026-01-01',
      to: '2026-03-31',
      timeZone: 'Europe/Brussels',
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
      limit: 10,
    })
    return `${result.candidates} candidates, best ${result.slots[0]?.inconvenience}`
  })
  time('series: 5 participants, 52 weekly occurrences, fairness', () => {
    const series = planSeries({
      participants: five.map(participant),
      from: '2026-01-05',
      timeZone: 'Europe/Brussels',
      occurrences: 52,
      periodDays: 7,
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
    })
    return `worst burden ${series.fairWorst} fair vs ${series.naiveWorst} same time every week`
  })
  time('series: 12 participants, 52 weekly occurrences, fairness', () => {
    const series = planSeries({
      participants: twelve.map(participant),
      from: '2026-01-05',
      timeZone: 'Europe/Brussels',
      occurrences: 52,
      periodDays: 7,
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
    })
    return `worst burden ${series.fairWorst} fair vs ${series.naiveWorst} same time every week`
  })
  time('shared hours: Brussels with 4 capitals, 2026, Tokyo office', () => {
    const result = sharedHours({
      hq: participant('Europe/Brussels'),
      partners: five.slice(1).map(participant),
      office: participant('Asia/Tokyo'),
      year: 2026,
    })
    return `Sydney ${result.items[1]?.hoursPerYear} h/year with HQ, ${result.items[1]?.hoursPerYearWithOffice} with the office`
  })
  time('grid: 12 participants, one day of 1-hour cells (browser)', () => {
    const { start, end } = rangeMinutes('Europe/Brussels', '2026-03-29', '2026-03-29')
    const rows = participantHours(twelve.map(participant), defaultScoring, start, end, 60)
    return `${rows.length} rows × ${rows[0]?.cells.length} cells (the day Europe springs forward)`
  })
}
