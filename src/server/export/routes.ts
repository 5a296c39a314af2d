import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { ExportDocument } from '../../contract/export.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Db } from '../../store/database.ts'
import { buildExport } from './export-document.ts'

export async function exportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/export',
    {
      schema: {
        tags: ['export'],
        summary: 'Export everything the caller may see as JSON',
        description:
          'Members, partners with their timelines, frameworks with memberships, programmes with their trees, engagements with participants, statements, proposals and liaison offices, each with its marking; the document carries the highest of them. In a fixed order (by partner, date and title; programme parts as in the document), so two exports of the same data are equal. Signed-in users only; `liaison export --as USERNAME` writes the same file.',
        produces: ['application/json'],
        response: { 200: ExportDocument, 401: Problem },
      },
    },
    async (request, reply) => {
      if (request.principal.userId === null) {
        throw new DomainError('unauthenticated', 'Sign in to export the registry.')
      }
      reply.header('content-disposition', 'attachment; filename="liaison-export.json"')
      return buildExport(db, request.principal)
    },
  )
}
