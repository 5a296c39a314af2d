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
import { DomainError, invalidInput } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import { authorize } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import {
  associatePartner,
  createStatement,
  deleteStatement,
  dissociatePartner,
  findVisibleStatement,
  listVisibleStatements,
  type StatementRecord,
  updateStatement,
} from '../../store/engagement-statement-store.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { problemsFromZod } from '../problem.ts'
import { presentStatement, statementMarkings } from './present.ts'

function asInput(statement: StatementRecord): z.infer<typeof StatementInput> {
  return {
    kind: statement.kind,
    status: statement.status,
    title: statement.title,
    summary: statement.summary,
    issuedOn: statement.issuedOn,
    issuers: [...statement.issuers],
    engagementId: statement.engagementId,
    priorityAreas: [...statement.priorityAreas],
    marking: {
      classification: statement.marking.classification,
      releasableTo: [...statement.marking.releasableTo],
    },
  }
}

export async function statementRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['statements']

  async function load(principal: Principal, id: string): Promise<StatementRecord> {
    const statement = await findVisibleStatement(db, principal, id)
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
    async (request) => {
      const { items, total, engagementMarkings } = await listVisibleStatements(
        db,
        request.principal,
        request.query,
      )
      return {
        items: items.map(presentStatement),
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
      return presentStatement(statement)
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
      authorize(principal, 'create', { type: 'statement' })
      const id = await createStatement(db, principal, request.body, now())
      const statement = await load(principal, id)
      setEtag(reply, statement.version)
      return reply.code(201).header('location', `/api/v1/statements/${id}`).send(presentStatement(statement))
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
      const current = await load(principal, request.params.id)
      authorize(principal, 'update', { type: 'statement' })
      const version = expectedVersion(request)
      const merged = StatementInput.safeParse({ ...asInput(current), ...request.body })
      if (!merged.success) {
        throw invalidInput('statement', problemsFromZod(merged.error.issues))
      }
      await updateStatement(db, principal, current.id, version, merged.data, now())
      const statement = await load(principal, current.id)
      setEtag(reply, statement.version)
      return presentStatement(statement)
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
      const { principal } = request
      const current = await load(principal, request.params.id)
      authorize(principal, 'delete', { type: 'statement' })
      await deleteStatement(db, principal, current.id, expectedVersion(request), now())
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
    async (request) => {
      const { principal } = request
      const statement = await load(principal, request.params.id)
      authorize(principal, 'associate', {
        type: 'statement-association',
        country: request.params.country,
      })
      await associatePartner(db, principal, statement, request.params.country, now())
      return presentStatement(await load(principal, statement.id))
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
    async (request) => {
      const { principal } = request
      const statement = await load(principal, request.params.id)
      authorize(principal, 'associate', {
        type: 'statement-association',
        country: request.params.country,
      })
      await dissociatePartner(db, principal, statement.id, request.params.country, now())
      return presentStatement(await load(principal, statement.id))
    },
  )
}
