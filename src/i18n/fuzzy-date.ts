import type { FuzzyDate } from '../domain/fuzzy-date.ts'
import type { MessageKey } from './catalogue.ts'

/** Formats one catalogue message; both the server's translator and react-intl's fit it. */
export type Format = (key: MessageKey, values: Readonly<Record<string, string | number | Date>>) => string

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

/**
 * A fuzzy date in the reader's language at its own precision ("the 1990s" / "les années 1990",
 * "September 2012" / "septembre 2012"): a coarse date is never shown with an invented day.
 */
export function fuzzyDateText(format: Format, date: FuzzyDate): string {
  switch (date.precision) {
    case 'decade':
      return format('date.decade', { decade: `${date.value.slice(0, 3)}0` })
    case 'year':
      return date.value.slice(0, 4)
    case 'month':
      return format('date.month', { date: utcDay(`${date.value.slice(0, 7)}-01`) })
    case 'day':
      return format('date.day', { date: utcDay(date.value.slice(0, 10)) })
  }
}

/** A period such as a programme's: "2023–2026" for whole years, else both ends at their precision. */
export function periodText(format: Format, from: FuzzyDate, to: FuzzyDate): string {
  if (from.precision === 'year' && to.precision === 'year') {
    return from.value === to.value ? from.value : `${from.value}–${to.value}`
  }
  return format('date.range', { from: fuzzyDateText(format, from), to: fuzzyDateText(format, to) })
}

/** A calendar day (YYYY-MM-DD) as a Date at UTC midnight, for ICU `date` arguments. */
export function dayValue(day: string): Date {
  return utcDay(day.slice(0, 10))
}
