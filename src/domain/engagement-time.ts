import { DateTime, IANAZone } from 'luxon'
import type { EngagementTiming } from './engagement.ts'

const localDay = /^\d{4}-\d{2}-\d{2}$/
const localMinute = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

/**
 * True for a name in the IANA time zone database (e.g. Europe/Madrid, or UTC itself); offsets such as
 * +02:00 or UTC+2 are refused, since they do not follow a place's daylight-saving changes.
 */
export function isNamedZone(zone: string): boolean {
  return (
    /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) &&
    !/^(UTC|GMT)[+-]/i.test(zone) &&
    IANAZone.isValidZone(zone)
  )
}

export function isLocalDay(value: string): boolean {
  return localDay.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid
}

export function isLocalMinute(value: string): boolean {
  return localMinute.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid
}

/**
 * The instant a wall-clock time at a zone stands for. Throws when the wall-clock time does not exist
 * there (skipped by a daylight-saving change), so that no meeting silently moves by an hour.
 */
export function wallTimeToInstant(local: string, zone: string): DateTime {
  const instant = DateTime.fromISO(local, { zone })
  if (!instant.isValid) {
    throw new RangeError(`${local} is not a valid local time in ${zone}`)
  }
  if (instant.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16) && local.length > 10) {
    throw new RangeError(`${local} does not exist in ${zone}: the clocks skip it`)
  }
  return instant
}

export interface TimingProblem {
  readonly pointer: string
  readonly detail: string
}

/** Every problem with a timing: the zone, the shape of start and end, skipped local times, order. */
export function timingProblems(timing: EngagementTiming): TimingProblem[] {
  const problems: TimingProblem[] = []
  if (!isNamedZone(timing.timeZone)) {
    problems.push({
      pointer: '#/timeZone',
      detail: 'Use an IANA time zone name such as Europe/Madrid, not an offset',
    })
  }
  const valid = timing.allDay ? isLocalDay : isLocalMinute
  const shape = timing.allDay ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:mm'
  for (const field of ['start', 'end'] as const) {
    if (!valid(timing[field])) {
      problems.push({
        pointer: `#/${field}`,
        detail: `Use a local ${timing.allDay ? 'date' : 'time'} as ${shape}`,
      })
    } else if (!timing.allDay && isNamedZone(timing.timeZone)) {
      try {
        wallTimeToInstant(timing[field], timing.timeZone)
      } catch (error) {
        problems.push({
          pointer: `#/${field}`,
          detail: error instanceof Error ? error.message : 'Invalid time',
        })
      }
    }
  }
  // An unknown zone is reported on its own field; start and end share one zone, so their wall
  // times still tell whether the end comes first, and both problems are reported together.
  const timesValid = !problems.some((problem) => problem.pointer !== '#/timeZone')
  const endFirst = isNamedZone(timing.timeZone)
    ? timingEndMillis(timing) < timingStartMillis(timing)
    : timing.end < timing.start
  if (timesValid && endFirst) {
    problems.push({ pointer: '#/end', detail: 'The end must not be before the start' })
  }
  return problems
}

/** The instant the engagement starts; an all-day engagement starts at local midnight of its first day. */
export function timingStartMillis(timing: EngagementTiming): number {
  return DateTime.fromISO(timing.start, { zone: timing.timeZone }).toMillis()
}

/** The instant it ends; an all-day engagement ends at local midnight after its last day. */
export function timingEndMillis(timing: EngagementTiming): number {
  const end = DateTime.fromISO(timing.end, { zone: timing.timeZone })
  return (timing.allDay ? end.plus({ days: 1 }) : end).toMillis()
}

/** The local calendar day the engagement starts and ends on at its place (YYYY-MM-DD). */
export function localDays(timing: EngagementTiming): { readonly first: string; readonly last: string } {
  return { first: timing.start.slice(0, 10), last: timing.end.slice(0, 10) }
}

/** Whole days since 1970-01-01 for a YYYY-MM-DD day: stored so that windows around summits are plain integer sums in SQL. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000)
}

export interface ShownTime {
  /** Wall-clock time, YYYY-MM-DDTHH:mm (or the day for all-day engagements). */
  readonly local: string
  readonly zone: string
  /** UTC offset at that moment, e.g. +02:00: for display only, never stored. */
  readonly offset: string
  /** The zone's abbreviation there and then, e.g. CEST. */
  readonly abbreviation: string
}

const abbreviations = new Map<string, string>()
const offsets = new Map<string, number>()
const quarterHourMs = 15 * 60_000

/**
 * A zone's UTC offset in minutes at an instant, remembered per quarter hour: zone offsets only
 * change on quarter-hour boundaries, and asking Intl each time dominates a page of fifty times.
 */
function offsetAt(zone: IANAZone, ms: number): number {
  const key = `${zone.name}|${Math.floor(ms / quarterHourMs)}`
  const cached = offsets.get(key)
  if (cached !== undefined) {
    return cached
  }
  if (offsets.size > 100_000) {
    offsets.clear()
  }
  const found = zone.offset(ms)
  offsets.set(key, found)
  return found
}

/** The zone's abbreviation at an instant (CEST, BST, GMT+9): cached per zone and offset, as lists show many. */
function abbreviation(zone: string, ms: number, offsetMinutes: number): string {
  const key = `${zone}|${offsetMinutes}`
  const cached = abbreviations.get(key)
  if (cached !== undefined) {
    return cached
  }
  // British English names the zones people read in schedules (CEST, BST) where US English says GMT+2.
  const found = DateTime.fromMillis(ms, { zone }).setLocale('en-GB').toFormat('ZZZZ')
  abbreviations.set(key, found)
  return found
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`
}

/** Wall-clock text (YYYY-MM-DDTHH:mm) at an instant shifted by an offset. */
function wallClock(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 16)
}

/**
 * The instant a valid wall-clock time at a zone stands for. Plain arithmetic over the zone's
 * offsets (Luxon's zone data), because lists and feeds convert thousands of times per request.
 */
function instantOf(local: string, zone: IANAZone): number {
  const asUtc = Date.parse(`${local.length === 10 ? `${local}T00:00` : local.slice(0, 16)}:00Z`)
  const first = asUtc - offsetAt(zone, asUtc) * 60_000
  const second = asUtc - offsetAt(zone, first) * 60_000
  return offsetAt(zone, second) === offsetAt(zone, first) ? second : first
}

/**
 * A local time shown both at its place and in the viewer's zone. All-day engagements are days, so
 * their wall-clock value is not converted; the viewer's offset is still given for that moment.
 */
export function showTime(
  local: string,
  zone: string,
  allDay: boolean,
  viewerZone: string,
): {
  readonly place: ShownTime
  readonly viewer: ShownTime
  readonly utc: string
} {
  const placeZone = IANAZone.create(zone)
  const ms = instantOf(local, placeZone)
  const placeOffset = offsetAt(placeZone, ms)
  const place: ShownTime = {
    local,
    zone,
    offset: formatOffset(placeOffset),
    abbreviation: abbreviation(zone, ms, placeOffset),
  }
  const viewerOffset = offsetAt(IANAZone.create(viewerZone), ms)
  return {
    place,
    viewer: {
      local: allDay ? local : wallClock(ms, viewerOffset),
      zone: viewerZone,
      offset: formatOffset(viewerOffset),
      abbreviation: abbreviation(viewerZone, ms, viewerOffset),
    },
    utc: `${new Date(ms).toISOString().slice(0, 19)}Z`,
  }
}
