import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import {
  MilestoneCreate,
  MilestoneParams,
  MilestonePatch,
  ProgrammeParams,
} from '../../contract/programme.ts'
import { MilestoneView } from '../../contract/programme-view.ts'
import { assertCanEdit, assertCanTrack } from '../../domain/programme-policy.ts'
import type { Db } from '../../store/database.ts'
import {
  deleteMilestone,
  insertMilestone,
  requireVisibleMilestone,
  updateMilestone,
} from '../../store/programme-milestone-store.ts'
import { requireVisibleProgramme } from '../../store/programme-store.ts'
import { requireVisibleNode } from '../../store/programme-tree-store.ts'
import { expectedVersion, sendEtag } from './etag.ts'
import { presentMilestone } from './present.ts'
import { toMarking } from './write-routes.ts'

const tags = ['programmes']
const IfMatch = z.object({
  'if-match': z.string().optional().meta({ description: 'ETag from the last read' }),
})
const writeErrors = { 400: Problem, 403: Problem, 404: Problem, 409: Problem, 428: Problem }

/** Milestones on goals: added and changed with the text; their status is tracked until superseded. */
export async function programmeMilestoneRoutes(
  app: FastifyInstance,
  { db, now }: { db: Db; now: () => Date },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const today = () => now().toISOString().slice(0, 10)

  api.post(
    '/api/v1/programmes/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Add a milestone to a goal',
        params: ProgrammeParams,
        body: MilestoneCreate,
        response: { 201: MilestoneView, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { principal, body } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, request.params.id)
      assertCanEdit(principal, programme)
      const goal = await requireVisibleNode(db.kysely, principal, programme.id, body.goalId, 'goalId')
      const marking =
        body.marking === undefined ? goal.marking : toMarking(principal, body.marking, goal.marking)
      const id = await insertMilestone(db, principal, programme, { ...body, marking }, now())
      const milestone = await requireVisibleMilestone(db.kysely, principal, programme.id, id)
      sendEtag(reply, milestone.version)
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
        headers: IfMatch,
        body: MilestonePatch,
        response: { 200: MilestoneView, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, params.id)
      const milestone = await requireVisibleMilestone(db.kysely, principal, programme.id, params.milestoneId)
      const input = {
        goalId: body.goalId ?? milestone.goalId,
        title: body.title ?? milestone.title,
        due: body.due ?? milestone.due,
        status: body.status ?? milestone.status,
        marking:
          body.marking === undefined
            ? milestone.marking
            : toMarking(principal, body.marking, milestone.marking),
      }
      const onlyStatus =
        input.goalId === milestone.goalId &&
        input.title === milestone.title &&
        input.due === milestone.due &&
        body.marking === undefined
      if (onlyStatus) assertCanTrack(principal, programme)
      else assertCanEdit(principal, programme)
      await updateMilestone(db, principal, programme, milestone, expectedVersion(request), input, now())
      const updated = await requireVisibleMilestone(db.kysely, principal, programme.id, milestone.id)
      sendEtag(reply, updated.version)
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
        headers: IfMatch,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const { principal, params } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, params.id)
      const milestone = await requireVisibleMilestone(db.kysely, principal, programme.id, params.milestoneId)
      assertCanEdit(principal, programme)
      await deleteMilestone(db, principal, programme, milestone, expectedVersion(request), now())
      return reply.code(204).send(null)
    },
  )
}
