import { z } from 'zod'
import { IsoDay, Paging } from './common.ts'

const Text = z.string().min(1).max(200)

const AuditFilters = z.object({
  entity: Text.optional().meta({ description: 'Kind of record, e.g. programme, engagement, user' }),
  entityId: Text.optional().meta({ description: 'Id of the record (with entity)' }),
  actor: Text.optional().meta({ description: 'Username of who acted' }),
  from: IsoDay.optional().meta({ description: 'Entries on or after this UTC day' }),
  to: IsoDay.optional().meta({ description: 'Entries on or before this UTC day' }),
})

const dayOrder = {
  check: (query: { from?: string | undefined; to?: string | undefined }) =>
    query.from === undefined || query.to === undefined || query.from <= query.to,
  message: 'to must not be before from',
}

export const AuditListQuery = AuditFilters.extend(Paging.shape)
  .strict()
  .refine(dayOrder.check, { message: dayOrder.message, path: ['to'] })
export type AuditListQuery = z.infer<typeof AuditListQuery>

/** The export takes the same filters and no paging: every matching entry. */
export const AuditExportQuery = AuditFilters.strict().refine(dayOrder.check, {
  message: dayOrder.message,
  path: ['to'],
})
export type AuditFilters = z.infer<typeof AuditFilters>

export const AuditEntryView = z
  .object({
    seq: z.number().int().meta({ description: 'Position in the hash chain, from 1' }),
    id: z.string(),
    at: z.string().meta({ description: 'When, as an ISO 8601 UTC timestamp' }),
    actor: z.string().nullable().meta({ description: 'Username; null for a failed sign-in or the system' }),
    onBehalfOf: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    details: z.record(z.string(), z.unknown()),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    hash: z.string().meta({ description: 'SHA-256 over the entry and the previous hash' }),
  })
  .meta({ id: 'AuditEntry' })

export const AuditList = z
  .object({ items: z.array(AuditEntryView), total: z.number().int() })
  .meta({ id: 'AuditList' })

/** The result of walking the whole hash chain, as `liaison audit verify` reports it. */
export const AuditVerdictView = z
  .object({
    ok: z.boolean().meta({ description: 'True when every entry follows the previous one untouched' }),
    checked: z.number().int().meta({ description: 'Entries walked before the answer (all when ok)' }),
    headSeq: z.number().int().nullable().meta({ description: 'Position of the newest entry, when ok' }),
    firstBrokenSeq: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Position of the first altered, inserted or removed entry, when not ok' }),
    problem: z.string().nullable().meta({ description: 'What is wrong there, in words; null when ok' }),
  })
  .meta({ id: 'AuditVerdict' })
