import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MemberList } from '../../contract/member.ts'
import { highestMarking } from '../../domain/marking.ts'
import type { Db } from '../../store/database.ts'
import { listVisibleMembers } from '../../store/member-store.ts'
import { presentFuzzyDate, presentMarking } from '../present.ts'

export async function memberRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/members',
    {
      schema: {
        tags: ['members'],
        summary: 'List the member states by accession',
        response: { 200: MemberList },
      },
    },
    async (request) => {
      const members = await listVisibleMembers(db, request.principal)
      return {
        items: members.map((member) => ({
          code: member.code,
          name: member.name,
          capital: member.capital,
          timeZone: member.timeZone,
          accession: presentFuzzyDate(member.accession),
          accessionYear: Number(member.accession.value.slice(0, 4)),
        })),
        marking: presentMarking(highestMarking(members.map((member) => member.marking))),
      }
    },
  )
}
