import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { SearchQuery, SearchResults } from '../../contract/search.ts'
import { highestMarking } from '../../domain/marking.ts'
import { searchWords } from '../../domain/search-query.ts'
import type { Db } from '../../store/database.ts'
import { searchIndex } from '../../store/search-store.ts'
import { presentMarking } from '../present.ts'
import { presentSearchHit } from './present.ts'

export async function searchRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search partners, events, frameworks, programmes, engagements and statements',
        description:
          'Ranked, title matches first. Only records the principal may read are searched, counted or quoted.',
        querystring: SearchQuery,
        response: { 200: SearchResults, 400: Problem },
      },
    },
    async (request) => {
      const { q, type, limit, offset } = request.query
      const words = searchWords(q)
      const page = await searchIndex(db, request.principal, { words, type: type ?? null, limit, offset })
      return {
        items: page.hits.map((hit) => presentSearchHit(hit, words)),
        total: page.total,
        marking: presentMarking(highestMarking(page.hits.map((hit) => hit.marking))),
      }
    },
  )
}
