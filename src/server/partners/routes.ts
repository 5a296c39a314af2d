import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { PartnerDetail, PartnerList, PartnerListQuery, PartnerParams } from '../../contract/partner.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Principal } from '../../domain/principal.ts'
import type { Db } from '../../store/database.ts'
import { findVisiblePartnerDetail, listVisiblePartners } from '../../store/partner-store.ts'
import { setEtag } from '../if-match.ts'
import { presentMarking } from '../present.ts'
import { presentPartner, presentPartnerDetail } from './present.ts'

/** The partner's page as the principal may see it, with the version its ETag carries. */
export async function loadPartnerDetail(db: Db, principal: Principal, code: string) {
  const found = await findVisiblePartnerDetail(db, principal, code)
  if (found === null) {
    throw new DomainError('not-found', `No partner has the code ${code}.`)
  }
  const { partner, timeline } = found
  const marking = highestMarking([
    partner.marking,
    ...partner.contentMarkings,
    ...timeline.flatMap((event) =>
      event.linkMarking === null ? [event.marking] : [event.marking, event.linkMarking],
    ),
  ])
  return {
    version: partner.version,
    body: presentPartnerDetail(principal, partner, timeline, presentMarking(marking)),
  }
}

export async function partnerRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/partners',
    {
      schema: {
        tags: ['partners'],
        summary: 'List partners',
        description:
          'Partners the caller may see, by name, optionally in one framework or matching a search.',
        querystring: PartnerListQuery,
        response: { 200: PartnerList, 400: Problem },
      },
    },
    async (request) => {
      const { items, total, markings } = await listVisiblePartners(db, request.principal, request.query)
      return { items: items.map(presentPartner), total, marking: presentMarking(highestMarking(markings)) }
    },
  )

  api.get(
    '/api/v1/partners/:code',
    {
      config: { etag: true },
      schema: {
        tags: ['partners'],
        summary: 'Get a partner with its relationship timeline',
        params: PartnerParams,
        response: { 200: PartnerDetail, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { version, body } = await loadPartnerDetail(db, request.principal, request.params.code)
      setEtag(reply, version)
      return body
    },
  )
}
