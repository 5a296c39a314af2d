import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { FrameworkDetail, FrameworkParams } from '../../contract/framework.ts'
import {
  FrameworkInput,
  FrameworkPatch,
  MembershipEnd,
  MembershipInput,
  MembershipParams,
  MembershipPatch,
} from '../../contract/framework-input.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { createFramework, patchFramework } from './commands/framework-commands.ts'
import { createMembership, endMembership, patchMembership } from './commands/membership-commands.ts'
import { loadFrameworkDetail } from './routes.ts'

/**
 * Authoring frameworks and their dated memberships (issue 11). Every write answers the framework's
 * page on today's date as the writer now sees it; a membership's own version is in its history.
 */
export async function frameworkWriteRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['frameworks']
  const page = (principal: Parameters<typeof loadFrameworkDetail>[1], id: string) =>
    loadFrameworkDetail(db, principal, id, clock.today(), clock.today())

  api.post(
    '/api/v1/frameworks',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Record a framework',
        body: FrameworkInput,
        response: { 201: FrameworkDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const id = await createFramework(db, principal, request.body, clock.now())
      const { version, body } = await page(principal, id)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/frameworks/${id}`).send(body)
    },
  )

  api.patch(
    '/api/v1/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Change a framework (If-Match required)',
        params: FrameworkParams,
        body: FrameworkPatch,
        ...versionedWrite({ 200: FrameworkDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      await patchFramework(
        db,
        principal,
        { id: request.params.id, patch: request.body },
        expected,
        clock.now(),
      )
      const { version, body } = await page(principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/frameworks/:id/memberships',
    {
      schema: {
        tags,
        summary: 'Record a membership of a country in a framework',
        description:
          'A member holds at most one membership of a framework on any day; fuzzy dates count every day they may mean.',
        params: FrameworkParams,
        body: MembershipInput,
        response: { 201: FrameworkDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const frameworkId = request.params.id
      const id = await createMembership(db, principal, { frameworkId, membership: request.body }, clock.now())
      const { body } = await page(principal, frameworkId)
      return reply
        .code(201)
        .header('location', `/api/v1/frameworks/${frameworkId}/memberships/${id}`)
        .send(body)
    },
  )

  api.patch(
    '/api/v1/frameworks/:id/memberships/:membershipId',
    {
      schema: {
        tags,
        summary: 'Change a membership (If-Match: the membership’s version)',
        params: MembershipParams,
        body: MembershipPatch,
        ...versionedWrite({ 200: FrameworkDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      const { id: frameworkId, membershipId: id } = request.params
      const version = await patchMembership(
        db,
        principal,
        { frameworkId, id, patch: request.body },
        expected,
        clock.now(),
      )
      const { body } = await page(principal, frameworkId)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/frameworks/:id/memberships/:membershipId/end',
    {
      schema: {
        tags,
        summary: 'End a membership (If-Match: the membership’s version)',
        description: 'Sets its last (fuzzy) day; the membership becomes former.',
        params: MembershipParams,
        body: MembershipEnd,
        ...versionedWrite({ 200: FrameworkDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      const { id: frameworkId, membershipId: id } = request.params
      const version = await endMembership(
        db,
        principal,
        { frameworkId, id, end: request.body },
        expected,
        clock.now(),
      )
      const { body } = await page(principal, frameworkId)
      setEtag(reply, version)
      return body
    },
  )
}
