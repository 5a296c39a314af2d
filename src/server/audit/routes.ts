import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AuditExportQuery, AuditList, AuditListQuery, AuditVerdictView } from '../../contract/audit.ts'
import { Problem } from '../../contract/common.ts'
import { mayReadAuditTrail } from '../../domain/audit-policy.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Principal } from '../../domain/principal.ts'
import { listAuditEntries } from '../../store/audit-query.ts'
import { verifyAuditTrail } from '../../store/audit-verify.ts'
import type { Db } from '../../store/database.ts'
import { csvMediaType } from '../csv.ts'
import { requestTranslator } from '../i18n.ts'
import { auditCsv, presentAuditEntry, presentVerdict } from './present.ts'

/** The most entries one export holds; narrow the filter for more. */
const exportLimit = 100_000

const readers =
  'Staff with audit.read cleared to the highest classification only (the trail names records of every marking).'

function mayRead(principal: Principal): void {
  if (principal.userId === null) {
    throw new DomainError('unauthenticated', 'Sign in to read the audit trail.')
  }
  if (!mayReadAuditTrail(principal)) {
    throw new DomainError('forbidden', 'Reading the audit trail needs audit.read and the highest clearance.')
  }
}

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail',
        description: `Newest first. ${readers}`,
        querystring: AuditListQuery,
        response: { 200: AuditList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      mayRead(request.principal)
      const { items, total } = await listAuditEntries(db.kysely, request.query)
      return { items: items.map(presentAuditEntry), total }
    },
  )

  api.get(
    '/api/v1/audit.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'Export the audit trail as CSV',
        description: `The same filters, every matching entry (up to ${exportLimit}), newest first. UTF-8 with a byte order mark; details and changes as JSON text; each row marked in its \`marking\` column. ${readers}`,
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: {
          200: z.string().meta({ description: 'text/csv' }),
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request, reply) => {
      mayRead(request.principal)
      const { items } = await listAuditEntries(db.kysely, { ...request.query, limit: exportLimit, offset: 0 })
      return reply
        .type(csvMediaType)
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(auditCsv(items, requestTranslator(request)))
    },
  )

  api.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit trail’s hash chain',
        description: `Walks every entry in order, as \`liaison audit verify\` does, and names the first altered, inserted or removed entry. ${readers}`,
        response: { 200: AuditVerdictView, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      mayRead(request.principal)
      return presentVerdict(await verifyAuditTrail(db))
    },
  )
}
