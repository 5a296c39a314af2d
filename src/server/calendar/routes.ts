import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  AllFeedParams,
  CalendarFeedCreated,
  CalendarFeedStatus,
  FrameworkFeedParams,
  PartnerFeedParams,
} from '../../contract/engagement-calendar.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Db } from '../../store/database.ts'
import {
  findFeedCreatedAt,
  findFeedPrincipal,
  listFeedEngagements,
} from '../../store/engagement-calendar-store.ts'
import { engagementDataVersion } from '../../store/engagement-data-version.ts'
import { visibilityShape } from '../../store/visibility.ts'
import type { Clock } from '../clock.ts'
import { resolveScope } from '../engagements/analytics-routes.ts'
import { FeedCache } from './feed-cache.ts'
import { revokeFeedToken, rotateFeedToken, signedInUser } from './feed-commands.ts'
import { engagementCalendar } from './ical.ts'

const tags = ['calendar']
const feedHost = 'liaison.calendar'
const feedDescription =
  'text/calendar (RFC 5545), with an ETag. X-LIAISON-MARKING (and X-WR-CALDESC) is the highest marking of everything in the feed; each event is marked in its DESCRIPTION and CLASS.'

/**
 * Calendar feeds: each user has one secret feed token (kept only as a hash). Calendar programs fetch
 * the feed without a session, so the token stands for the user, and the feed shows exactly what
 * that user may see.
 */
export async function calendarRoutes(app: FastifyInstance, { db, clock: { now } }: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const feeds = new FeedCache()

  api.get(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether you have a calendar feed URL',
        response: { 200: CalendarFeedStatus, 401: Problem },
      },
    },
    async (request) => {
      const createdAt = await findFeedCreatedAt(db, signedInUser(request.principal))
      return { active: createdAt !== null, createdAt }
    },
  )

  api.post(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Create or rotate your secret calendar feed URL',
        description: 'The token is shown once. Rotating it makes the previous URLs stop working.',
        response: { 201: CalendarFeedCreated, 401: Problem },
      },
    },
    async (request, reply) => {
      const at = now()
      const token = await rotateFeedToken(db, request.principal, at)
      return reply.code(201).send({
        token,
        createdAt: at.toISOString(),
        partnerUrlTemplate: `/api/v1/calendar/${token}/partners/{code}.ics`,
        frameworkUrlTemplate: `/api/v1/calendar/${token}/frameworks/{id}.ics`,
        allUrl: `/api/v1/calendar/${token}/all.ics`,
      })
    },
  )

  api.delete(
    '/api/v1/calendar-feed',
    { schema: { tags, summary: 'Revoke your calendar feed URL', response: { 204: z.null(), 401: Problem } } },
    async (request, reply) => {
      await revokeFeedToken(db, request.principal, now())
      return reply.code(204).send(null)
    },
  )

  async function feed(token: string, query: { partner?: string; framework?: string }) {
    const principal = await findFeedPrincipal(db, token)
    if (principal === null) {
      throw new DomainError('not-found', 'No calendar feed has this address. It may have been rotated.')
    }
    const { scope, id, name, marking } =
      query.partner === undefined && query.framework === undefined
        ? { scope: { kind: 'all' } as const, id: 'all', name: 'everything you may see', marking: null }
        : await resolveScope(db, principal, query)
    const key = `${visibilityShape(principal)}\n${scope.kind}:${id}\n${name}`
    // Read before the data: a write in between leaves an entry newer than its version, so the next
    // request rebuilds it; never the other way round.
    const version = await engagementDataVersion(db)
    const cached = feeds.get(key, version)
    if (cached !== undefined) return cached
    const found = await listFeedEngagements(db, principal, scope)
    // The partner or framework named in the calendar's title is part of the answer too.
    const feed = {
      ...found,
      scopeMarkings: marking === null ? found.scopeMarkings : [marking, ...found.scopeMarkings],
    }
    return feeds.set(key, version, engagementCalendar(`Engagements: ${name}`, feed, feedHost, now()))
  }

  /** The feed, or 304 when the calendar program already holds it (If-None-Match, RFC 9110 §13.1.2). */
  async function sendFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    query: { partner?: string; framework?: string },
  ) {
    const { body, etag } = await feed(token, query)
    const file = `engagements-${query.partner ?? query.framework ?? 'all'}.ics`
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('cache-control', 'private, max-age=300')
      .header('etag', etag)
    return request.headers['if-none-match'] === etag ? reply.code(304).send() : reply.send(body)
  }

  api.get(
    '/api/v1/calendar/:token/all.ics',
    {
      schema: {
        tags,
        summary: 'iCalendar feed of every engagement you may see',
        params: AllFeedParams,
        produces: ['text/calendar'],
        response: {
          200: z.string().meta({ description: feedDescription }),
          304: z.null().meta({ description: 'Unchanged since the ETag sent in If-None-Match' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => sendFeed(request, reply, request.params.token, {}),
  )

  api.get(
    '/api/v1/calendar/:token/partners/:file',
    {
      schema: {
        tags,
        summary: 'iCalendar feed of a partner’s engagements',
        params: PartnerFeedParams,
        produces: ['text/calendar'],
        response: {
          200: z.string().meta({ description: feedDescription }),
          304: z.null().meta({ description: 'Unchanged since the ETag sent in If-None-Match' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) =>
      sendFeed(request, reply, request.params.token, { partner: request.params.file }),
  )

  api.get(
    '/api/v1/calendar/:token/frameworks/:file',
    {
      schema: {
        tags,
        summary: 'iCalendar feed of a framework’s engagements',
        params: FrameworkFeedParams,
        produces: ['text/calendar'],
        response: {
          200: z.string().meta({ description: feedDescription }),
          304: z.null().meta({ description: 'Unchanged since the ETag sent in If-None-Match' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) =>
      sendFeed(request, reply, request.params.token, { framework: request.params.file }),
  )
}
