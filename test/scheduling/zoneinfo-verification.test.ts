import { describe, expect, it } from 'vitest'
import { localTimeAt } from '../../src/domain/scheduling/local-time.ts'
import { type Place, resolvePlace } from '../../src/domain/scheduling/places.ts'
import { defaultScoring, type Scoring } from '../../src/domain/scheduling/scoring.ts'
import { planSeries } from '../../src/domain/scheduling/series.ts'
import { sharedHours } from '../../src/domain/scheduling/shared-hours.ts'
import { type SlotSearch, searchSlots } from '../../src/domain/scheduling/slot-search.ts'
import {
  defaultWorkingHours,
  epochDayOfDate,
  type Participant,
} from '../../src/domain/scheduling/working-hours.ts'
import { offsetSpans } from '../../src/domain/scheduling/zone-offsets.ts'
import {
  askZoneinfo,
  type PyAnswer,
  type PyParticipant,
  type PyScoring,
  type PySearch,
} from '../support/zoneinfo.ts'

/**
 * Every local time, offset change and slot ranking of the scheduling domain, checked against
 * Python's zoneinfo (an independent implementation over Debian's tz database) for 2025–2027.
 */

/** The five capitals of the issue, and zones with unusual offsets or changes to stress the ticks. */
const ip4AndHq = ['Europe/Brussels', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Seoul']
const unusual = [
  'America/New_York',
  'Australia/Lord_Howe', // half-hour daylight saving
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // −03:30 with daylight saving
  'Pacific/Kiritimati', // +14, the far side of the date line
]
const zones = [...ip4AndHq, ...unusual]
const from2025 = epochDayOfDate('2025-01-01') * 1440
const from2028 = epochDayOfDate('2028-01-01') * 1440

const participant = (zone: string, extra: Partial<Participant> = {}): Participant => ({
  label: zone,
  zone,
  workingHours: defaultWorkingHours,
  daysOff: [],
  ...extra,
})
const toPy = (p: Participant): PyParticipant => ({
  zone: p.zone,
  start: p.workingHours.startMinute,
  end: p.workingHours.endMinute,
  days: p.workingHours.days,
  daysOff: p.daysOff,
})
const pyScoring = (s: Scoring): PyScoring => ({
  outside: s.outside,
  night: s.night,
  nightStart: s.nightStartMinute,
  nightEnd: s.nightEndMinute,
})
const dayOf = (minute: number) => new Date(minute * 60_000).toISOString().slice(0, 10)
const shiftDay = (date: string, days: number) => dayOf((epochDayOfDate(date) + days) * 1440)

const transitions = askZoneinfo({ transitions: { zones, start: from2025, end: from2028 } }).transitions ?? {}
const allChanges = Object.entries(transitions).flatMap(([zone, list]) => list.map((t) => ({ zone, ...t })))

function toPySearch(search: SlotSearch): PySearch {
  return {
    participants: search.participants.map(toPy),
    from: search.from,
    to: search.to,
    timeZone: search.timeZone,
    duration: search.durationMinutes,
    step: search.stepMinutes,
    scoring: pyScoring(search.scoring),
    limit: search.limit,
  }
}

/** Runs the search here and expects Python's ranking and local times (asked now, or given). */
function expectSameSearch(search: SlotSearch, given?: NonNullable<PyAnswer['searches']>[number]): void {
  const ours = searchSlots(search)
  const theirs = given ?? askZoneinfo({ searches: [toPySearch(search)] }).searches?.[0]
  expect(ours.candidates).toBe(theirs?.candidates)
  expect(
    ours.slots.map((slot) => ({
      startMinute: Date.parse(slot.start) / 60_000,
      inconvenience: slot.inconvenience,
      worst: slot.worst,
      participants: slot.participants.map((p) => ({
        outsideMinutes: p.outsideMinutes,
        nightMinutes: p.nightMinutes,
        inconvenience: p.inconvenience,
        start: { local: p.start.local, offset: p.start.offset, weekday: p.start.weekday },
        end: { local: p.end.local, offset: p.end.offset, weekday: p.end.weekday },
      })),
    })),
  ).toEqual(theirs?.top)
  for (const slot of ours.slots) {
    for (const p of slot.participants) {
      expect(p.start.dateTime).toBe(`${p.start.local}:00${p.start.offset}`)
    }
  }
}

/** A two-day search around each change, with the five capitals and the changing zone. */
const changeSearches = allChanges.map((change) => {
  const day = dayOf(change.minute)
  const places = ip4AndHq.includes(change.zone) ? ip4AndHq : [...ip4AndHq, change.zone]
  const search: SlotSearch = {
    participants: places.map((z) => participant(z)),
    from: shiftDay(day, -1),
    to: day,
    timeZone: 'UTC',
    durationMinutes: 60,
    stepMinutes: 15,
    scoring: defaultScoring,
    limit: 8,
  }
  return { label: change.zone, day, search }
})
// One Python run for all of them: starting Python is the slow part on a loaded machine.
const changeAnswers =
  askZoneinfo({ searches: changeSearches.map((c) => toPySearch(c.search)) }).searches ?? []

describe('scheduling against Python zoneinfo, 2025–2027', () => {
  it('sees the daylight-saving changes zoneinfo sees', () => {
    // Tokyo, Seoul, Kathmandu and Kiritimati keep one offset; the others change twice a year.
    expect(allChanges.length).toBe(7 * 6)
    for (const zone of zones) {
      const spans = offsetSpans(zone, from2025, from2028)
      const ours = spans.slice(1).map((span, i) => ({
        minute: span.from,
        before: spans[i]?.offset,
        after: span.offset,
      }))
      expect({ zone, changes: ours }).toEqual({ zone, changes: transitions[zone] })
    }
  })

  it('reads every zone’s clock around every change as zoneinfo does', () => {
    const instants = allChanges.flatMap((change) => [
      change.minute - 1,
      change.minute + 1,
      ...Array.from({ length: 25 }, (_, i) => change.minute - 180 + i * 15),
    ])
    const asked = zones.flatMap((zone) => instants.map((minute) => [zone, minute] as const))
    const theirs = askZoneinfo({ localTimes: asked }).localTimes ?? []
    expect(theirs).toHaveLength(asked.length)
    const ours = asked.map(([zone, minute]) => {
      const { local, offset, weekday } = localTimeAt(minute, zone)
      return { local, offset, weekday }
    })
    expect(ours).toEqual(theirs)
  })

  it.each(changeSearches.map((search, i) => [search.label, search.day, i]))(
    'ranks slots around the change of %s on %s as a minute-by-minute count does',
    (_zone, _day, i) => {
      const search = changeSearches[i]
      expect(search).toBeDefined()
      if (search !== undefined) {
        expectSameSearch(search.search, changeAnswers[i])
      }
    },
  )

  it('agrees on the top slot and everyone’s local time for Brussels, Tokyo, Canberra, Wellington and Seoul in the week Europe changes (March 2026)', () => {
    const places = ['BRU', 'TYO', 'CBR', 'WLG', 'SEL'].map((code) => resolvePlace(code, new Map()) as Place)
    expect(places.map((p) => p.zone)).toEqual(ip4AndHq)
    const search: SlotSearch = {
      participants: places.map((p) => participant(p.zone, { label: p.ref })),
      from: '2026-03-23',
      to: '2026-03-29',
      timeZone: 'Europe/Brussels',
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
      limit: 10,
    }
    expectSameSearch(search)
    const [top] = searchSlots(search).slots
    // Named here too, so a change that moved both implementations alike would still show.
    expect(
      top?.participants.map((p) => `${p.label} ${p.start.weekday} ${p.start.local}${p.start.offset}`),
    ).toEqual([
      'BRU Mon 2026-03-23T07:00+01:00',
      'TYO Mon 2026-03-23T15:00+09:00',
      'CBR Mon 2026-03-23T17:00+11:00',
      'WLG Mon 2026-03-23T19:00+13:00',
      'SEL Mon 2026-03-23T15:00+09:00',
    ])
  })

  it('agrees with holidays, other working hours and other weights across both March–April changes', () => {
    expectSameSearch({
      participants: [
        participant('Europe/Brussels', { daysOff: ['2026-04-06'] }),
        participant('Asia/Tokyo', {
          workingHours: { startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 15, days: [1, 2, 3, 4, 5] },
        }),
        participant('Australia/Sydney', { daysOff: ['2026-04-03', '2026-04-06'] }),
        participant('Pacific/Auckland', { daysOff: ['2026-04-03', '2026-04-06'] }),
        participant('Asia/Seoul', {
          workingHours: { startMinute: 9 * 60, endMinute: 18 * 60, days: [1, 2, 3, 4, 5, 6] },
        }),
      ],
      from: '2026-03-23',
      to: '2026-04-10',
      timeZone: 'Europe/Brussels',
      durationMinutes: 90,
      stepMinutes: 5,
      scoring: { outside: 2, night: 5, nightStartMinute: 23 * 60, nightEndMinute: 6 * 60 },
      limit: 20,
    })
  })

  it('gives every occurrence of a fair weekly series, and of the naive one, the local times and burdens zoneinfo gives', () => {
    const participants = ip4AndHq.map((zone) => participant(zone))
    const series = planSeries({
      participants,
      from: '2026-01-05',
      timeZone: 'Europe/Brussels',
      occurrences: 52,
      periodDays: 7,
      durationMinutes: 60,
      stepMinutes: 15,
      scoring: defaultScoring,
    })
    const slots = [...series.occurrences, ...series.naive.occurrences]
    const theirs =
      askZoneinfo({
        slotBurdens: {
          participants: participants.map(toPy),
          starts: slots.map((slot) => Date.parse(slot.start) / 60_000),
          duration: 60,
          scoring: pyScoring(defaultScoring),
        },
      }).slotBurdens ?? []
    expect(
      slots.map((slot) =>
        slot.participants.map((p) => ({
          outsideMinutes: p.outsideMinutes,
          nightMinutes: p.nightMinutes,
          inconvenience: p.inconvenience,
          start: { local: p.start.local, offset: p.start.offset, weekday: p.start.weekday },
          end: { local: p.end.local, offset: p.end.offset, weekday: p.end.weekday },
        })),
      ),
    ).toEqual(theirs)
    // The naive series keeps one Brussels wall-clock time all year, across both changes.
    const naiveBrussels = new Set(
      series.naive.occurrences.map((slot) => slot.participants[0]?.start.local.slice(11)),
    )
    expect([...naiveBrussels]).toEqual([series.naive.time])
  })

  it('counts shared working minutes per month as zoneinfo does, and answers the office question', () => {
    const partners = ['Australia/Sydney', 'Pacific/Auckland', 'Asia/Tokyo', 'Asia/Seoul'].map((z) =>
      participant(z),
    )
    const hq = participant('Europe/Brussels')
    const office = participant('Asia/Tokyo')
    const ours = sharedHours({ hq, partners, office, year: 2026 })
    const check = (
      their: ReturnType<typeof askZoneinfo>['shared'],
      key: 'minutesPerWorkingDay' | 'minutesPerWorkingDayWithOffice',
      hoursKey: 'hoursPerYear' | 'hoursPerYearWithOffice',
    ) => {
      expect(
        ours.items.map((item) => ({
          zone: item.zone,
          months: Object.fromEntries(
            item.months.map((m) => [m.month, { workingDays: m.workingDays, minutesPerWorkingDay: m[key] }]),
          ),
          hoursPerYear: item[hoursKey],
        })),
      ).toEqual(their)
    }
    check(
      askZoneinfo({ shared: { hq: toPy(hq), partners: partners.map(toPy), year: 2026 } }).shared,
      'minutesPerWorkingDay',
      'hoursPerYear',
    )
    check(
      askZoneinfo({ shared: { hq: toPy(office), partners: partners.map(toPy), year: 2026 } }).shared,
      'minutesPerWorkingDayWithOffice',
      'hoursPerYearWithOffice',
    )
    const january = (zone: string) => ours.items.find((item) => item.zone === zone)?.months[0]
    expect(january('Pacific/Auckland')?.minutesPerWorkingDay).toBe(0)
    expect(january('Australia/Sydney')?.minutesPerWorkingDay).toBe(0)
    expect(january('Australia/Sydney')?.minutesPerWorkingDayWithOffice).toBeGreaterThan(0)
  })
})
