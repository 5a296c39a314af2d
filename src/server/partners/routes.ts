import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { PartnerDetail, PartnerList, PartnerListQuery, PartnerParams } from '../../contract/partner.ts'
import { DomainError } from '../../domain/errors.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Db } from '../../store/database.ts'
import { findVisiblePartnerDetail, listVisiblePartners } from '../../store/partner-store.ts'
import { presentMarking } from '../present.ts'
import { presentPartner, presentPartnerDetail } from './present.ts'

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
      schema: {
        tags: ['partners'],
        summary: 'Get a partner with its relationship timeline',
        params: PartnerParams,
        response: { 200: PartnerDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const found = await findVisiblePartnerDetail(db, request.principal, request.params.code)
      if (found === null) {
        throw new DomainError('not-found', `No partner has the code ${request.params.code}.`)
      }
      const { partner, timeline } = found
      const marking = highestMarking([
        partner.marking,
        ...partner.contentMarkings,
        ...timeline.map((event) => event.marking),
      ])
      return presentPartnerDetail(partner, timeline, presentMarking(marking))
    },
  )
}
