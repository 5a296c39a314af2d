import { DateTime, IANAZone } from 'luxon'

/** A stretch of time during which a zone keeps one UTC offset. Times are minutes since the Unix epoch. */
export interface OffsetSpan {
  readonly from: number
  readonly to: number
  /** Local time minus UTC, in minutes (Brussels in winter: 60). */
  readonly offset: number
}

const sampleEvery = 6 * 60

/**
 * The UTC offsets a zone goes through in [from, to), found by sampling every six hours and
 * narrowing each change down to its minute. Zones change offset a few times a year at most and
 * never twice within six hours, so the samples catch every change (the verification test compares
 * the changes found with Python's zoneinfo). Each sample asks Intl, which is slow: a finer
 * sampling made a year's search several times slower.
 */
export function offsetSpans(zone: string, from: number, to: number): OffsetSpan[] {
  const tz = IANAZone.create(zone)
  const offsetAt = (minute: number) => tz.offset(minute * 60_000)
  const spans: OffsetSpan[] = []
  let spanStart = from
  let current = offsetAt(from)
  for (let probe = from + sampleEvery; probe < to + sampleEvery; probe += sampleEvery) {
    const at = Math.min(probe, to)
    const offset = offsetAt(at)
    if (offset !== current) {
      // The change lies in (at − sampleEvery, at]: find its first minute.
      let low = Math.max(at - sampleEvery, spanStart)
      let high = at
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2)
        if (offsetAt(middle) === current) {
          low = middle
        } else {
          high = middle
        }
      }
      spans.push({ from: spanStart, to: high, offset: current })
      spanStart = high
      current = offset
    }
    if (at === to) {
      break
    }
  }
  spans.push({ from: spanStart, to, offset: current })
  return spans
}

/** The instant of a wall-clock time in a zone; a time skipped by a change moves forward, as clocks do. */
export function localToMinute(zone: string, date: string, minuteOfDay: number): number {
  const [year, month, day] = date.split('-').map(Number)
  const local = DateTime.fromObject(
    { year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  )
  // 24:00 is the next midnight; Luxon takes hour 24 as invalid, so add the day itself.
  const instant = minuteOfDay === 1440 ? local.startOf('day').plus({ days: 1 }) : local
  return Math.round(instant.toMillis() / 60_000)
}

/** The local midnight that starts a date in a zone (a zone may skip midnight itself: then the first minute). */
export function startOfLocalDay(zone: string, date: string): number {
  const [year, month, day] = date.split('-').map(Number)
  return Math.round(DateTime.fromObject({ year, month, day }, { zone }).startOf('day').toMillis() / 60_000)
}

/**
 * The instant (minutes since the epoch) whose wall clock reads `local` (local minutes since the
 * epoch) under these spans. A time the clocks skip moves forward by the jump; a time they repeat
 * takes its first occurrence. Null when the spans do not cover it.
 */
export function localMinuteToInstant(spans: readonly OffsetSpan[], local: number): number | null {
  let before: OffsetSpan | undefined
  for (const span of spans) {
    const instant = local - span.offset
    if (instant >= span.from && instant < span.to) {
      return instant
    }
    if (instant >= span.to) {
      before = span
    }
  }
  // In a gap: read the time with the offset in force before the jump, which lands after it.
  return before === undefined ? null : local - before.offset
}
