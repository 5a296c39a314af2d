import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ApprovalCreate, ProgrammeParams, TransitionRequest } from '../../contract/programme.ts'
import { ProgrammeDetail } from '../../contract/programme-view.ts'
import { fuzzyDate } from '../../domain/fuzzy-date.ts'
import { authorize } from '../../domain/policy.ts'
import type { Db } from '../../store/database.ts'
import { recordApproval, transitionProgramme } from '../../store/programme-lifecycle-store.ts'
import { requireVisibleProgramme } from '../../store/programme-store.ts'
import type { Clock } from '../clock.ts'
import { expectedVersion, setEtag, versionedWrite } from '../if-match.ts'
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
      const { principal, body } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, request.params.id)
      authorize(
        principal,
        body.party === 'council' ? 'programme.approve-council' : 'programme.approve-partner',
        { type: 'programme', ...programme },
      )
      await recordApproval(db, principal, programme, expectedVersion(request), body, now())
      const detail = await loadProgrammeDetail(db, principal, programme.id, today())
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
      const { principal, body } = request
      const programme = await requireVisibleProgramme(db.kysely, principal, request.params.id)
      await transitionProgramme(
        db,
        principal,
        programme,
        expectedVersion(request),
        {
          to: body.to,
          supersededBy: body.supersededBy ?? null,
          agreedOn: body.agreedOn === undefined ? null : fuzzyDate(body.agreedOn),
        },
        now(),
        today(),
      )
      const detail = await loadProgrammeDetail(db, principal, programme.id, today())
      setEtag(reply, detail.version)
      return detail
    },
  )
}
