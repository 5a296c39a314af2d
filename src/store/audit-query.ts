import type { AuditFilters } from '../contract/audit.ts'
import type { ChainedAuditRow } from '../domain/audit-chain.ts'
import type { Executor } from './executor.ts'

/**
 * A page of the audit trail, newest first, filtered by record, user and UTC days. The caller has
 * checked that the reader may read the whole trail (src/domain/audit-policy.ts).
 */
export async function listAuditEntries(
  executor: Executor,
  query: AuditFilters & { readonly limit: number; readonly offset: number },
): Promise<{ items: ChainedAuditRow[]; total: number }> {
  let filtered = executor.selectFrom('audit_log').where('seq', 'is not', null)
  if (query.entity !== undefined) {
    filtered = filtered.where('entity', '=', query.entity)
  }
  if (query.entityId !== undefined) {
    filtered = filtered.where('entity_id', '=', query.entityId)
  }
  if (query.actor !== undefined) {
    filtered = filtered.where('actor', '=', query.actor)
  }
  if (query.from !== undefined) {
    filtered = filtered.where('at', '>=', `${query.from}T00:00:00.000Z`)
  }
  if (query.to !== undefined) {
    // ISO timestamps sort as text: everything on that day is below the next character after "T".
    filtered = filtered.where('at', '<', `${query.to}U`)
  }
  const [items, count] = await Promise.all([
    filtered.selectAll().orderBy('seq', 'desc').limit(query.limit).offset(query.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: items.map((row) => ({ ...row, seq: Number(row.seq) })), total: Number(count.n) }
}
