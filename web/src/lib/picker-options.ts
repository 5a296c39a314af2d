import { DateTime } from 'luxon'
import { zoneCountries } from './zone-countries.ts'

/** One choice of a searchable picker: what is stored, what is shown, and what else finds it. */
export interface PickerOption {
  readonly value: string
  readonly label: string
  /** Extra words a person may search by (a code, a country), not shown. */
  readonly keywords?: string
}

/** The zone's offset from UTC at `at`, as "UTC+09:00". */
export function zoneOffset(zone: string, at: Date): string {
  const offset = DateTime.fromJSDate(at, { zone }).toFormat('ZZ')
  return `UTC${offset}`
}

function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/**
 * Every IANA zone the browser knows, labelled by city and country with its offset at `at`
 * ("Tokyo, Japan — Asia/Tokyo, UTC+09:00"), so a person can find it by the city or the country
 * they know rather than by the database's name.
 */
export function zoneOptions(
  at: Date,
  locale = 'en',
  zones = Intl.supportedValuesOf('timeZone'),
): PickerOption[] {
  const withUtc = zones.includes('UTC') ? zones : [...zones, 'UTC']
  return withUtc.map((zone) => {
    const city = (zone.split('/').pop() ?? zone).replace(/_/g, ' ')
    const country = zoneCountries[zone]
    const where = country === undefined ? city : `${city}, ${regionName(country, locale)}`
    return {
      value: zone,
      label: `${where} — ${zone}, ${zoneOffset(zone, at)}`,
      keywords: country ?? '',
    }
  })
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/**
 * The options every word of `query` appears in (label, value or keywords, ignoring case and
 * accents), those whose label or value starts with the query first, at most `limit` of them.
 */
export function matchOptions(options: readonly PickerOption[], query: string, limit = 50): PickerOption[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '')
  if (words.length === 0) return options.slice(0, limit)
  const whole = fold(query.trim())
  const hits = options.filter((option) => {
    const text = fold(`${option.label} ${option.value} ${option.keywords ?? ''}`)
    return words.every((word) => text.includes(word))
  })
  const starts = (option: PickerOption) =>
    fold(option.label).startsWith(whole) || fold(option.value) === whole ? 0 : 1
  return [...hits].sort((a, b) => starts(a) - starts(b)).slice(0, limit)
}
