import { cityCodes, liaisonOffices } from '../../../../src/domain/scheduling/places.ts'

/** One suggestion of the participant picker: what is sent, and what a person searches by. */
export interface PlaceOption {
  readonly value: string
  readonly label: string
}

/** The zone's offset from UTC at `at`, as the browser's Intl reads it ("GMT+9" → "UTC+09:00"). */
export function currentOffset(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((each) => each.type === 'timeZoneName')
  const text = part?.value ?? 'GMT'
  return text === 'GMT' ? 'UTC+00:00' : text.replace('GMT', 'UTC')
}

/**
 * The picker's suggestions: city codes (searchable by city and code), liaison offices, and every
 * IANA zone the browser knows. Member and partner codes (JPN, AUS) are typed; the server resolves
 * them for what the viewer may see, so the picker does not list countries it cannot vouch for.
 */
export function placeOptions(at: Date): PlaceOption[] {
  const cities = Object.entries(cityCodes).map(([code, city]) => ({
    value: code,
    label: `${city.city} (${code}) — ${city.zone}, ${currentOffset(city.zone, at)}`,
  }))
  const offices = Object.entries(liaisonOffices).map(([id, office]) => ({
    value: `office:${id}`,
    label: `${office.name}, ${office.status} — ${office.zone}, ${currentOffset(office.zone, at)}`,
  }))
  const zones = Intl.supportedValuesOf('timeZone').map((zone) => ({
    value: zone,
    label: `${zone.replace(/_/g, ' ')} — ${currentOffset(zone, at)}`,
  }))
  return [...cities, ...offices, ...zones]
}

/** Finds what a person typed among the options: a code or zone as is, or a city by its name. */
export function placeRefFor(typed: string, options: readonly PlaceOption[]): string {
  const text = typed.trim()
  const byLabel = options.find((option) => option.label === text)
  if (byLabel !== undefined) return byLabel.value
  const lower = text.toLowerCase()
  const byCity = Object.entries(cityCodes).find(([, city]) => city.city.toLowerCase() === lower)
  return byCity === undefined ? text : byCity[0]
}
