import { defaultScoring } from './scoring.ts'
import {
  classifyTicks,
  clockBoundaries,
  localDays,
  spanBoundaries,
  type TickGrid,
  tickDividing,
  working,
} from './tick-grid.ts'
import { dateOfEpochDay, epochDayOfDate, type Participant } from './working-hours.ts'
import { offsetSpans } from './zone-offsets.ts'

export interface SharedHoursQuery {
  readonly hq: Participant
  readonly partners: readonly Participant[]
  /** A candidate liaison office, whose staff keep the working hours of its city. */
  readonly office?: Participant | undefined
  readonly year: number
}

export interface SharedMonth {
  /** YYYY-MM, on the partner's clock. */
  readonly month: string
  /** The partner's working days in the month. */
  readonly workingDays: number
  /** Minutes of a working day, on average over the month, when the partner and headquarters both work. */
  readonly minutesPerWorkingDay: number
  /** The same with the office instead of headquarters; absent without an office. */
  readonly minutesPerWorkingDayWithOffice?: number
  /** Minutes when the partner can reach headquarters or the office; absent without an office. */
  readonly minutesPerWorkingDayWithEither?: number
}

export interface SharedHoursItem {
  readonly label: string
  readonly zone: string
  readonly months: readonly SharedMonth[]
  readonly hoursPerYear: number
  readonly hoursPerYearWithOffice?: number
  readonly hoursPerYearWithEither?: number
}

export interface SharedHoursResult {
  readonly items: readonly SharedHoursItem[]
  /** How much the office itself shares with headquarters, month by month; absent without an office. */
  readonly office?: SharedHoursItem
}

interface Counted {
  readonly shared: Map<string, number>
  readonly workingDays: Map<string, number>
}

/**
 * Working time each partner shares with headquarters (and with a candidate office), month by month
 * on the partner's clock: how many minutes of a working day a call can be held in everyone's
 * working hours, and how many hours that makes in the year.
 */
export function sharedHours(query: SharedHoursQuery): SharedHoursResult {
  const { year, office } = query
  const others = office === undefined ? [query.hq] : [query.hq, office]
  // A day either side: the partners' years begin and end at their own midnights.
  const from = epochDayOfDate(`${year}-01-01`) * 1440 - 1440
  const to = epochDayOfDate(`${year + 1}-01-01`) * 1440 + 1440
  const everyone = [...others, ...query.partners]
  const spans = everyone.map((p) => offsetSpans(p.zone, from, to))
  const tick = tickDividing([
    ...clockBoundaries(everyone, defaultScoring),
    ...spans.flatMap((zoneSpans) => spanBoundaries(from, zoneSpans)),
  ])
  const grid: TickGrid = { from, tick, length: Math.ceil((to - from) / tick) }
  const kinds = everyone.map((p, i) => classifyTicks(p, defaultScoring, grid, spans[i] ?? []))
  const [hqKinds, officeKinds] = kinds
  if (hqKinds === undefined) {
    throw new RangeError('no headquarters')
  }
  const yearPrefix = String(year)
  const item = (index: number, participant: Participant): SharedHoursItem => {
    const own = kinds[index] ?? new Uint8Array(0)
    const days = localDays(grid, spans[index] ?? [])
    const withHq = count(own, days, grid, yearPrefix, (i) => hqKinds[i] === working)
    if (officeKinds === undefined || index === 1) {
      return {
        label: participant.label,
        zone: participant.zone,
        months: [...withHq.workingDays].map(([month, workingDays]) => ({
          month,
          workingDays,
          minutesPerWorkingDay: perDay(withHq.shared.get(month), workingDays),
        })),
        hoursPerYear: hours(withHq),
      }
    }
    const withOffice = count(own, days, grid, yearPrefix, (i) => officeKinds[i] === working)
    const withEither = count(
      own,
      days,
      grid,
      yearPrefix,
      (i) => hqKinds[i] === working || officeKinds[i] === working,
    )
    return {
      label: participant.label,
      zone: participant.zone,
      months: [...withHq.workingDays].map(([month, workingDays]) => ({
        month,
        workingDays,
        minutesPerWorkingDay: perDay(withHq.shared.get(month), workingDays),
        minutesPerWorkingDayWithOffice: perDay(withOffice.shared.get(month), workingDays),
        minutesPerWorkingDayWithEither: perDay(withEither.shared.get(month), workingDays),
      })),
      hoursPerYear: hours(withHq),
      hoursPerYearWithOffice: hours(withOffice),
      hoursPerYearWithEither: hours(withEither),
    }
  }
  const items = query.partners.map((partner, i) => item(others.length + i, partner))
  return office === undefined ? { items } : { items, office: item(1, office) }
}

/** Shared working minutes and working days of one participant, per month of its own clock. */
function count(
  own: Uint8Array,
  days: Int32Array,
  grid: TickGrid,
  yearPrefix: string,
  otherWorks: (tick: number) => boolean,
): Counted {
  const shared = new Map<string, number>()
  const workingDays = new Map<string, number>()
  for (let month = 1; month <= 12; month++) {
    const key = `${yearPrefix}-${String(month).padStart(2, '0')}`
    shared.set(key, 0)
    workingDays.set(key, 0)
  }
  let lastWorkingDay = Number.NaN
  let month = ''
  let monthDay = Number.NaN
  for (let i = 0; i < grid.length; i++) {
    if (own[i] !== working) {
      continue
    }
    const day = days[i] ?? 0
    if (day !== monthDay) {
      monthDay = day
      month = dateOfEpochDay(day).slice(0, 7)
    }
    if (!shared.has(month)) {
      continue
    }
    if (day !== lastWorkingDay) {
      lastWorkingDay = day
      workingDays.set(month, (workingDays.get(month) ?? 0) + 1)
    }
    if (otherWorks(i)) {
      shared.set(month, (shared.get(month) ?? 0) + grid.tick)
    }
  }
  return { shared, workingDays }
}

function perDay(minutes: number | undefined, workingDays: number): number {
  return workingDays === 0 ? 0 : Math.round((minutes ?? 0) / workingDays)
}

function hours(counted: Counted): number {
  let minutes = 0
  for (const value of counted.shared.values()) minutes += value
  return Math.round((minutes / 60) * 10) / 10
}
