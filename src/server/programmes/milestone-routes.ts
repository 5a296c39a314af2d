import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  MilestoneCreate,
  MilestoneParams,
  MilestonePatch,
  ProgrammeParams,
} from '../../contract/programme.ts'
import { MilestoneView } from '../../contract/programme-view.ts'
import type { Db } from '../../store/database.ts'
import { requireVisibleMilestone } from '../../store/programme-milestone-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { addMilestone, changeMilestone, deleteMilestone } from './commands/milestone-commands.ts'
import { presentMilestone } from './present.ts'

const tags = ['programmes']

/** Milestones on goals: added and changed with the text; their status is tracked until superseded. */
export async function programmeMilestoneRoutes(
  app: FastifyInstance,
  { db, clock: { now, today } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.post(
    '/api/v1/programmes/:id/milestones',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Add a milestone to a goal',
        params: ProgrammeParams,
        body: MilestoneCreate,
        response: { 201: MilestoneView, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      const id = await addMilestone(db, principal, { programmeId: params.id, milestone: body }, null, now())
      const milestone = await requireVisibleMilestone(db.kysely, principal, params.id, id)
      setEtag(reply, milestone.version)
      return reply.code(201).send(presentMilestone(milestone, today()))
    },
  )

  api.patch(
    '/api/v1/programmes/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: 'Change a milestone or update its status',
        description:
          'A status-only change is progress tracking, allowed until the programme is superseded; other changes need an editable programme.',
        params: MilestoneParams,
        body: MilestonePatch,
        ...versionedWrite({ 200: MilestoneView }),
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      await changeMilestone(
        db,
        principal,
        { programmeId: params.id, milestoneId: params.milestoneId, patch: body },
        expectedVersion(request),
        now(),
      )
      const updated = await requireVisibleMilestone(db.kysely, principal, params.id, params.milestoneId)
      setEtag(reply, updated.version)
      return presentMilestone(updated, today())
    },
  )

  api.delete(
    '/api/v1/programmes/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: 'Delete a milestone',
        params: MilestoneParams,
        ...versionedWrite({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      const { principal, params } = request
      await deleteMilestone(
        db,
        principal,
        { programmeId: params.id, milestoneId: params.milestoneId },
        expectedVersion(request),
        now(),
      )
      return reply.code(204).send(null)
    },
  )
}
