import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PartnerDetail, PartnerParams } from '../../contract/partner.ts'
import {
  EventInput,
  EventParams,
  EventPatch,
  PartnerInput,
  PartnerPatch,
} from '../../contract/partner-input.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { createEvent, patchEvent, removeEvent } from './commands/event-commands.ts'
import { createPartner, patchPartner } from './commands/partner-commands.ts'
import { loadPartnerDetail } from './routes.ts'

/**
 * Authoring the registry's partners (issue 11): the profile and the relationship timeline. Every
 * write answers the partner's page as the writer now sees it; an event's own version is in it.
 */
export async function partnerWriteRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['partners']

  api.post(
    '/api/v1/partners',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Record a partner',
        description:
          'Enters the country into the register when it is new, or brings its name, capital and zone up to date.',
        body: PartnerInput,
        response: { 201: PartnerDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const code = await createPartner(db, principal, request.body, clock.now())
      const { version, body } = await loadPartnerDetail(db, principal, code)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/partners/${code}`).send(body)
    },
  )

  api.patch(
    '/api/v1/partners/:code',
    {
      schema: {
        tags,
        summary: 'Change a partner’s profile (If-Match required)',
        params: PartnerParams,
        body: PartnerPatch,
        ...versionedWrite({ 200: PartnerDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      await patchPartner(
        db,
        principal,
        { code: request.params.code, patch: request.body },
        expected,
        clock.now(),
      )
      const { version, body } = await loadPartnerDetail(db, principal, request.params.code)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/partners/:code/events',
    {
      schema: {
        tags,
        summary: 'Add a relationship event to a partner’s timeline',
        description:
          'Answers the partner’s page; the new event is in its timeline, its id in the Location header.',
        params: PartnerParams,
        body: EventInput,
        response: { 201: PartnerDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const { code } = request.params
      const id = await createEvent(db, principal, { code, event: request.body }, clock.now())
      const { body } = await loadPartnerDetail(db, principal, code)
      return reply.code(201).header('location', `/api/v1/partners/${code}/events/${id}`).send(body)
    },
  )

  api.patch(
    '/api/v1/partners/:code/events/:id',
    {
      schema: {
        tags,
        summary: 'Change a relationship event (If-Match: the event’s version)',
        params: EventParams,
        body: EventPatch,
        ...versionedWrite({ 200: PartnerDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      const version = await patchEvent(
        db,
        principal,
        { ...request.params, patch: request.body },
        expected,
        clock.now(),
      )
      const { body } = await loadPartnerDetail(db, principal, request.params.code)
      setEtag(reply, version)
      return body
    },
  )

  api.delete(
    '/api/v1/partners/:code/events/:id',
    {
      schema: {
        tags,
        summary: 'Delete a relationship event (If-Match: the event’s version)',
        params: EventParams,
        ...versionedWrite({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await removeEvent(db, request.principal, request.params, expectedVersion(request), clock.now())
      return reply.code(204).send(null)
    },
  )
}
