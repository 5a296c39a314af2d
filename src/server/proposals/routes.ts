import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import {
  BreakSilenceInput,
  PositionInput,
  PositionParams,
  ProposalDetail,
  ProposalInput,
  ProposalList,
  ProposalListQuery,
  ProposalParams,
  ProposalPatch,
} from '../../contract/proposal.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import { proposalPage, proposalWithHistory } from '../../store/proposal-store.ts'
import type { Clock } from '../clock.ts'
import { createErrors, expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { breakSilence } from './commands/break-silence.ts'
import { editProposal } from './commands/edit-proposal.ts'
import {
  createProposal,
  openProposal,
  recordPosition,
  withdrawProposal,
} from './commands/proposal-commands.ts'
import type { DeadlineScheduler } from './deadlines/scheduler.ts'
import { mayReadPositions, presentProposal, presentProposalDetail } from './present.ts'

export async function proposalRoutes(
  app: FastifyInstance,
  { db, clock, deadlines }: { db: Db; clock: Clock; deadlines: DeadlineScheduler },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  async function loadDetail(principal: Principal, id: string) {
    const found = await proposalWithHistory(
      db,
      principal,
      id,
      mayReadPositions(principal) ? clock.today() : null,
    )
    if (found === null) throw new DomainError('not-found', `No proposal has the id ${id}.`)
    return {
      version: found.record.version,
      body: presentProposalDetail(principal, found.record, found.positions),
    }
  }

  api.get(
    '/api/v1/proposals',
    {
      schema: {
        tags: ['decisions'],
        summary: 'List proposals',
        description:
          'Proposals the caller may see, newest first, by status, procedure and linked partner (a partner the caller may not see matches nothing). Members’ positions are listed for alliance readers only.',
        querystring: ProposalListQuery,
        response: { 200: ProposalList, 400: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      // One statement answers the page, its total and (for readers of positions) the members' positions.
      const { items, total, markings, positions } = await proposalPage(
        db,
        principal,
        request.query,
        mayReadPositions(principal) ? clock.today() : null,
      )
      return {
        items: items.map((item) =>
          presentProposal(
            item,
            positions === null
              ? null
              : { members: positions.members, history: positions.histories.get(item.id) ?? [] },
          ),
        ),
        total,
        marking: presentMarking(highestMarking(markings)),
      }
    },
  )

  api.get(
    '/api/v1/proposals/:id',
    {
      config: { etag: true },
      schema: {
        tags: ['decisions'],
        summary: 'Get a proposal with its positions, who blocks it and their history',
        params: ProposalParams,
        response: { 200: ProposalDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await loadDetail(request.principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/proposals',
    {
      config: { etag: true },
      schema: {
        tags: ['decisions'],
        summary: 'Draft a proposal',
        body: ProposalInput,
        response: { 201: ProposalDetail, ...createErrors },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const id = await createProposal(db, principal, request.body, clock.now())
      const { version, body } = await loadDetail(principal, id)
      setEtag(reply, version)
      return reply.code(201).header('location', `/api/v1/proposals/${id}`).send(body)
    },
  )

  const steps = [
    ['open', 'Open a draft proposal for decision (If-Match required)', openProposal],
    ['withdraw', 'Withdraw an undecided proposal (If-Match required)', withdrawProposal],
  ] as const
  for (const [step, summary, command] of steps) {
    api.post(
      `/api/v1/proposals/:id/${step}`,
      {
        schema: {
          tags: ['decisions'],
          summary,
          params: ProposalParams,
          ...versionedWrite({ 200: ProposalDetail }),
        },
      },
      async (request, reply) => {
        const { principal } = request
        const expected = expectedVersion(request)
        await command(db, principal, request.params, expected, clock.now(), deadlines)
        const { version, body } = await loadDetail(principal, request.params.id)
        setEtag(reply, version)
        return body
      },
    )
  }

  api.put(
    '/api/v1/proposals/:id/positions/:member',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Record a member’s position (If-Match required)',
        description:
          'A delegation records its own member’s position; staff may record any member’s on its behalf, shown as such. The proposal is then decided by the system: any objection blocks it, every member concurring adopts it.',
        params: PositionParams,
        body: PositionInput,
        ...versionedWrite({ 200: ProposalDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      await recordPosition(db, principal, { ...request.params, ...request.body }, expected, {
        now: clock.now(),
        today: clock.today(),
      })
      const { version, body } = await loadDetail(principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.patch(
    '/api/v1/proposals/:id',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Edit a draft proposal (merge patch, If-Match required)',
        description:
          'The fields given replace the stored ones; the merged draft is checked whole. Only drafts change: an open proposal is decided, not edited.',
        params: ProposalParams,
        body: ProposalPatch,
        ...versionedWrite({ 200: ProposalDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      await editProposal(db, principal, { id: request.params.id, patch: request.body }, expected, clock.now())
      const { version, body } = await loadDetail(principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )

  api.post(
    '/api/v1/proposals/:id/break-silence',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Break a running silence procedure (If-Match required)',
        description:
          'A delegation breaks silence for its own member (member may be left out); staff name the member on whose behalf they act. The proposal returns to discussion under consensus, and its deadline is cancelled.',
        params: ProposalParams,
        body: BreakSilenceInput,
        ...versionedWrite({ 200: ProposalDetail }),
      },
    },
    async (request, reply) => {
      const { principal } = request
      const expected = expectedVersion(request)
      await breakSilence(db, deadlines, principal, { ...request.params, ...request.body }, expected, {
        now: clock.now(),
        today: clock.today(),
      })
      const { version, body } = await loadDetail(principal, request.params.id)
      setEtag(reply, version)
      return body
    },
  )
}
