import { isNightMinute, type Scoring } from './scoring.ts'
import type { Participant } from './working-hours.ts'
import { epochDayOfDate, weekdayOfEpochDay } from './working-hours.ts'
import type { OffsetSpan } from './zone-offsets.ts'

/**
 * Time cut into equal ticks from `from` (minutes since the epoch). Every boundary that matters —
 * slot starts and lengths, working hours, the night window, midnight and every offset change —
 * falls on a tick, so one look per tick classifies all its minutes. Modern zones keep to quarter
 * hours, so a tick is usually 15 minutes, or 5 when the step is 5.
 */
export interface TickGrid {
  readonly from: number
  readonly tick: number
  readonly length: number
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a)
  let y = Math.abs(b)
  while (y !== 0) {
    ;[x, y] = [y, x % y]
  }
  return x
}

export function tickDividing(values: readonly number[]): number {
  return values.reduce((tick, value) => gcd(tick, value), 1440) || 1
}

/** The values a tick must divide for these participants' clocks. */
export function clockBoundaries(participants: readonly Participant[], scoring: Scoring): number[] {
  return [
    scoring.nightStartMinute,
    scoring.nightEndMinute,
    ...participants.flatMap((p) => [p.workingHours.startMinute, p.workingHours.endMinute]),
  ]
}

export function spanBoundaries(from: number, spans: readonly OffsetSpan[]): number[] {
  return spans.flatMap((span) => [span.offset, span.from - from])
}

/** What a tick is for one participant. */
export const working = 0
export const outside = 1
export const night = 2
/** Outside the night window on a day they do not work (a weekend or a day off): it costs as `outside`. */
export const dayOff = 3

export type TickKind = typeof working | typeof outside | typeof night | typeof dayOff

/**
 * Each tick of the grid as working, outside, night or day off for the participant. Every kind but
 * `working` is time outside their hours; the burden counts `dayOff` as `outside`, and only the
 * participants × hours grid tells the two apart.
 */
export function classifyTicks(
  participant: Participant,
  scoring: Scoring,
  grid: TickGrid,
  spans: readonly OffsetSpan[],
): Uint8Array {
  const { startMinute, endMinute, days } = participant.workingHours
  const workingDays = new Set(days)
  const daysOff = new Set(participant.daysOff.map(epochDayOfDate))
  const isWorkingDay = (day: number) => workingDays.has(weekdayOfEpochDay(day)) && !daysOff.has(day)
  const kinds = new Uint8Array(grid.length)
  let spanIndex = 0
  let cachedDay = Number.NaN
  let cachedWorking = false
  for (let i = 0; i < grid.length; i++) {
    const minute = grid.from + i * grid.tick
    let span = spans[spanIndex]
    while (span !== undefined && minute >= span.to && spanIndex < spans.length - 1) {
      spanIndex++
      span = spans[spanIndex]
    }
    const local = minute + (span?.offset ?? 0)
    const day = Math.floor(local / 1440)
    const minuteOfDay = local - day * 1440
    if (day !== cachedDay) {
      cachedDay = day
      cachedWorking = isWorkingDay(day)
    }
    if (cachedWorking && minuteOfDay >= startMinute && minuteOfDay < endMinute) {
      kinds[i] = working
    } else {
      kinds[i] = isNightMinute(scoring, minuteOfDay) ? night : cachedWorking ? outside : dayOff
    }
  }
  return kinds
}

/** Running totals of outside and night minutes, so any stretch of ticks costs two subtractions. */
export interface BurdenTotals {
  readonly outside: Int32Array
  readonly night: Int32Array
}

export function runningTotals(kinds: Uint8Array, tick: number): BurdenTotals {
  const outsideTotals = new Int32Array(kinds.length + 1)
  const nightTotals = new Int32Array(kinds.length + 1)
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i] ?? working
    outsideTotals[i + 1] = (outsideTotals[i] ?? 0) + (kind === working ? 0 : tick)
    nightTotals[i + 1] = (nightTotals[i] ?? 0) + (kind === night ? tick : 0)
  }
  return { outside: outsideTotals, night: nightTotals }
}

/** The local day (counted from 1970-01-01) of each tick on the clock of the spans' zone. */
export function localDays(grid: TickGrid, spans: readonly OffsetSpan[]): Int32Array {
  const days = new Int32Array(grid.length)
  let spanIndex = 0
  for (let i = 0; i < grid.length; i++) {
    const minute = grid.from + i * grid.tick
    while (spanIndex < spans.length - 1 && minute >= (spans[spanIndex]?.to ?? minute)) {
      spanIndex++
    }
    days[i] = Math.floor((minute + (spans[spanIndex]?.offset ?? 0)) / 1440)
  }
  return days
}
