import { DateTime } from 'luxon'
import { isNamedZone } from './engagement-time.ts'

/**
 * The alliance's home zone: where "today" is reckoned when nobody says otherwise (a framework's
 * members "as of today", a document's date, the day a programme was agreed).
 */
export const allianceHomeZone = 'Europe/Brussels'

/**
 * The calendar day (YYYY-MM-DD) that `instant` falls on in `zone`, an IANA zone name. Near
 * midnight it differs from the UTC day: 23:30Z on 31 December is already 1 January in Brussels.
 */
export function dayInZone(instant: Date, zone: string): string {
  if (!isNamedZone(zone)) {
    throw new RangeError(`Not an IANA time zone name: ${zone}`)
  }
  const day = DateTime.fromJSDate(instant, { zone }).toISODate()
  if (day === null) {
    throw new RangeError(`No calendar day for ${String(instant)} in ${zone}`)
  }
  return day
}
