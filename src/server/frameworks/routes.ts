import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { FrameworkDetail, FrameworkList, FrameworkParams, FrameworkQuery } from '../../contract/framework.ts'
import { DomainError } from '../../domain/errors.ts'
import { isMemberOn, statusOn } from '../../domain/framework.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import {
  findVisibleFramework,
  listVisibleFrameworks,
  listVisibleMemberships,
  type MembershipRecord,
} from '../../store/framework-store.ts'
import type { Clock } from '../clock.ts'
import { setEtag } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { frameworkAbilities, presentFramework, presentMembership } from './present.ts'

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
      config: { etag: true },
      schema: {
        tags: ['frameworks'],
        summary: 'Get a framework with its members on a day and its membership history',
        params: FrameworkParams,
        querystring: FrameworkQuery,
        response: { 200: FrameworkDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await loadFrameworkDetail(
        db,
        request.principal,
        request.params.id,
        request.query.asOf ?? today(),
        today(),
      )
      setEtag(reply, version)
      return body
    },
  )
}

/** The framework's page as the principal may see it on a day, with the version its ETag carries. */
export async function loadFrameworkDetail(
  db: Db,
  principal: Principal,
  id: string,
  asOf: string,
  today: string,
) {
  const framework = await findVisibleFramework(db, principal, id)
  if (framework === null) {
    throw new DomainError('not-found', `No framework has the id ${id}.`)
  }
  const history = await listVisibleMemberships(db.kysely, principal, framework.id)
  // Invited countries never count; a former member counts on the days its span covers.
  const members = history.filter(
    (membership) => membership.status !== 'invited' && isMemberOn(membership, asOf),
  )
  const present = (membership: MembershipRecord) => presentMembership(principal, membership)
  return {
    version: framework.version,
    body: {
      ...presentFramework(framework),
      asOf,
      // The members list shows each status on the chosen day; the history keeps today's.
      members: members.map((membership) => ({
        ...present(membership),
        status: statusOn(membership, asOf, today),
      })),
      history: history.map(present),
      source: framework.source,
      marking: presentMarking(highestMarking([framework.marking, ...history.map((m) => m.marking)])),
      recordMarking: presentMarking(framework.marking),
      version: framework.version,
      abilities: frameworkAbilities(principal),
    },
  }
}
