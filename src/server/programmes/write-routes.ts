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
import type { Principal } from '../../domain/principal.ts'
import { outlineNumbers } from '../../domain/programme.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleNodes, requireVisibleNode } from '../../store/programme-tree-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { changeProgrammeHeader, createProgramme } from './commands/header-commands.ts'
import { addNode, changeNode, deleteNode, moveNode } from './commands/node-commands.ts'
import { loadProgrammeDetail } from './load.ts'
import { presentNode } from './present.ts'

const tags = ['programmes']

const ids = (params: { id: string; nodeId: string }) => ({ programmeId: params.id, nodeId: params.nodeId })

/** Authoring: the programme header and its tree of nodes. Each route calls one command, then presents. */
export async function programmeWriteRoutes(
  app: FastifyInstance,
  { db, clock: { now, today } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  const nodeView = async (principal: Principal, programmeId: string, nodeId: string) => {
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
      const id = await createProgramme(db, principal, body, null, now())
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
      const { principal, body, params } = request
      await changeProgrammeHeader(
        db,
        principal,
        { programmeId: params.id, patch: body },
        expectedVersion(request),
        now(),
      )
      const detail = await loadProgrammeDetail(db, principal, params.id, today())
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
      const { principal, body, params } = request
      const id = await addNode(db, principal, { programmeId: params.id, node: body }, null, now())
      const view = await nodeView(principal, params.id, id)
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
      await changeNode(db, principal, { ...ids(params), patch: body }, expectedVersion(request), now())
      const view = await nodeView(principal, params.id, params.nodeId)
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
      await moveNode(db, principal, { ...ids(params), target: body }, expectedVersion(request), now())
      const view = await nodeView(principal, params.id, params.nodeId)
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
      await deleteNode(db, principal, ids(params), expectedVersion(request), now())
      return reply.code(204).send(null)
    },
  )
}
