import { DateTime } from 'luxon'
import { highestMarking, type Marking, markingLabel } from '../../domain/marking.ts'
import { defaultLocale } from '../../i18n/locale.ts'
import type { Feed, FeedEngagement } from '../../store/engagement-calendar-store.ts'
import { engagementLabels } from '../engagements/labels.ts'
import { vtimezoneLines } from './vtimezone.ts'

/**
 * What TEXT values (RFC 5545 §3.3.11) turn into: the escaped characters, and every line break (CRLF,
 * a lone CR or LF, the Unicode line and paragraph separators) as the escape \n. A raw CR or LF would
 * end the property, and what follows would be read as a property of its own (an injected ATTENDEE).
 */
const escapes: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  ';': '\\;',
  ',': '\\,',
  '\r\n': '\\n',
  '\r': '\\n',
  '\n': '\\n',
  '\u2028': '\\n',
  '\u2029': '\\n',
}

/** Line breaks, escaped characters and the other control characters (TEXT allows only TAB). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const unsafe = /\r\n|[\\;,\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g

/** One TEXT value for a content line: escaped, line breaks as \n, other controls dropped. */
function text(value: string): string {
  return value.replace(unsafe, (match) => escapes[match] ?? '')
}

/** UTF-8 length of one code point, without encoding it. */
function utf8Bytes(char: string): number {
  const code = char.codePointAt(0) ?? 0
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
}

/** Folds a content line at 75 octets (§3.1), never inside a multi-byte character. */
function fold(line: string): string {
  // Most lines are short ASCII: a length check settles them without counting bytes.
  if (line.length <= 25 || (line.length <= 75 && Buffer.byteLength(line) <= 75)) {
    return line
  }
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const bytes = utf8Bytes(char)
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += char
    size += bytes
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** 2026-11-27T12:00:00.000Z → 20261127T120000Z (string work: this runs for every event of a feed). */
function utcStamp(iso: string): string {
  return `${iso.slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`
}

function localDate(day: string): string {
  return day.replaceAll('-', '')
}

function localDateTime(local: string): string {
  return `${local.replaceAll('-', '').replace(':', '')}00`
}

function nextDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toFormat('yyyyMMdd')
}

/**
 * A subscribed calendar program sends no language cookie and seldom a useful Accept-Language, so the
 * feed is written in English, the alliance's working language, like its marking lines.
 */
const labels = engagementLabels(defaultLocale)

/** Appends one VEVENT's folded lines to `out`. */
function writeEvent(out: string[], engagement: FeedEngagement, host: string, stamp: string): void {
  const { timing } = engagement
  const marking = eventMarking(engagement)
  const description = [
    markingLabel(marking),
    `${labels.kind[engagement.kind]} · ${labels.level[engagement.level]}`,
    engagement.countries.length > 0 ? `Participants: ${engagement.countries.join(', ')}` : '',
    engagement.summary,
  ]
    .filter((line) => line !== '')
    .join('\n')
  out.push('BEGIN:VEVENT', fold(`UID:${engagement.id}@${host}`), `DTSTAMP:${stamp}`)
  out.push(`LAST-MODIFIED:${utcStamp(engagement.updatedAt)}`, `SEQUENCE:${engagement.version - 1}`)
  if (timing.allDay) {
    out.push(`DTSTART;VALUE=DATE:${localDate(timing.start)}`, `DTEND;VALUE=DATE:${nextDay(timing.end)}`)
  } else {
    out.push(
      fold(`DTSTART;TZID=${timing.timeZone}:${localDateTime(timing.start)}`),
      fold(`DTEND;TZID=${timing.timeZone}:${localDateTime(timing.end)}`),
    )
  }
  out.push(
    fold(`SUMMARY:${text(engagement.title)}`),
    fold(`LOCATION:${text(engagement.place)}`),
    fold(`DESCRIPTION:${text(description)}`),
    fold(`CATEGORIES:${text(labels.kind[engagement.kind])}`),
    `CLASS:${marking.classification === 'PUBLIC' ? 'PUBLIC' : 'CONFIDENTIAL'}`,
    'END:VEVENT',
  )
}

/** An event's marking: the engagement's and that of every participation it shows. */
function eventMarking(engagement: FeedEngagement): Marking {
  return highestMarking([engagement.marking, ...engagement.participationMarkings])
}

/**
 * An iCalendar (RFC 5545) calendar of engagements. The calendar's banner (X-LIAISON-MARKING, and
 * X-WR-CALDESC for calendar programs to show) is the highest marking of every event and of the
 * memberships that put an event in the feed. Timed events carry their place's named zone
 * (DTSTART;TZID=Europe/Madrid) with a VTIMEZONE for each zone used; all-day events are dates.
 */
export function engagementCalendar(name: string, feed: Feed, host: string, now: Date): string {
  const { engagements } = feed
  const banner = markingLabel(highestMarking([...engagements.map(eventMarking), ...feed.scopeMarkings]))
  let firstYear = Number.POSITIVE_INFINITY
  let lastYear = Number.NEGATIVE_INFINITY
  const zones = new Set<string>()
  for (const { timing } of engagements) {
    if (!timing.allDay) {
      zones.add(timing.timeZone)
      firstYear = Math.min(firstYear, Number(timing.start.slice(0, 4)))
      lastYear = Math.max(lastYear, Number(timing.end.slice(0, 4)))
    }
  }
  const out = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Liaison//Engagements//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    fold(`X-WR-CALNAME:${text(name)}`),
    fold(`X-WR-CALDESC:${text(banner)}`),
    fold(`X-LIAISON-MARKING:${text(banner)}`),
  ]
  for (const zone of [...zones].sort()) {
    out.push(...vtimezoneLines(zone, firstYear, lastYear))
  }
  const stamp = utcStamp(now.toISOString())
  for (const engagement of engagements) {
    writeEvent(out, engagement, host, stamp)
  }
  out.push('END:VCALENDAR')
  return `${out.join('\r\n')}\r\n`
}
