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
import { authorize } from '../../domain/policy.ts'
import type { Db } from '../../store/database.ts'
import {
  deleteMilestone,
  insertMilestone,
  requireVisibleMilestone,
  updateMilestone,
} from '../../store/programme-milestone-store.ts'
import { requireVisibleProgramme } from '../../store/programme-store.ts'
import { requireVisibleNode } from '../../store/programme-tree-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMilestone } from './present.ts'
import { toMarking } from './write-routes.ts'

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
      const { principal, body } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, request.params.id)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      const goal = await requireVisibleNode(db.kysely, principal, programme.id, body.goalId, 'goalId')
      const marking =
        body.marking === undefined ? goal.marking : toMarking(principal, body.marking, goal.marking)
      const id = await insertMilestone(db, principal, programme, { ...body, marking }, now())
      const milestone = await requireVisibleMilestone(db.kysely, principal, programme.id, id)
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
      authorize(principal, onlyStatus ? 'programme.track' : 'programme.edit', {
        type: 'programme',
        ...programme,
      })
      await updateMilestone(db, principal, programme, milestone, expectedVersion(request), input, now())
      const updated = await requireVisibleMilestone(db.kysely, principal, programme.id, milestone.id)
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
      const programme = await requireVisibleProgramme(db.kysely, principal, params.id)
      const milestone = await requireVisibleMilestone(db.kysely, principal, programme.id, params.milestoneId)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      await deleteMilestone(db, principal, programme, milestone, expectedVersion(request), now())
      return reply.code(204).send(null)
    },
  )
}
