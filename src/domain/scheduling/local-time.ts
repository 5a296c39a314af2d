import { DateTime } from 'luxon'
import { type WeekdayName, weekdayNames } from './working-hours.ts'

/** A moment as someone in a zone reads it on their clock. */
export interface LocalTime {
  /** ISO 8601 with the offset, e.g. 2026-03-24T09:00:00+01:00. */
  readonly dateTime: string
  /** Wall-clock date and time, e.g. 2026-03-24T09:00. */
  readonly local: string
  readonly offset: string
  readonly weekday: WeekdayName
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const magnitude = Math.abs(minutes)
  return `${sign}${String(Math.floor(magnitude / 60)).padStart(2, '0')}:${String(magnitude % 60).padStart(2, '0')}`
}

export function localTimeAt(minute: number, zone: string): LocalTime {
  const moment = DateTime.fromMillis(minute * 60_000, { zone })
  const offset = formatOffset(moment.offset)
  const local = moment.toFormat("yyyy-MM-dd'T'HH:mm")
  return {
    dateTime: `${local}:00${offset}`,
    local,
    offset,
    weekday: weekdayNames[moment.weekday - 1] ?? 'Mon',
  }
}

export function utcIso(minute: number): string {
  return new Date(minute * 60_000).toISOString().replace('.000Z', 'Z')
}
