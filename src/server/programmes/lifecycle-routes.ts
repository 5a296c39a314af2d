import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ApprovalCreate, ProgrammeParams, TransitionRequest } from '../../contract/programme.ts'
import { ProgrammeDetail } from '../../contract/programme-view.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
import { recordApproval, transitionProgramme } from './commands/lifecycle-commands.ts'
import { loadProgrammeDetail } from './load.ts'

const tags = ['programmes']

/** Negotiation and lifecycle: approvals of each party and the steps of the state machine. */
export async function programmeLifecycleRoutes(
  app: FastifyInstance,
  { db, clock: { now, today } }: { db: Db; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.post(
    '/api/v1/programmes/:id/approvals',
    {
      schema: {
        tags,
        summary: 'Record the council’s agreement or the partner’s approval of the negotiated text',
        params: ProgrammeParams,
        body: ApprovalCreate,
        ...versionedWrite({ 200: ProgrammeDetail }),
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      await recordApproval(
        db,
        principal,
        { programmeId: params.id, approval: body },
        expectedVersion(request),
        now(),
        today(),
      )
      const detail = await loadProgrammeDetail(db, principal, params.id, today())
      setEtag(reply, detail.version)
      return detail
    },
  )

  api.post(
    '/api/v1/programmes/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Take a lifecycle step',
        description:
          'draft → in-negotiation → agreed (needs both approvals; freezes a version) → in-force → under-review → superseded; back-edges in-negotiation → draft, under-review → in-force or in-negotiation. An illegal step is 409 invalid-state with the reason.',
        params: ProgrammeParams,
        body: TransitionRequest,
        ...versionedWrite({ 200: ProgrammeDetail }),
      },
    },
    async (request, reply) => {
      const { principal, body, params } = request
      await transitionProgramme(
        db,
        principal,
        { programmeId: params.id, step: body },
        expectedVersion(request),
        now(),
        today(),
      )
      const detail = await loadProgrammeDetail(db, principal, params.id, today())
      setEtag(reply, detail.version)
      return detail
    },
  )
}
