import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  AssociationParams,
  StatementInput,
  StatementList,
  StatementListQuery,
  StatementParams,
  StatementPatch,
  StatementView,
} from '../../contract/engagement-statement.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import {
  findVisibleStatement,
  listVisibleStatements,
  type StatementRecord,
} from '../../store/engagement-statement-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import {
  associatePartner,
  createStatement,
  deleteStatement,
  dissociatePartner,
  updateStatement,
} from './commands/statement-commands.ts'
import { requestLabels } from './labels.ts'
import { presentStatement, statementMarkings } from './present.ts'

export async function statementRoutes(
  app: FastifyInstance,
  { db, clock: { now } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['statements']

  async function load(principal: Principal, id: string): Promise<StatementRecord> {
    const statement = await findVisibleStatement(db.kysely, principal, id)
    if (statement === null) {
      throw new DomainError('not-found', `No statement has the id ${id}.`)
    }
    return statement
  }

  api.get(
    '/api/v1/statements',
    {
      schema: {
        tags,
        summary: 'List statements',
        querystring: StatementListQuery,
        response: { 200: StatementList, 400: Problem },
      },
    },
    async (request, reply) => {
      const labels = requestLabels(request, reply)
      const { items, total, engagementMarkings } = await listVisibleStatements(
        db.kysely,
        request.principal,
        request.query,
      )
      return {
        items: items.map((statement) => presentStatement(statement, labels)),
        total,
        marking: presentMarking(highestMarking([...items.flatMap(statementMarkings), ...engagementMarkings])),
      }
    },
  )

  api.get(
    '/api/v1/statements/:id',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Get a statement',
        params: StatementParams,
        response: { 200: StatementView, 404: Problem },
      },
    },
    async (request, reply) => {
      const statement = await load(request.principal, request.params.id)
      setEtag(reply, statement.version)
      return presentStatement(statement, requestLabels(request, reply))
    },
  )

  api.post(
    '/api/v1/statements',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Record a statement (or that none was issued)',
        body: StatementInput,
        response: { 201: StatementView, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const id = await createStatement(db, principal, request.body, now())
      const statement = await load(principal, id)
      setEtag(reply, statement.version)
      return reply
        .code(201)
        .header('location', `/api/v1/statements/${id}`)
        .send(presentStatement(statement, requestLabels(request, reply)))
    },
  )

  api.patch(
    '/api/v1/statements/:id',
    {
      schema: {
        tags,
        summary: 'Change a statement (If-Match required)',
        params: StatementParams,
        body: StatementPatch,
        ...versionedWrite({ 200: StatementView }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const { id } = request.params
      await updateStatement(db, principal, { id, patch: request.body }, expectedVersion(request), now())
      const statement = await load(principal, id)
      setEtag(reply, statement.version)
      return presentStatement(statement, requestLabels(request, reply))
    },
  )

  api.delete(
    '/api/v1/statements/:id',
    {
      schema: {
        tags,
        summary: 'Delete a statement (If-Match required)',
        params: StatementParams,
        ...versionedWrite({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteStatement(db, request.principal, request.params, expectedVersion(request), now())
      return reply.code(204).send(null)
    },
  )

  api.put(
    '/api/v1/statements/:id/associations/:country',
    {
      schema: {
        tags,
        summary: 'Associate a partner with a statement',
        description:
          'Staff may associate any partner; a partner mission only its own country. Repeating it changes nothing.',
        params: AssociationParams,
        response: { 200: StatementView, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await associatePartner(db, request.principal, request.params, now())
      return presentStatement(await load(request.principal, request.params.id), requestLabels(request, reply))
    },
  )

  api.delete(
    '/api/v1/statements/:id/associations/:country',
    {
      schema: {
        tags,
        summary: 'Dissociate a partner from a statement',
        params: AssociationParams,
        response: { 200: StatementView, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await dissociatePartner(db, request.principal, request.params, now())
      return presentStatement(await load(request.principal, request.params.id), requestLabels(request, reply))
    },
  )
}
