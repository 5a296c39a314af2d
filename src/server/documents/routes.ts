import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import { DocumentParams } from '../../contract/programme.ts'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { requestTranslator } from '../i18n.ts'
import { loadProgramme } from '../programmes/load.ts'
import { renderDocx } from './docx.ts'
import { renderMarkdown } from './markdown.ts'
import { renderPdf } from './pdf.ts'
import { buildProgrammeDocument } from './programme-document.ts'

const contentTypes = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const

/** Programme documents: what the caller may see, with its highest marking as a banner on every page. */
export async function documentRoutes(
  app: FastifyInstance,
  { db, clock: { today } }: { db: Db; clock: Clock },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/programmes/:id/document.:format',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Download the programme document (Markdown, DOCX or PDF)',
        description:
          'Title, parties, period, numbered objectives and goals, milestones table, public diplomacy; the marking banner is on every page.',
        params: DocumentParams,
        // The media type follows the format in the path (contentTypes above).
        produces: Object.values(contentTypes).map((type) => type.split(';')[0] ?? type),
        response: {
          200: z.unknown().meta({ description: 'The document file, as an attachment' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params
      const loaded = await loadProgramme(db, request.principal, id)
      const areas = await db.kysely.selectFrom('priority_area').select(['id', 'name']).execute()
      const translator = requestTranslator(request)
      const doc = buildProgrammeDocument(
        loaded,
        today(),
        new Map(areas.map((a) => [a.id, a.name])),
        translator,
      )
      const body =
        format === 'md'
          ? renderMarkdown(doc)
          : format === 'docx'
            ? await renderDocx(doc)
            : await renderPdf(doc)
      return reply
        .type(contentTypes[format])
        .header('content-disposition', `attachment; filename="${doc.fileName}.${format}"`)
        .header('content-language', translator.locale)
        .header('vary', 'accept-language, cookie')
        .header('x-marking', doc.banner.replace(/[^\x20-\x7e]/g, '-'))
        .send(body)
    },
  )
}
