import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { AuditList, AuditListQuery } from '../../contract/audit.ts'
import { Problem } from '../../contract/common.ts'
import type { ChainedAuditRow } from '../../domain/audit-chain.ts'
import { mayReadAuditTrail } from '../../domain/audit-policy.ts'
import { DomainError } from '../../domain/errors.ts'
import { listAuditEntries } from '../../store/audit-query.ts'
import type { Db } from '../../store/database.ts'

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail',
        description:
          'Newest first. Staff with audit.read cleared to the highest classification only (the trail names records of every marking).',
        querystring: AuditListQuery,
        response: { 200: AuditList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { principal } = request
      if (principal.userId === null) {
        throw new DomainError('unauthenticated', 'Sign in to read the audit trail.')
      }
      if (!mayReadAuditTrail(principal)) {
        throw new DomainError(
          'forbidden',
          'Reading the audit trail needs audit.read and the highest clearance.',
        )
      }
      const { items, total } = await listAuditEntries(db.kysely, request.query)
      return { items: items.map(presentAuditEntry), total }
    },
  )
}

function presentAuditEntry(row: ChainedAuditRow) {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actor: row.actor,
    onBehalfOf: row.on_behalf_of,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    changes: JSON.parse(row.changes) as Record<string, { before: unknown; after: unknown }>,
    hash: row.hash ?? '',
  }
}
