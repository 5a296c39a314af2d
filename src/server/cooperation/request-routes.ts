import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import {
  CooperationDecisionInput,
  CooperationIdParams,
  CooperationInvitationResponse,
  CooperationReportInput,
  CooperationReportView,
  CooperationRequestDetail,
  CooperationRequestInput,
  CooperationRequestList,
  CooperationRequestListQuery,
} from '../../contract/cooperation.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import { findReport } from '../../store/cooperation-report-store.ts'
import { findVisibleRequest, listVisibleRequests } from '../../store/cooperation-request-store.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { fileReport } from './commands/registration-commands.ts'
import {
  createRequest,
  type DecisionStep,
  decideRequest,
  respondToInvitation,
} from './commands/request-commands.ts'
import { presentReport, presentRequest } from './present.ts'

const tags = ['cooperation']

const stepSummaries: Readonly<Record<DecisionStep, string>> = {
  approve: 'Approve a request and issue its invitation (the provider or staff; If-Match required)',
  decline: 'Decline a request (the provider or staff; If-Match required)',
  withdraw: 'Withdraw a request, cancelling its registrations (the partner or staff; If-Match required)',
}

/** Partner requests: made for an event and goals, decided by the provider, answered by the partner. */
export async function cooperationRequestRoutes(
  app: FastifyInstance,
  { db, clock }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function loadRequest(principal: Principal, id: string) {
    const record = await findVisibleRequest(db.kysely, principal, id)
    if (record === null) throw new DomainError('not-found', `No cooperation request has the id ${id}.`)
    return record
  }

  async function requestDetail(principal: Principal, id: string) {
    const record = await loadRequest(principal, id)
    return {
      version: record.version,
      body: {
        ...presentRequest(principal, record, clock.now()),
        pageMarking: presentMarking(highestMarking([record.marking, ...record.linkMarkings])),
      },
    }
  }

  api.get(
    '/api/v1/cooperation/requests',
    {
      schema: {
        tags,
        summary: 'List cooperation requests',
        description:
          'A partner sees its own country’s requests, a member’s delegation those for the items it provides, staff all. `programme` lists the requests serving goals of one programme (its activities, under their goals).',
        querystring: CooperationRequestListQuery,
        response: { 200: CooperationRequestList, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      const { items, total, markings } = await listVisibleRequests(
        db.kysely,
        db.engine,
        principal,
        request.query,
      )
      const now = clock.now()
      return {
        items: items.map((item) => presentRequest(principal, item, now)),
        total,
        marking: presentMarking(highestMarking(markings)),
      }
    },
  )

  api.get(
    '/api/v1/cooperation/requests/:id',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Get a cooperation request',
        params: CooperationIdParams,
        response: { 200: CooperationRequestDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await requestDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/cooperation/requests',
    {
      config: { etag: true },
      schema: {
        tags,
        summary: 'Request an event for goals of the partner’s programme',
        body: CooperationRequestInput,
        response: { 201: CooperationRequestDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const id = await createRequest(db, request.principal, request.body, clock.now())
      const { version, body } = await requestDetail(request.principal, id)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/cooperation/requests/${id}`).send(body)
    },
  )

  for (const step of ['approve', 'decline', 'withdraw'] as const) {
    api.post(
      `/api/v1/cooperation/requests/:id/${step}`,
      {
        schema: {
          tags,
          summary: stepSummaries[step],
          params: CooperationIdParams,
          body: CooperationDecisionInput,
          ...versionedWrite({ 200: CooperationRequestDetail }),
        },
      },
      async (request, reply) => {
        const expected = expectedVersion(request)
        await decideRequest(
          db,
          request.principal,
          { id: request.params.id, step, body: request.body },
          expected,
          clock.now(),
        )
        const { version, body } = await requestDetail(request.principal, request.params.id)
        setEtag(reply, version)
        return body
      },
    )
  }

  api.post(
    '/api/v1/cooperation/requests/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Accept or decline the invitation (the partner or staff; If-Match required)',
        description: 'Declining withdraws the request. Registering the first participant accepts it too.',
        params: CooperationIdParams,
        body: CooperationInvitationResponse,
        ...versionedWrite({ 200: CooperationRequestDetail }),
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request)
      await respondToInvitation(
        db,
        request.principal,
        { id: request.params.id, body: request.body },
        expected,
        clock.now(),
      )
      const { version, body } = await requestDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.get(
    '/api/v1/cooperation/requests/:id/report',
    {
      schema: {
        tags,
        summary: 'The feedback report of a request',
        params: CooperationIdParams,
        response: { 200: CooperationReportView, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const record = await loadRequest(request.principal, request.params.id)
      const report = await findReport(db.kysely, record.id)
      if (report === null)
        throw new DomainError('not-found', 'No feedback report has been filed for this request.')
      return presentReport(report, record)
    },
  )

  api.post(
    '/api/v1/cooperation/requests/:id/report',
    {
      schema: {
        tags,
        summary: 'File the feedback report after the event (the partner or staff)',
        params: CooperationIdParams,
        body: CooperationReportInput,
        response: { 201: CooperationReportView, ...createErrors },
      },
    },
    async (request, reply) => {
      await fileReport(
        db,
        request.principal,
        { requestId: request.params.id, body: request.body },
        clock.now(),
      )
      const record = await loadRequest(request.principal, request.params.id)
      const report = await findReport(db.kysely, record.id)
      if (report === null)
        throw new DomainError('not-found', 'No feedback report has been filed for this request.')
      return reply
        .code(201)
        .header('location', `/api/v1/cooperation/requests/${record.id}/report`)
        .send(presentReport(report, record))
    },
  )
}
