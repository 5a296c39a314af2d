import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import {
  CooperationEventDetail,
  CooperationEventInput,
  CooperationEventList,
  CooperationEventListQuery,
  CooperationEventPatch,
  CooperationIdParams,
  CooperationItemDetail,
  CooperationItemInput,
  CooperationItemList,
  CooperationItemListQuery,
  CooperationItemPatch,
} from '../../contract/cooperation.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import { findVisibleEvent, listVisibleEvents } from '../../store/cooperation-event-store.ts'
import { findVisibleItem, listVisibleItems } from '../../store/cooperation-item-store.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { createEvent, createItem, patchEvent, patchItem } from './commands/catalogue-commands.ts'
import { presentEvent, presentItem } from './present.ts'

const tags = ['cooperation']

/** The catalogue: items and their events, read by everyone they are visible to, kept by staff. */
export async function cooperationCatalogueRoutes(
  app: FastifyInstance,
  { db, clock }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function itemDetail(principal: Principal, id: string) {
    const record = await findVisibleItem(db.kysely, principal, id)
    if (record === null) throw new DomainError('not-found', `No cooperation item has the id ${id}.`)
    return {
      version: record.version,
      body: { ...presentItem(principal, record), pageMarking: presentMarking(record.marking) },
    }
  }

  async function eventDetail(principal: Principal, id: string) {
    const record = await findVisibleEvent(db.kysely, db.engine, principal, id)
    if (record === null) throw new DomainError('not-found', `No cooperation event has the id ${id}.`)
    return {
      version: record.version,
      body: {
        ...presentEvent(principal, record, clock.now()),
        pageMarking: presentMarking(highestMarking([record.marking, ...record.linkMarkings])),
      },
    }
  }

  api.get(
    '/api/v1/cooperation/items',
    {
      schema: {
        tags,
        summary: 'Search the cooperation menu',
        description:
          'Items the caller may see: alliance users every item within their clearance, a partner the items it is eligible for. `q` matches words of the code, title and description.',
        querystring: CooperationItemListQuery,
        response: { 200: CooperationItemList, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const { items, total, markings } = await listVisibleItems(
        db.kysely,
        db.engine,
        principal,
        request.query,
      )
      return {
        items: items.map((item) => presentItem(principal, item)),
        total,
        marking: presentMarking(highestMarking(markings)),
      }
    },
  )

  api.get(
    '/api/v1/cooperation/items/:id',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Get a cooperation item',
        params: CooperationIdParams,
        response: { 200: CooperationItemDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await itemDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/cooperation/items',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Add an item to the cooperation menu (staff)',
        body: CooperationItemInput,
        response: { 201: CooperationItemDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const id = await createItem(db, request.principal, request.body, clock.now())
      const { version, body } = await itemDetail(request.principal, id)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/cooperation/items/${id}`).send(body)
    },
  )

  api.patch(
    '/api/v1/cooperation/items/:id',
    {
      schema: {
        tags,
        summary: 'Change a cooperation item (staff; If-Match required)',
        params: CooperationIdParams,
        body: CooperationItemPatch,
        ...versionedWrite({ 200: CooperationItemDetail }),
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request)
      await patchItem(
        db,
        request.principal,
        { id: request.params.id, patch: request.body },
        expected,
        clock.now(),
      )
      const { version, body } = await itemDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.get(
    '/api/v1/cooperation/events',
    {
      schema: {
        tags,
        summary: 'List events of cooperation items',
        description:
          'Events of the items the caller may see, by first day. `upcoming=true` keeps those not yet finished (alliance day). `registered` and `waitlisted` count only the registrations the caller may see.',
        querystring: CooperationEventListQuery,
        response: { 200: CooperationEventList, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const { upcoming, ...rest } = request.query
      const { items, total, markings } = await listVisibleEvents(db.kysely, db.engine, principal, {
        ...rest,
        notEndedBefore: upcoming === true ? clock.today() : undefined,
      })
      const now = clock.now()
      return {
        items: items.map((item) => presentEvent(principal, item, now)),
        total,
        marking: presentMarking(highestMarking(markings)),
      }
    },
  )

  api.get(
    '/api/v1/cooperation/events/:id',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Get a cooperation event',
        params: CooperationIdParams,
        response: { 200: CooperationEventDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await eventDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/cooperation/events',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Schedule an event of an item (staff)',
        body: CooperationEventInput,
        response: { 201: CooperationEventDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const id = await createEvent(db, request.principal, request.body, clock.now())
      const { version, body } = await eventDetail(request.principal, id)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/cooperation/events/${id}`).send(body)
    },
  )

  api.patch(
    '/api/v1/cooperation/events/:id',
    {
      schema: {
        tags,
        summary: 'Change or cancel an event (staff; If-Match required)',
        params: CooperationIdParams,
        body: CooperationEventPatch,
        ...versionedWrite({ 200: CooperationEventDetail }),
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request)
      await patchEvent(
        db,
        request.principal,
        { id: request.params.id, patch: request.body },
        expected,
        clock.now(),
      )
      const { version, body } = await eventDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )
}
