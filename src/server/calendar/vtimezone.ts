import { DateTime, IANAZone } from 'luxon'

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the zone database that Luxon reads, so that a
 * calendar program without that zone still places each event at the right instant. Each offset
 * change between the first and last year becomes one STANDARD or DAYLIGHT observance.
 */
const cache = new Map<string, string[]>()

const weekMs = 7 * 86_400_000

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`
}

/** Local wall time just before the change, in the offset that held before it (as RFC 5545 wants). */
function localStamp(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms + offsetMinutes * 60_000, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss")
}

/** The first millisecond at which the offset differs from `before`, searched between two instants. */
function transitionBetween(zone: IANAZone, low: number, high: number, before: number): number {
  let lo = low
  let hi = high
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (zone.offset(mid) === before) {
      lo = mid
    } else {
      hi = mid
    }
  }
  return hi
}

/** The lines of a VTIMEZONE for `name` covering the years `firstYear`..`lastYear`. */
export function vtimezoneLines(name: string, firstYear: number, lastYear: number): string[] {
  const key = `${name}|${firstYear}|${lastYear}`
  const cached = cache.get(key)
  if (cached !== undefined) {
    return cached
  }
  const zone = IANAZone.create(name)
  const start = Date.UTC(firstYear, 0, 1)
  const end = Date.UTC(lastYear + 1, 0, 1)
  const initial = zone.offset(start)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${name}`]
  const observance = (ms: number, from: number, to: number) => {
    const kind = DateTime.fromMillis(ms, { zone: name }).isInDST ? 'DAYLIGHT' : 'STANDARD'
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(ms, from)}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `END:${kind}`,
    )
  }
  // The offset in force when the range opens, so events before the first change are covered too.
  observance(start, initial, initial)
  let offset = initial
  for (let at = start; at < end; at += weekMs) {
    const next = Math.min(at + weekMs, end)
    const after = zone.offset(next)
    if (after !== offset) {
      const change = transitionBetween(zone, at, next, offset)
      observance(change, offset, zone.offset(change))
      offset = zone.offset(change)
      at = change - weekMs
    }
  }
  lines.push('END:VTIMEZONE')
  cache.set(key, lines)
  return lines
}
