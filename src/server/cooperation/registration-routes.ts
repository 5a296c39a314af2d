import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  CooperationAttendanceInput,
  CooperationIdParams,
  CooperationRegistrationInput,
  CooperationRegistrationList,
  CooperationRegistrationListQuery,
  CooperationRegistrationView,
} from '../../contract/cooperation.ts'
import type { EventPhase } from '../../domain/cooperation/vocabulary.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking, markingLabel } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import { findVisibleEventDays } from '../../store/cooperation-event-store.ts'
import {
  findVisibleRegistration,
  listVisibleRegistrations,
} from '../../store/cooperation-registration-store.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { csvMediaType, writeCsv } from '../csv.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { phaseAt } from './commands/cooperation-context.ts'
import {
  cancelParticipant,
  recordParticipantAttendance,
  registerParticipant,
} from './commands/registration-commands.ts'
import { presentRegistration } from './present.ts'

const tags = ['cooperation']

/** Participants: registered on a request, listed per event (and as CSV), cancelled, marked present. */
export async function cooperationRegistrationRoutes(
  app: FastifyInstance,
  { db, clock }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function eventPhase(principal: Principal, eventId: string): Promise<EventPhase> {
    const event = await findVisibleEventDays(db.kysely, db.engine, principal, eventId)
    if (event === null) throw new DomainError('not-found', `No cooperation event has the id ${eventId}.`)
    return phaseAt(event, clock.now())
  }

  async function registrationBody(principal: Principal, id: string) {
    const record = await findVisibleRegistration(db.kysely, principal, id)
    if (record === null) throw new DomainError('not-found', `No registration has the id ${id}.`)
    return {
      version: record.version,
      body: presentRegistration(principal, record, await eventPhase(principal, record.eventId)),
    }
  }

  async function participants(
    principal: Principal,
    eventId: string,
    query: z.infer<typeof CooperationRegistrationListQuery>,
  ) {
    const phase = await eventPhase(principal, eventId)
    const { items, total, markings } = await listVisibleRegistrations(
      db.kysely,
      db.engine,
      principal,
      eventId,
      query,
    )
    return { phase, items, total, marking: highestMarking(markings) }
  }

  api.get(
    '/api/v1/cooperation/events/:id/registrations',
    {
      schema: {
        tags,
        summary: 'The participants of an event the caller may see',
        description:
          'A partner sees its own participants, the provider and staff all. Waiting-list positions rank among the rows shown.',
        params: CooperationIdParams,
        querystring: CooperationRegistrationListQuery,
        response: { 200: CooperationRegistrationList, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const { phase, items, total, marking } = await participants(principal, request.params.id, request.query)
      return {
        items: items.map((item) => presentRegistration(principal, item, phase)),
        total,
        marking: presentMarking(marking),
      }
    },
  )

  api.get(
    '/api/v1/cooperation/events/:id/participants.csv',
    {
      schema: {
        tags,
        summary: 'The participants of an event as CSV',
        description:
          'UTF-8 with a byte order mark; one row per participant the caller may see (the same rows as the list), each with the marking of the whole file. Text cells that would start a formula begin with a single quote.',
        params: CooperationIdParams,
        querystring: CooperationRegistrationListQuery.omit({ limit: true, offset: true }),
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'text/csv' }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { items, marking } = await participants(request.principal, request.params.id, {
        ...request.query,
        limit: 10000,
        offset: 0,
      })
      const csv = writeCsv(
        ['partner', 'person', 'nation', 'role', 'status', 'waitlist_position', 'attendance'],
        items.map((item) => [
          item.partner,
          item.personName,
          item.nation,
          item.role,
          item.status,
          item.waitlistPosition,
          item.attendance,
        ]),
        markingLabel(marking),
      )
      return reply
        .type(csvMediaType)
        .header('content-disposition', `attachment; filename="participants-${request.params.id}.csv"`)
        .send(csv)
    },
  )

  api.post(
    '/api/v1/cooperation/requests/:id/registrations',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Register a participant on an approved request (the partner or staff)',
        description:
          'The participant takes a seat while one is free, else joins the waiting list (`status`).',
        params: CooperationIdParams,
        body: CooperationRegistrationInput,
        response: { 201: CooperationRegistrationView, ...createErrors },
      },
    },
    async (request, reply) => {
      const id = await registerParticipant(
        db,
        request.principal,
        { requestId: request.params.id, body: request.body },
        clock.now(),
      )
      const { version, body } = await registrationBody(request.principal, id)
      setEtag(reply, version)
      return reply.code(201).send(body)
    },
  )

  api.post(
    '/api/v1/cooperation/registrations/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a registration (the partner or staff; If-Match required)',
        description:
          'A freed seat goes to the earliest waiting registration of the event, in the same transaction.',
        params: CooperationIdParams,
        ...versionedWrite({ 200: CooperationRegistrationView }),
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request)
      await cancelParticipant(db, request.principal, request.params.id, expected, clock.now())
      const { version, body } = await registrationBody(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/cooperation/registrations/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance (the provider or staff; If-Match required)',
        params: CooperationIdParams,
        body: CooperationAttendanceInput,
        ...versionedWrite({ 200: CooperationRegistrationView }),
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request)
      await recordParticipantAttendance(
        db,
        request.principal,
        { id: request.params.id, body: request.body },
        expected,
        clock.now(),
      )
      const { version, body } = await registrationBody(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )
}
