import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import {
  type ParticipantInputBody,
  SeriesRequest,
  SeriesView,
  SharedHoursQuery,
  SharedHoursView,
  SlotSearchRequest,
  SlotSearchView,
} from '../../contract/scheduling.ts'
import type { Principal } from '../../domain/principal.ts'
import { toParticipant, toScoring } from '../../domain/scheduling/requests.ts'
import { planSeries } from '../../domain/scheduling/series.ts'
import { sharedHours } from '../../domain/scheduling/shared-hours.ts'
import { searchSlots } from '../../domain/scheduling/slot-search.ts'
import type { Db } from '../../store/database.ts'
import { presentPlace, presentSeries, presentSharedHours, presentSlot } from './present.ts'
import { requireSignedIn, resolvePlaces } from './resolve.ts'

const tags = ['scheduling']
const errors = { 400: Problem, 401: Problem } as const
const signedInOnly = [{ session: [] }]

/**
 * Meeting planning across zones: slots ranked by inconvenience, fair recurring series, and the
 * working time partners share with headquarters or an office. Pure computation over public facts
 * (zones), but naming who meets is planning work, so it needs a signed-in principal.
 */
export async function schedulingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function participantsOf(principal: Principal, what: string, inputs: readonly ParticipantInputBody[]) {
    const places = await resolvePlaces(
      db,
      principal,
      what,
      inputs.map((input, i) => ({ pointer: `#/participants/${i}/place`, ref: input.place })),
    )
    return { places, participants: places.map((place, i) => toParticipant(place, inputs[i])) }
  }

  api.post(
    '/api/v1/scheduling/slots',
    {
      schema: {
        tags,
        summary: 'Meeting slots ranked by inconvenience',
        description:
          'Every start in the range (dates on the clock of `timeZone`), `step` minutes apart, ranked by the sum of everyone’s minutes outside their working hours (night minutes weigh more), then by the worst single burden, then by time. Each slot gives every participant’s local start and end with offset and weekday.',
        body: SlotSearchRequest,
        response: { 200: SlotSearchView, ...errors },
        security: signedInOnly,
      },
    },
    async (request) => {
      requireSignedIn(request.principal)
      const body = request.body
      const { places, participants } = await participantsOf(
        request.principal,
        'slot search',
        body.participants,
      )
      const timeZone = body.timeZone ?? places[0]?.zone ?? 'UTC'
      const result = searchSlots({
        participants,
        from: body.from,
        to: body.to,
        timeZone,
        durationMinutes: body.duration,
        stepMinutes: body.step,
        scoring: toScoring(body.weights),
        limit: body.limit,
      })
      return {
        participants: places.map(presentPlace),
        timeZone,
        from: body.from,
        to: body.to,
        candidates: result.candidates,
        slots: result.slots.map(presentSlot),
      }
    },
  )

  api.post(
    '/api/v1/scheduling/series',
    {
      schema: {
        tags,
        summary: 'A recurring series that shares the burden fairly',
        description:
          'One slot in each period (e.g. each week) chosen so that the largest participant’s total inconvenience over the series is as small as the search finds; beside it, the one local time every period (on the clock of `timeZone`) that costs everyone together least, with each participant’s burden under both.',
        body: SeriesRequest,
        response: { 200: SeriesView, ...errors },
        security: signedInOnly,
      },
    },
    async (request) => {
      requireSignedIn(request.principal)
      const body = request.body
      const { places, participants } = await participantsOf(request.principal, 'series', body.participants)
      const timeZone = body.timeZone ?? places[0]?.zone ?? 'UTC'
      const series = planSeries({
        participants,
        from: body.from,
        timeZone,
        occurrences: body.occurrences,
        periodDays: body.periodDays,
        durationMinutes: body.duration,
        stepMinutes: body.step,
        scoring: toScoring(body.weights),
      })
      return presentSeries(places, timeZone, series)
    },
  )

  api.get(
    '/api/v1/scheduling/shared-hours',
    {
      schema: {
        tags,
        summary: 'Working time partners share with headquarters, and with a candidate office',
        description:
          'For each place in `with` and each month of `year` (on its own clock): its working days, and the minutes of a working day when it and headquarters both work (09:00–18:00, Monday to Friday); with `office`, the same with an office in that city, and with either. Hours per year sum them up.',
        querystring: SharedHoursQuery,
        response: { 200: SharedHoursView, ...errors },
        security: signedInOnly,
      },
    },
    async (request) => {
      requireSignedIn(request.principal)
      const query = request.query
      const refs = [
        { pointer: '#/hq', ref: query.hq },
        ...(query.office === undefined ? [] : [{ pointer: '#/office', ref: query.office }]),
        ...query.with.map((ref, i) => ({ pointer: `#/with/${i}`, ref })),
      ]
      const places = await resolvePlaces(db, request.principal, 'shared-hours query', refs)
      const [hq, ...rest] = places
      const office = query.office === undefined ? null : (rest.shift() ?? null)
      if (hq === undefined) {
        throw new RangeError('headquarters did not resolve')
      }
      const result = sharedHours({
        hq: toParticipant(hq),
        office: office === null ? undefined : toParticipant(office),
        partners: rest.map((place) => toParticipant(place)),
        year: query.year,
      })
      return presentSharedHours(query.year, hq, office, rest, result)
    },
  )
}
