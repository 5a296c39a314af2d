import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  NodeCreate,
  NodeMove,
  NodeParams,
  NodePatch,
  ProgrammeCreate,
  ProgrammeParams,
  ProgrammePatch,
} from '../../contract/programme.ts'
import { NodeView, ProgrammeDetail } from '../../contract/programme-view.ts'
import { DomainError } from '../../domain/errors.ts'
import { fuzzyDate } from '../../domain/fuzzy-date.ts'
import { canRead, type Marking, normaliseReleasability } from '../../domain/marking.ts'
import { assertMayMark } from '../../domain/marking-authority.ts'
import { authorize } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import { outlineNumbers } from '../../domain/programme.ts'
import type { Db } from '../../store/database.ts'
import {
  createProgramme,
  requireVisibleProgramme,
  updateProgrammeHeader,
} from '../../store/programme-store.ts'
import {
  deleteNode,
  insertNode,
  listVisibleNodes,
  moveNode,
  requireVisibleNode,
  updateNode,
} from '../../store/programme-tree-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { loadProgrammeDetail } from './load.ts'
import { presentNode } from './present.ts'

const tags = ['programmes']

/**
 * A marking from the request; refused when its author could no longer read what they marked, or
 * may not give it (assertMayMark). `current`: the record's marking now, or for a new record the
 * marking of what contains it (null for a new programme).
 */
export function toMarking(
  principal: Principal,
  input: { classification: Marking['classification']; releasableTo: readonly string[] },
  current: Marking | null,
): Marking {
  const marking = {
    classification: input.classification,
    releasableTo: normaliseReleasability(input.releasableTo),
  }
  if (!canRead(principal, marking)) {
    throw new DomainError('invalid-input', 'marking: you could no longer see a part marked like this.', {
      errors: [
        { in: 'body', pointer: '#/marking', detail: 'You could no longer see a part marked like this' },
      ],
    })
  }
  assertMayMark(principal, marking, current)
  return marking
}

/** Authoring: the programme header, its tree of nodes and the milestones on goals. */
export async function programmeWriteRoutes(
  app: FastifyInstance,
  { db, clock: { now, today } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  const nodeView = async (
    principal: Parameters<typeof listVisibleNodes>[1],
    programmeId: string,
    nodeId: string,
  ) => {
    const nodes = await listVisibleNodes(db.kysely, principal, programmeId)
    const node = await requireVisibleNode(db.kysely, principal, programmeId, nodeId)
    return presentNode(node, outlineNumbers(nodes).get(node.id) ?? '')
  }

  api.post(
    '/api/v1/programmes',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Start a programme (as a draft)',
        body: ProgrammeCreate,
        response: { 201: ProgrammeDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal, body } = request
      const id = await createProgramme(
        db,
        principal,
        {
          partnerCode: body.partner,
          kind: body.kind,
          title: body.title,
          periodFrom: fuzzyDate(body.periodFrom),
          periodTo: fuzzyDate(body.periodTo),
          supersedesId: body.supersedesId,
          publicDiplomacy: body.publicDiplomacy,
          nextReview: body.nextReview,
          marking:
            body.marking === undefined
              ? { classification: 'RESTRICTED', releasableTo: [body.partner] }
              : toMarking(principal, body.marking, null),
        },
        now(),
      )
      const detail = await loadProgrammeDetail(db, principal, id, today())
      setEtag(reply, detail.version)
      return reply.code(201).header('location', `/api/v1/programmes/${id}`).send(detail)
    },
  )

  api.patch(
    '/api/v1/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Change the programme header',
        params: ProgrammeParams,
        body: ProgrammePatch,
        ...versionedWrite({ 200: ProgrammeDetail }),
      },
    },
    async (request, reply) => {
      const { principal, body } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, request.params.id)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      await updateProgrammeHeader(
        db,
        principal,
        programme,
        expectedVersion(request),
        {
          title: body.title ?? programme.title,
          periodFrom: body.periodFrom === undefined ? programme.periodFrom : fuzzyDate(body.periodFrom),
          periodTo: body.periodTo === undefined ? programme.periodTo : fuzzyDate(body.periodTo),
          publicDiplomacy: body.publicDiplomacy ?? programme.publicDiplomacy,
          nextReview: body.nextReview === undefined ? programme.nextReview : body.nextReview,
          marking:
            body.marking === undefined
              ? programme.marking
              : toMarking(principal, body.marking, programme.marking),
        },
        now(),
      )
      const detail = await loadProgrammeDetail(db, principal, programme.id, today())
      setEtag(reply, detail.version)
      return detail
    },
  )

  api.post(
    '/api/v1/programmes/:id/nodes',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Add an objective, goal or activity',
        params: ProgrammeParams,
        body: NodeCreate,
        response: { 201: NodeView, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal, body } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, request.params.id)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      const parent =
        body.parentId === null
          ? null
          : await requireVisibleNode(db.kysely, principal, programme.id, body.parentId, 'parentId')
      const marking =
        body.marking === undefined
          ? (parent?.marking ?? programme.marking)
          : toMarking(principal, body.marking, parent?.marking ?? programme.marking)
      const id = await insertNode(
        db,
        principal,
        programme,
        { ...body, marking, position: body.position ?? null },
        now(),
      )
      const view = await nodeView(principal, programme.id, id)
      setEtag(reply, view.version)
      return reply.code(201).send(view)
    },
  )

  api.patch(
    '/api/v1/programmes/:id/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: 'Change a node',
        params: NodeParams,
        body: NodePatch,
        ...versionedWrite({ 200: NodeView }),
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, params.id)
      const node = await requireVisibleNode(db.kysely, principal, programme.id, params.nodeId)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      const input = {
        title: body.title ?? node.title,
        description: body.description ?? node.description,
        priorityAreas: body.priorityAreas ?? node.priorityAreas,
        marking: body.marking === undefined ? node.marking : toMarking(principal, body.marking, node.marking),
      }
      await updateNode(db, principal, programme, node, expectedVersion(request), input, now())
      const view = await nodeView(principal, programme.id, node.id)
      setEtag(reply, view.version)
      return view
    },
  )

  api.post(
    '/api/v1/programmes/:id/nodes/:nodeId/move',
    {
      schema: {
        tags,
        summary: 'Move a node: reorder among siblings or hang it under another parent',
        params: NodeParams,
        body: NodeMove,
        ...versionedWrite({ 200: NodeView }),
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, params.id)
      const node = await requireVisibleNode(db.kysely, principal, programme.id, params.nodeId)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      await moveNode(db, principal, programme, node, expectedVersion(request), body, now())
      const view = await nodeView(principal, programme.id, node.id)
      setEtag(reply, view.version)
      return view
    },
  )

  api.delete(
    '/api/v1/programmes/:id/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: 'Delete a node with everything under it',
        params: NodeParams,
        ...versionedWrite({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      const { principal, params } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, params.id)
      const node = await requireVisibleNode(db.kysely, principal, programme.id, params.nodeId)
      authorize(principal, 'programme.edit', { type: 'programme', ...programme })
      await deleteNode(db, principal, programme, node, expectedVersion(request), now())
      return reply.code(204).send(null)
    },
  )
}
