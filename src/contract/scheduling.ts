import { z } from 'zod'
import { isNamedZone } from '../domain/engagement-time.ts'
import { daysBetween, schedulingLimits as limits } from '../domain/scheduling/limits.ts'
import { placeHelp } from '../domain/scheduling/places.ts'
import { parseClock, weekdayNames } from '../domain/scheduling/working-hours.ts'
import { IsoDay } from './common.ts'

const Clock = z
  .string()
  .refine((text) => parseClock(text) !== null, 'Use a 24-hour time as HH:MM, e.g. 09:00')
  .meta({ example: '09:00' })

const Zone = z
  .string()
  .max(64)
  .refine(isNamedZone, 'Use an IANA time zone, e.g. Europe/Brussels')
  .meta({ example: 'Europe/Brussels' })

const PlaceRef = z.string().min(1, placeHelp).max(64).meta({ description: placeHelp, example: 'TYO' })

const WorkingHoursInput = z
  .object({
    start: Clock.default('09:00'),
    end: Clock.default('18:00'),
    days: z
      .array(z.enum(weekdayNames))
      .min(1, 'Give at least one working day')
      .max(7)
      .default(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']),
  })
  .strict()
  .refine((hours) => (parseClock(hours.start) ?? 0) < (parseClock(hours.end) ?? 0), {
    message: 'Working hours must end after they start, on the same day',
    path: ['end'],
  })
  .meta({ description: 'On the participant’s own clock; default 09:00–18:00, Monday to Friday' })

export const ParticipantInput = z
  .object({
    place: PlaceRef,
    label: z.string().min(1).max(80).optional(),
    workingHours: WorkingHoursInput.optional(),
    daysOff: z
      .array(IsoDay)
      .max(limits.maxDaysOff)
      .default([])
      .meta({ description: 'Local dates off work: national holidays and days off' }),
  })
  .strict()
  .meta({ id: 'SchedulingParticipant' })

const WeightsInput = z
  .object({
    outside: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .meta({ description: 'Cost of a minute outside working hours' }),
    night: z
      .number()
      .min(0)
      .max(100)
      .default(3)
      .meta({ description: 'Cost of such a minute in the night window' }),
    nightStart: Clock.default('22:00'),
    nightEnd: Clock.default('07:00'),
  })
  .strict()
  .meta({ id: 'SchedulingWeights' })

const participants = z
  .array(ParticipantInput)
  .min(1, 'Give at least one participant')
  .max(limits.maxParticipants, `At most ${limits.maxParticipants} participants`)
const duration = z
  .number()
  .int('duration is a whole number of minutes')
  .min(limits.minDurationMinutes, `duration must be at least ${limits.minDurationMinutes} minutes`)
  .max(limits.maxDurationMinutes, `duration must be at most ${limits.maxDurationMinutes} minutes`)
  .meta({ description: 'Minutes' })
const step = z
  .number()
  .int('step is a whole number of minutes')
  .min(limits.minStepMinutes, `step must be at least ${limits.minStepMinutes} minutes`)
  .max(limits.maxStepMinutes, `step must be at most ${limits.maxStepMinutes} minutes`)
  .default(15)
  .meta({ description: 'Minutes between candidate starts' })
const rangeZone = Zone.optional().meta({
  description: 'The clock the dates are read on; default the first participant’s zone',
})

/** Whether the value has fields of these types, for checks that run even when other fields fail. */
function days(value: unknown, from: string, to: string): number | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const start = record[from]
  const end = record[to]
  return typeof start === 'string' &&
    typeof end === 'string' &&
    IsoDay.safeParse(start).success &&
    IsoDay.safeParse(end).success
    ? daysBetween(start, end)
    : null
}

export const SlotSearchRequest = z
  .object({
    participants,
    from: IsoDay.meta({ description: 'First day of the range' }),
    to: IsoDay.meta({ description: 'Last day of the range (inclusive)' }),
    timeZone: rangeZone,
    duration,
    step,
    weights: WeightsInput.optional(),
    limit: z.number().int().min(1).max(limits.maxSlots).default(10),
  })
  .strict()
  .refine((request) => (days(request, 'from', 'to') ?? 0) >= 0, {
    message: 'to must not be before from',
    path: ['to'],
    when: (payload) => days(payload.value, 'from', 'to') !== null,
  })
  .refine((request) => (days(request, 'from', 'to') ?? 0) < limits.maxRangeDays, {
    message: `The range may span at most ${limits.maxRangeDays} days`,
    path: ['to'],
    when: (payload) => days(payload.value, 'from', 'to') !== null,
  })
  .meta({ id: 'SlotSearchRequest' })

export const SeriesRequest = z
  .object({
    participants,
    from: IsoDay.meta({ description: 'First day of the first period' }),
    occurrences: z
      .number()
      .int()
      .min(1)
      .max(limits.maxOccurrences, `At most ${limits.maxOccurrences} occurrences`),
    periodDays: z
      .number()
      .int()
      .min(1)
      .max(limits.maxPeriodDays)
      .default(7)
      .meta({ description: 'Each occurrence falls in its own period of this many days; 7 is weekly' }),
    timeZone: rangeZone,
    duration,
    step,
    weights: WeightsInput.optional(),
  })
  .strict()
  .refine((request) => request.occurrences * request.periodDays <= limits.maxOccurrences * 7, {
    message: `A series may span at most ${limits.maxOccurrences * 7} days (occurrences × periodDays)`,
    path: ['occurrences'],
  })
  .meta({ id: 'SeriesRequest' })

const placeList = z
  .string()
  .max(2000)
  .transform((text) => text.split(',').map((ref) => ref.trim()))
  .pipe(z.array(PlaceRef).min(1).max(limits.maxParticipants, `At most ${limits.maxParticipants} places`))

export const SharedHoursQuery = z
  .object({
    hq: PlaceRef.default('Europe/Brussels'),
    with: placeList.meta({ description: `Comma-separated places. ${placeHelp}`, example: 'AUS,NZL,JPN,KOR' }),
    year: z.coerce.number().int('year is a whole number').min(2000).max(2100),
    office: PlaceRef.optional().meta({ description: 'A candidate office city', example: 'Asia/Tokyo' }),
  })
  .strict()

const PlaceView = z
  .object({
    ref: z.string(),
    kind: z.enum(['zone', 'country', 'city', 'office']),
    name: z.string(),
    zone: z.string(),
  })
  .meta({ id: 'SchedulingPlace' })

const LocalTimeView = z
  .object({
    dateTime: z.string().meta({ example: '2026-03-24T09:00:00+01:00' }),
    local: z.string().meta({ example: '2026-03-24T09:00' }),
    offset: z.string().meta({ example: '+01:00' }),
    weekday: z.enum(weekdayNames),
  })
  .meta({ id: 'LocalTime' })

const BurdenFields = {
  outsideMinutes: z.number().int(),
  nightMinutes: z.number().int(),
  inconvenience: z.number(),
}

const SlotView = z
  .object({
    start: z.string().meta({ description: 'UTC' }),
    end: z.string(),
    inconvenience: z.number().meta({ description: 'Everyone’s inconvenience together' }),
    worst: z.number().meta({ description: 'The largest single participant’s' }),
    participants: z.array(
      z.object({
        label: z.string(),
        zone: z.string(),
        start: LocalTimeView,
        end: LocalTimeView,
        ...BurdenFields,
      }),
    ),
  })
  .meta({ id: 'Slot' })

export const SlotSearchView = z
  .object({
    participants: z.array(PlaceView),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    candidates: z.number().int(),
    slots: z.array(SlotView),
  })
  .meta({ id: 'SlotSearch' })

const Burden = z.object(BurdenFields)

export const SeriesView = z
  .object({
    participants: z.array(PlaceView),
    timeZone: z.string(),
    occurrences: z.array(SlotView),
    naive: z.object({
      weekday: z.string(),
      time: z.string(),
      timeZone: z.string(),
      occurrences: z.array(SlotView),
    }),
    burdens: z.array(z.object({ label: z.string(), zone: z.string(), fair: Burden, naive: Burden })),
    fairWorst: z.number(),
    naiveWorst: z.number(),
  })
  .meta({ id: 'Series' })

const SharedMonthView = z.object({
  month: z.string().meta({ example: '2026-01' }),
  workingDays: z.number().int(),
  minutesPerWorkingDay: z.number().int(),
  minutesPerWorkingDayWithOffice: z.number().int().optional(),
  minutesPerWorkingDayWithEither: z.number().int().optional(),
})

const SharedHoursItemView = z.object({
  ref: z.string(),
  name: z.string(),
  zone: z.string(),
  months: z.array(SharedMonthView),
  hoursPerYear: z.number(),
  hoursPerYearWithOffice: z.number().optional(),
  hoursPerYearWithEither: z.number().optional(),
})

export const SharedHoursView = z
  .object({
    year: z.number().int(),
    hq: PlaceView,
    office: PlaceView.nullable(),
    items: z.array(SharedHoursItemView),
    officeWithHq: SharedHoursItemView.nullable().meta({
      description: 'What the office itself shares with headquarters; null without an office',
    }),
  })
  .meta({ id: 'SharedHours' })

export type SlotSearchRequestBody = z.infer<typeof SlotSearchRequest>
export type SeriesRequestBody = z.infer<typeof SeriesRequest>
export type ParticipantInputBody = z.infer<typeof ParticipantInput>
export type WeightsInputBody = z.infer<typeof WeightsInput>
