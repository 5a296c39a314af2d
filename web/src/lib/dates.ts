import { DateTime } from 'luxon'
import { earliestDay, latestDay, parseFuzzyDate } from '../../../src/domain/fuzzy-date.ts'

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD day: the unit of every time axis in the app. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000)
}

/** The calendar year, with its fraction, of a day number: handy for axis ticks. */
export function yearOf(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear()
}

export function dayOfYearStart(year: number): number {
  return dayNumber(`${String(year).padStart(4, '0')}-01-01`)
}

/** Today as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/**
 * The span of days an EDTF date may mean: a decade covers ten years, a year a year, a day one
 * day. Charts draw the span, so "the 1990s" never turns into 1 January 1990.
 */
export function fuzzySpan(edtf: string): { start: number; end: number; exact: boolean } | null {
  const parsed = parseFuzzyDate(edtf)
  if (parsed === null) {
    return null
  }
  return {
    start: dayNumber(earliestDay(parsed)),
    // The span runs to the end of its last day.
    end: dayNumber(latestDay(parsed)) + 1,
    exact: parsed.precision === 'day',
  }
}

/** The month `now` falls in, in `zone`, as YYYY-MM (the month view opens on it). */
export function currentMonth(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM')
}
