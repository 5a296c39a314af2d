import { SlotSearchRequest } from '../contract/scheduling.ts'
import { publicPrincipal } from '../domain/principal.ts'
import { type CountryPlace, countryCodeOf, type Place, resolvePlace } from '../domain/scheduling/places.ts'
import { toParticipant } from '../domain/scheduling/requests.ts'
import { defaultScoring } from '../domain/scheduling/scoring.ts'
import { type RankedSlot, searchSlots } from '../domain/scheduling/slot-search.ts'
import { presentPlace, presentSlot } from '../server/scheduling/present.ts'
import type { Db } from '../store/database.ts'
import { findSchedulingCountries } from '../store/scheduling-place-store.ts'

export interface ScheduleOptions {
  readonly with?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly duration?: string | undefined
  readonly step?: string | undefined
  readonly limit?: string | undefined
  readonly json?: boolean | undefined
}

/** The flag each field of the request came from, for error messages. */
const flags: Record<string, string> = {
  participants: '--with',
  from: '--from',
  to: '--to',
  duration: '--duration',
  step: '--step',
  limit: '--limit',
}

const wholeNumber = (text: string | undefined) =>
  text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN

/**
 * `liaison schedule`: the best slots for places named by city code (BRU), IANA zone or, with a
 * database, member or partner code (JPN). Returns the text to print, or throws a message for the
 * person at the keyboard.
 */
export async function schedule(
  options: ScheduleOptions,
  openDb: () => Promise<Db>,
  fail: (message: string) => Error,
): Promise<string> {
  if (options.with === undefined || options.from === undefined || options.to === undefined) {
    throw fail(
      'schedule needs --with, --from and --to, e.g. --with BRU,TYO,CBR --from 2026-03-23 --to 2026-04-10',
    )
  }
  const refs = options.with.split(',').map((ref) => ref.trim())
  const notNumbers = (['duration', 'step', 'limit'] as const)
    .filter((name) => Number.isNaN(wholeNumber(options[name])))
    .map((name) => `--${name} must be a whole number, not '${options[name]}'`)
  if (notNumbers.length > 0) {
    throw fail(notNumbers.join('; '))
  }
  const parsed = SlotSearchRequest.safeParse({
    participants: refs.map((place) => ({ place })),
    from: options.from,
    to: options.to,
    duration: wholeNumber(options.duration ?? '60'),
    step: wholeNumber(options.step),
    limit: wholeNumber(options.limit),
  })
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const [field, index] = issue.path
      const where = flags[String(field)] ?? String(field)
      return typeof index === 'number'
        ? `${where} '${refs[index] ?? ''}': ${issue.message}`
        : `${where}: ${issue.message}`
    })
    throw fail(problems.join('; '))
  }
  const request = parsed.data
  const places = await resolveAll(refs, openDb, fail)
  const timeZone = places[0]?.zone ?? 'UTC'
  const result = searchSlots({
    participants: places.map((place) => toParticipant(place)),
    from: request.from,
    to: request.to,
    timeZone,
    durationMinutes: request.duration,
    stepMinutes: request.step,
    scoring: defaultScoring,
    limit: request.limit,
  })
  if (options.json === true) {
    return JSON.stringify(
      {
        participants: places.map(presentPlace),
        timeZone,
        from: request.from,
        to: request.to,
        candidates: result.candidates,
        slots: result.slots.map(presentSlot),
      },
      null,
      2,
    )
  }
  return table(places, timeZone, request, result.candidates, result.slots)
}

async function resolveAll(
  refs: readonly string[],
  openDb: () => Promise<Db>,
  fail: (message: string) => Error,
): Promise<Place[]> {
  const codes = refs.map(countryCodeOf).filter((code): code is string => code !== null)
  let countries = new Map<string, CountryPlace>()
  let hint = ''
  if (codes.length > 0) {
    // Member and partner codes live in the database; cities and zones need none.
    const db = await openDb()
    try {
      countries = await findSchedulingCountries(db, publicPrincipal, codes)
    } catch {
      hint = ` (${db.location} holds no members or partners yet: run 'liaison seed --demo', or pass --db)`
    } finally {
      await db.close()
    }
  }
  const resolved = refs.map((ref) => resolvePlace(ref, countries))
  const problems = resolved.filter((place): place is string => typeof place === 'string')
  if (problems.length > 0) {
    throw fail(`--with: ${problems.join('; ')}${hint}`)
  }
  return resolved.filter((place): place is Place => typeof place !== 'string')
}

function mark(burden: { inconvenience: number; nightMinutes: number }): string {
  return burden.inconvenience === 0 ? ' ' : burden.nightMinutes > 0 ? '!' : '~'
}

function table(
  places: readonly Place[],
  timeZone: string,
  request: { from: string; to: string; duration: number },
  candidates: number,
  slots: readonly RankedSlot[],
): string {
  const width = 17
  const header = ['  #', 'UTC start'.padEnd(17), 'Score', ...places.map((p) => p.ref.padEnd(width))].join(
    '  ',
  )
  const rows = slots.map((slot, i) =>
    [
      String(i + 1).padStart(3),
      slot.start.slice(0, 16).replace('T', ' ').padEnd(17),
      String(slot.inconvenience).padStart(5),
      ...slot.participants.map((p) =>
        `${p.start.weekday} ${p.start.local.slice(5, 10)} ${p.start.local.slice(11)}${mark(p)}`.padEnd(width),
      ),
    ]
      .join('  ')
      .trimEnd(),
  )
  return [
    `Best ${request.duration}-minute slots ${request.from} to ${request.to} (days on the ${timeZone} clock), of ${candidates}:`,
    ...places.map((p) => `  ${p.ref.padEnd(6)} ${p.name} — ${p.zone}`),
    '',
    header,
    ...rows,
    '',
    'Local start times; ~ partly outside working hours (09:00–18:00 Mon–Fri), ! partly at night (22:00–07:00).',
  ].join('\n')
}
