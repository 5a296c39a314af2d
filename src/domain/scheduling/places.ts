import { isNamedZone } from '../engagement-time.ts'

/**
 * City codes a person can type (IATA metropolitan or airport codes), with the zone of each. Kept
 * apart from ISO 3166 alpha-3 country codes: a code that is also a country code of the dataset is
 * not listed (the places test checks it), so JPN is Japan and TYO is Tokyo, never a guess.
 */
export const cityCodes: Readonly<Record<string, { readonly city: string; readonly zone: string }>> = {
  AKL: { city: 'Auckland', zone: 'Pacific/Auckland' },
  AMS: { city: 'Amsterdam', zone: 'Europe/Amsterdam' },
  BER: { city: 'Berlin', zone: 'Europe/Berlin' },
  BJS: { city: 'Beijing', zone: 'Asia/Shanghai' },
  BRU: { city: 'Brussels', zone: 'Europe/Brussels' },
  CBR: { city: 'Canberra', zone: 'Australia/Sydney' },
  DEL: { city: 'Delhi', zone: 'Asia/Kolkata' },
  HNL: { city: 'Honolulu', zone: 'Pacific/Honolulu' },
  ISB: { city: 'Islamabad', zone: 'Asia/Karachi' },
  LON: { city: 'London', zone: 'Europe/London' },
  MAD: { city: 'Madrid', zone: 'Europe/Madrid' },
  MEL: { city: 'Melbourne', zone: 'Australia/Melbourne' },
  MNL: { city: 'Manila', zone: 'Asia/Manila' },
  NYC: { city: 'New York', zone: 'America/New_York' },
  OSA: { city: 'Osaka', zone: 'Asia/Tokyo' },
  PAR: { city: 'Paris', zone: 'Europe/Paris' },
  ROM: { city: 'Rome', zone: 'Europe/Rome' },
  SEL: { city: 'Seoul', zone: 'Asia/Seoul' },
  SIN: { city: 'Singapore', zone: 'Asia/Singapore' },
  SYD: { city: 'Sydney', zone: 'Australia/Sydney' },
  TYO: { city: 'Tokyo', zone: 'Asia/Tokyo' },
  ULN: { city: 'Ulaanbaatar', zone: 'Asia/Ulaanbaatar' },
  WAS: { city: 'Washington', zone: 'America/New_York' },
  WAW: { city: 'Warsaw', zone: 'Europe/Warsaw' },
  WLG: { city: 'Wellington', zone: 'Pacific/Auckland' },
  YOW: { city: 'Ottawa', zone: 'America/Toronto' },
}

/**
 * Liaison offices a meeting can include, open or proposed. The Tokyo office was proposed in 2023
 * and has not been established (see reference/nato-partnerships.md, §7); it is here as the office
 * the shared-hours question is asked about.
 */
export const liaisonOffices: Readonly<
  Record<string, { readonly name: string; readonly zone: string; readonly status: 'open' | 'proposed' }>
> = {
  tokyo: { name: 'Liaison office in Tokyo', zone: 'Asia/Tokyo', status: 'proposed' },
}

export type PlaceKind = 'zone' | 'country' | 'city' | 'office'

/** A place a participant is at, resolved to the zone its clocks keep. */
export interface Place {
  /** The reference as given, normalised (upper-case codes). */
  readonly ref: string
  readonly kind: PlaceKind
  readonly name: string
  readonly zone: string
}

/** A member or partner country the caller may see, with its capital's zone. */
export interface CountryPlace {
  readonly code: string
  readonly name: string
  readonly capital: string | null
  readonly timeZone: string
}

/** An open liaison office of the register the caller may see (a place once it opens, issue 9). */
export interface OfficePlace {
  readonly id: string
  readonly city: string
  readonly zone: string
}

/**
 * The key of an `office:<key>` reference, lower-cased, or null: an office is named by its id or
 * by its city, with spaces as hyphens (office:tokyo, office:new-york).
 */
export function officeKeyOf(ref: string): string | null {
  const match = /^office:([a-z0-9-]+)$/i.exec(ref.trim())
  return match === null ? null : (match[1] ?? '').toLowerCase()
}

/** The key an office's city answers to in `office:<key>`. */
export function officeCityKey(city: string): string {
  return city.trim().toLowerCase().replace(/\s+/g, '-')
}

/** What a reference looks like, before any lookup: used to know which country codes to fetch. */
export function countryCodeOf(ref: string): string | null {
  const trimmed = ref.trim()
  return /^[A-Za-z]{3}$/.test(trimmed) && cityCodes[trimmed.toUpperCase()] === undefined
    ? trimmed.toUpperCase()
    : null
}

export const placeHelp =
  'Name a place by IANA zone (Europe/Brussels), member or partner code (JPN), city code (TYO) or office (office:tokyo)'

/**
 * Resolves "Asia/Tokyo", "JPN", "TYO" or "office:tokyo". `countries` holds the member and partner
 * countries the caller may see, by code; a hidden one is as unknown as a missing one.
 */
export function resolvePlace(
  ref: string,
  countries: ReadonlyMap<string, CountryPlace>,
  offices: ReadonlyMap<string, OfficePlace> = new Map(),
): Place | string {
  const trimmed = ref.trim()
  const office = officeKeyOf(trimmed)
  if (office !== null) {
    const id = office
    const recorded = offices.get(id)
    if (recorded !== undefined) {
      return {
        ref: `office:${id}`,
        kind: 'office',
        name: `Liaison office in ${recorded.city}`,
        zone: recorded.zone,
      }
    }
    const found = liaisonOffices[id]
    return found === undefined
      ? `There is no liaison office '${id}'; known: ${Object.keys(liaisonOffices).join(', ')}`
      : { ref: `office:${id}`, kind: 'office', name: `${found.name} (${found.status})`, zone: found.zone }
  }
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const code = trimmed.toUpperCase()
    const city = cityCodes[code]
    if (city !== undefined) {
      return { ref: code, kind: 'city', name: city.city, zone: city.zone }
    }
    const country = countries.get(code)
    if (country !== undefined) {
      const name = country.capital === null ? country.name : `${country.name} (${country.capital})`
      return { ref: code, kind: 'country', name, zone: country.timeZone }
    }
    return `'${code}' is neither a member or partner code nor a known city code. ${placeHelp}`
  }
  if (trimmed.includes('/') || trimmed === 'UTC') {
    return isNamedZone(trimmed)
      ? { ref: trimmed, kind: 'zone', name: trimmed, zone: canonicalZone(trimmed) }
      : `'${trimmed}' is not an IANA time zone`
  }
  return `'${trimmed.slice(0, 60)}' is not a place. ${placeHelp}`
}

/** The zone's name as the time-zone database spells it (europe/brussels → Europe/Brussels). */
function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
}
