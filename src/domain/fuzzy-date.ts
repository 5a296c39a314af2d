import { enumReader } from './enum.ts'

/**
 * Dates known only to a decade, year, month or day. They are written in the Extended
 * Date/Time Format of ISO 8601-2 (EDTF): "199X" is the 1990s, "2005" a year, "2012-09" a month,
 * "2014-05-06" a day. A fuzzy date is never widened into a made-up day: "199X" stays a decade.
 */
export const precisions = ['decade', 'year', 'month', 'day'] as const
export type Precision = (typeof precisions)[number]

export interface FuzzyDate {
  /** EDTF text: "199X", "2005", "2012-09" or "2014-05-06". */
  readonly value: string
  readonly precision: Precision
}

const patterns: ReadonlyArray<readonly [Precision, RegExp]> = [
  ['decade', /^(\d{3})X$/],
  ['year', /^(\d{4})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['day', /^(\d{4})-(\d{2})-(\d{2})$/],
]

/** Parses EDTF text; returns null when it is not a valid decade, year, month or day. */
export function parseFuzzyDate(value: string): FuzzyDate | null {
  for (const [precision, pattern] of patterns) {
    const match = pattern.exec(value)
    if (match === null) {
      continue
    }
    if (precision === 'month' || precision === 'day') {
      const month = Number(match[2])
      if (month < 1 || month > 12) {
        return null
      }
    }
    if (precision === 'day') {
      const day = Number(match[3])
      const year = Number(match[1])
      const month = Number(match[2])
      if (day < 1 || day > daysInMonth(year, month)) {
        return null
      }
    }
    return { value, precision }
  }
  return null
}

export function fuzzyDate(value: string): FuzzyDate {
  const parsed = parseFuzzyDate(value)
  if (parsed === null) {
    throw new RangeError(`"${value}" is not a decade (199X), year, month or day`)
  }
  return parsed
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The first calendar day the fuzzy date may mean, as YYYY-MM-DD: used for ordering and ranges. */
export function earliestDay(date: FuzzyDate): string {
  switch (date.precision) {
    case 'decade':
      return `${date.value.slice(0, 3)}0-01-01`
    case 'year':
      return `${date.value}-01-01`
    case 'month':
      return `${date.value}-01`
    case 'day':
      return date.value
  }
}

/** The last calendar day the fuzzy date may mean, as YYYY-MM-DD. */
export function latestDay(date: FuzzyDate): string {
  switch (date.precision) {
    case 'decade':
      return `${date.value.slice(0, 3)}9-12-31`
    case 'year':
      return `${date.value}-12-31`
    case 'month': {
      const [year, month] = date.value.split('-').map(Number)
      return `${date.value}-${String(daysInMonth(year ?? 0, month ?? 1)).padStart(2, '0')}`
    }
    case 'day':
      return date.value
  }
}

/** Rebuilds a fuzzy date from its stored earliest day and precision. */
export function fromStored(day: string, precision: Precision): FuzzyDate {
  switch (precision) {
    case 'decade':
      return { value: `${day.slice(0, 3)}X`, precision }
    case 'year':
      return { value: day.slice(0, 4), precision }
    case 'month':
      return { value: day.slice(0, 7), precision }
    case 'day':
      return { value: day.slice(0, 10), precision }
  }
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** A label for people: "the 1990s", "2005", "September 2012", "6 May 2014". */
export function formatFuzzyDate(date: FuzzyDate): string {
  const year = date.value.slice(0, 4)
  switch (date.precision) {
    case 'decade':
      return `the ${date.value.slice(0, 3)}0s`
    case 'year':
      return year
    case 'month':
      return `${monthNames[Number(date.value.slice(5, 7)) - 1]} ${year}`
    case 'day':
      return `${Number(date.value.slice(8, 10))} ${monthNames[Number(date.value.slice(5, 7)) - 1]} ${year}`
  }
}

/** Orders by earliest day, and a coarser date before a finer one that starts the same day. */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  const byDay = earliestDay(a).localeCompare(earliestDay(b))
  if (byDay !== 0) {
    return byDay
  }
  return precisions.indexOf(a.precision) - precisions.indexOf(b.precision)
}

/** Checks a stored precision name; throws on anything else, since that means corrupt data. */
export const toPrecision = enumReader(precisions, 'date precision')

/** A stored (earliest day, precision) pair as a fuzzy date, or null when either is missing. */
export function fromStoredOrNull(day: string | null, precision: string | null): FuzzyDate | null {
  return day === null || precision === null ? null : fromStored(day, toPrecision(precision))
}
