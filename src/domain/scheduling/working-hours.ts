/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
export type WeekdayName = (typeof weekdayNames)[number]

/** When a participant works, on their own wall clock. Minutes are minutes after local midnight. */
export interface WorkingHours {
  readonly startMinute: number
  readonly endMinute: number
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  readonly days: readonly number[]
}

export const defaultWorkingHours: WorkingHours = {
  startMinute: 9 * 60,
  endMinute: 18 * 60,
  days: [1, 2, 3, 4, 5],
}

/** Someone taking part: where they are, when they work, and the local dates they do not. */
export interface Participant {
  /** How the caller named them (a zone, a country, a city code or an office). */
  readonly label: string
  readonly zone: string
  readonly workingHours: WorkingHours
  /** Local dates (YYYY-MM-DD) off work: national holidays and days off alike. */
  readonly daysOff: readonly string[]
}

const clock = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after midnight of an "HH:MM" wall-clock time; "24:00" is the end of the day. Null when malformed. */
export function parseClock(text: string): number | null {
  if (text === '24:00') {
    return 24 * 60
  }
  const match = clock.exec(text)
  return match === null ? null : Number(match[1]) * 60 + Number(match[2])
}

export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

export function weekdayNumber(name: string): number | null {
  const index = weekdayNames.indexOf(name as WeekdayName)
  return index < 0 ? null : index + 1
}

/** ISO weekday (1–7) of a day counted from 1970-01-01, which was a Thursday. */
export function weekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/** YYYY-MM-DD of a day counted from 1970-01-01. */
export function dateOfEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export function epochDayOfDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}
