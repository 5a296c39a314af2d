import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import {
  LiaisonOfficeDetail,
  LiaisonOfficeInput,
  LiaisonOfficeList,
  LiaisonOfficeListQuery,
  LiaisonOfficeParams,
  LiaisonOfficePatch,
} from '../../contract/liaison-office.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import { findVisibleOffice, listVisibleOffices } from '../../store/liaison-office-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { createOffice, patchOffice } from './commands/liaison-office-commands.ts'
import { presentOffice, presentOfficeDetail } from './present.ts'

/** Liaison offices (issue 9): a map-free register, written by staff, opened by adopted proposals. */
export async function liaisonOfficeRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function loadDetail(principal: Principal, id: string) {
    const record = await findVisibleOffice(db.kysely, principal, id)
    if (record === null) throw new DomainError('not-found', `No liaison office has the id ${id}.`)
    return { version: record.version, body: presentOfficeDetail(principal, record) }
  }

  api.get(
    '/api/v1/liaison-offices',
    {
      schema: {
        tags: ['decisions'],
        summary: 'List liaison offices',
        description:
          'Liaison offices the caller may see, by city; `partner` keeps those serving one partner. Partners and proposals the caller may not see are left out.',
        querystring: LiaisonOfficeListQuery,
        response: { 200: LiaisonOfficeList, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const { items, total, markings } = await listVisibleOffices(
        db.kysely,
        db.engine,
        principal,
        request.query,
      )
      return {
        items: items.map((item) => presentOffice(principal, item)),
        total,
        marking: presentMarking(highestMarking(markings)),
      }
    },
  )

  api.get(
    '/api/v1/liaison-offices/:id',
    {
      config: { etag: true },
      schema: {
        tags: ['decisions'],
        summary: 'Get a liaison office',
        params: LiaisonOfficeParams,
        response: { 200: LiaisonOfficeDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await loadDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/liaison-offices',
    {
      config: { etag: true },
      schema: {
        tags: ['decisions'],
        summary: 'Record a liaison office',
        body: LiaisonOfficeInput,
        response: { 201: LiaisonOfficeDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const id = await createOffice(db, principal, request.body, clock.now())
      const { version, body } = await loadDetail(principal, id)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/liaison-offices/${id}`).send(body)
    },
  )

  api.patch(
    '/api/v1/liaison-offices/:id',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Change a liaison office (If-Match required)',
        params: LiaisonOfficeParams,
        body: LiaisonOfficePatch,
        ...versionedWrite({ 200: LiaisonOfficeDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      await patchOffice(db, principal, { id: request.params.id, patch: request.body }, expected, clock.now())
      const { version, body } = await loadDetail(principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )
}
