import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { FrameworkDetail, FrameworkList, FrameworkParams, FrameworkQuery } from '../../contract/framework.ts'
import { DomainError } from '../../domain/errors.ts'
import { isMemberOn, statusOn } from '../../domain/framework.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Db } from '../../store/database.ts'
import {
  findVisibleFramework,
  listVisibleFrameworks,
  listVisibleMemberships,
} from '../../store/framework-store.ts'
import type { Clock } from '../clock.ts'
import { presentMarking } from '../present.ts'
import { presentFramework, presentMembership } from './present.ts'

export async function frameworkRoutes(
  app: FastifyInstance,
  { db, clock: { today } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/frameworks',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'List partnership frameworks',
        response: { 200: FrameworkList },
      },
    },
    async (request) => {
      const frameworks = await listVisibleFrameworks(db, request.principal)
      return {
        items: frameworks.map(presentFramework),
        marking: presentMarking(
          highestMarking(frameworks.flatMap((framework) => [framework.marking, ...framework.memberMarkings])),
        ),
      }
    },
  )

  api.get(
    '/api/v1/frameworks/:id',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Get a framework with its members on a day and its membership history',
        params: FrameworkParams,
        querystring: FrameworkQuery,
        response: { 200: FrameworkDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const framework = await findVisibleFramework(db, principal, request.params.id)
      if (framework === null) {
        throw new DomainError('not-found', `No framework has the id ${request.params.id}.`)
      }
      const asOf = request.query.asOf ?? today()
      const history = await listVisibleMemberships(db, principal, framework.id)
      // Invited countries never count; a former member counts on the days its span covers.
      const members = history.filter(
        (membership) => membership.status !== 'invited' && isMemberOn(membership, asOf),
      )
      return {
        ...presentFramework(framework),
        asOf,
        // The members list shows each status on the chosen day; the history keeps today's.
        members: members.map((membership) => ({
          ...presentMembership(membership),
          status: statusOn(membership, asOf, today()),
        })),
        history: history.map(presentMembership),
        source: framework.source,
        marking: presentMarking(highestMarking([framework.marking, ...history.map((m) => m.marking)])),
      }
    },
  )
}
