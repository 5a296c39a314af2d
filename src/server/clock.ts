import { allianceHomeZone, dayInZone } from '../domain/calendar-day.ts'

/**
 * The server's one clock: the instant, and the calendar day in a zone (the alliance's home zone
 * unless one is given). The domain and the store take no clock; routes and commands read it here
 * and pass the instant or the day on. Its members are plain functions, safe to destructure.
 */
export interface Clock {
  readonly now: () => Date
  /** Today (YYYY-MM-DD) in `zone`, by default the clock's zone. */
  readonly today: (zone?: string) => string
}

/** A clock over `now` whose days are reckoned in `zone` (checked here, so a bad setting fails at start). */
export function clockOf(now: () => Date, zone: string = allianceHomeZone): Clock {
  dayInZone(now(), zone)
  return { now, today: (inZone = zone) => dayInZone(now(), inZone) }
}

/** The machine's clock. */
export function systemClock(zone: string = allianceHomeZone): Clock {
  return clockOf(() => new Date(), zone)
}
