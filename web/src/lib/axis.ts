import { dayOfYearStart, yearOf } from './dates.ts'

export interface TimeScale {
  readonly start: number
  readonly end: number
  readonly x: (day: number) => number
  readonly ticks: readonly { year: number; x: number }[]
}

/**
 * A linear scale from day numbers to pixels between `left` and `right`, with year ticks spaced so
 * that labels do not collide (about one per 64 px).
 */
export function timeScale(startDay: number, endDay: number, left: number, right: number): TimeScale {
  const firstYear = yearOf(startDay)
  const lastYear = yearOf(endDay) + 1
  const start = dayOfYearStart(firstYear)
  const end = dayOfYearStart(lastYear)
  const span = Math.max(1, end - start)
  const x = (day: number) => left + ((day - start) / span) * (right - left)
  const years = lastYear - firstYear
  const room = Math.max(1, Math.floor((right - left) / 64))
  const step = [1, 2, 5, 10, 20, 25, 50].find((candidate) => years / candidate <= room) ?? 100
  const ticks: { year: number; x: number }[] = []
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    ticks.push({ year, x: x(dayOfYearStart(year)) })
  }
  return { start, end, x, ticks }
}
