import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  EngagementInput,
  EngagementList,
  EngagementListQuery,
  EngagementParams,
  EngagementPatch,
  ViewerZoneQuery,
} from '../../contract/engagement.ts'
import { EngagementDetail } from '../../contract/engagement-detail.ts'
import { engagementAbilities } from '../../domain/engagement-policy.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleStatements, type StatementRecord } from '../../store/engagement-statement-store.ts'
import { findVisibleEngagement, listVisibleEngagements } from '../../store/engagement-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { createEngagement, deleteEngagement, updateEngagement } from './commands/engagement-commands.ts'
import { type EngagementLabels, requestLabels } from './labels.ts'
import { presentEngagement, presentParticipant, presentStatement, statementMarkings } from './present.ts'

export async function engagementRoutes(
  app: FastifyInstance,
  { db, clock: { now } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function loadDetail(principal: Principal, id: string, viewerZone: string, labels: EngagementLabels) {
    const detail = await findVisibleEngagement(db, principal, id)
    if (detail === null) {
      throw new DomainError('not-found', `No engagement has the id ${id}.`)
    }
    // Statements of the engagement and of its sideline meetings: a page about a summit shows what
    // came (or deliberately did not come) out of the meetings beside it too.
    const statements: StatementRecord[] = []
    for (const engagementId of [id, ...detail.sidelines.map((sideline) => sideline.id)]) {
      const { items } = await listVisibleStatements(db.kysely, principal, {
        engagement: engagementId,
        limit: 200,
        offset: 0,
      })
      statements.push(...items)
    }
    const { engagement } = detail
    const pageMarking = highestMarking([
      engagement.marking,
      ...engagement.participants.map((participant) => participant.marking),
      ...(detail.parentMarking === null ? [] : [detail.parentMarking]),
      ...detail.sidelines.flatMap((sideline) => [sideline.marking, ...sideline.participationMarkings]),
      ...statements.flatMap(statementMarkings),
    ])
    const countries = [...new Set(engagement.participants.map((participant) => participant.country))].sort()
    return {
      detail,
      body: {
        ...presentEngagement({ ...engagement, countries }, viewerZone, labels),
        participants: engagement.participants.map((participant) =>
          presentParticipant(engagement, participant, labels),
        ),
        parent: detail.parent,
        sidelines: detail.sidelines.map((sideline) => presentEngagement(sideline, viewerZone, labels)),
        statements: statements.map((statement) => presentStatement(statement, labels)),
        abilities: engagementAbilities(principal),
        pageMarking: presentMarking(pageMarking),
      },
    }
  }

  api.get(
    '/api/v1/engagements',
    {
      schema: {
        tags: ['engagements'],
        summary: 'List engagements',
        description:
          'Engagements the caller may see, latest first by default, filtered by partner, framework, kind, level, format, local date range and priority area.',
        querystring: EngagementListQuery,
        response: { 200: EngagementList, 400: Problem },
      },
    },
    async (request, reply) => {
      const { tz, ...filter } = request.query
      const labels = requestLabels(request, reply)
      const { items, total, markings } = await listVisibleEngagements(db, request.principal, filter)
      return {
        items: items.map((item) => presentEngagement(item, tz ?? 'UTC', labels)),
        total,
        marking: presentMarking(highestMarking(markings)),
      }
    },
  )

  api.get(
    '/api/v1/engagements/:id',
    {
      config: { etag: true },
      schema: {
        tags: ['engagements'],
        summary: 'Get an engagement with participants, sideline meetings and statements',
        params: EngagementParams,
        querystring: ViewerZoneQuery.strict(),
        response: { 200: EngagementDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { detail, body } = await loadDetail(
        request.principal,
        request.params.id,
        request.query.tz ?? 'UTC',
        requestLabels(request, reply),
      )
      setEtag(reply, detail.engagement.version)
      return body
    },
  )

  api.post(
    '/api/v1/engagements',
    {
      config: { etag: true },
      schema: {
        tags: ['engagements'],
        summary: 'Record an engagement',
        body: EngagementInput,
        response: { 201: EngagementDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const id = await createEngagement(db, principal, request.body, now())
      const { detail, body } = await loadDetail(principal, id, 'UTC', requestLabels(request, reply))
      setEtag(reply, detail.engagement.version)
      return reply.code(201).header('location', `/api/v1/engagements/${id}`).send(body)
    },
  )

  api.patch(
    '/api/v1/engagements/:id',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Change an engagement (If-Match required)',
        description:
          'Fields left out keep their value. `participants`, when sent, replaces the participants you can see.',
        params: EngagementParams,
        body: EngagementPatch,
        ...versionedWrite({ 200: EngagementDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const { id } = request.params
      await updateEngagement(db, principal, { id, patch: request.body }, expectedVersion(request), now())
      const { detail, body } = await loadDetail(principal, id, 'UTC', requestLabels(request, reply))
      setEtag(reply, detail.engagement.version)
      return body
    },
  )

  api.delete(
    '/api/v1/engagements/:id',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Delete an engagement (If-Match required)',
        params: EngagementParams,
        ...versionedWrite({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteEngagement(db, request.principal, request.params, expectedVersion(request), now())
      return reply.code(204).send(null)
    },
  )
}
