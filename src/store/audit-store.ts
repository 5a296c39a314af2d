import { randomUUID } from 'node:crypto'
import { PostgresAdapter, sql } from 'kysely'
import { auditEntryHash, genesisHash, type HashedFields } from '../domain/audit-chain.ts'
import { type AuditChanges, withoutSecrets } from '../domain/audit-changes.ts'
import type { Principal } from '../domain/principal.ts'
import type { Executor } from './executor.ts'

export interface AuditEntry {
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly details?: Readonly<Record<string, unknown>>
  /** Before and after of the changed fields only (see `changedFields`); secrets are dropped. */
  readonly changes?: AuditChanges
  /** The username of the member a staff user acted for, when they did. */
  readonly onBehalfOf?: string | null
}

/**
 * One key for the advisory lock that serialises appends on PostgreSQL ("LIAISON-AUDIT" as a
 * number); held until the caller's transaction ends, so two writers never read the same head.
 */
const appendLockKey = 4_708_120_261_202

/**
 * Appends to the audit trail, chained to the entry before it (src/domain/audit-chain.ts). Call it
 * with the same transaction as the change it records. Given the database itself (no transaction),
 * it opens one, so that the head it reads is still the head when it writes.
 */
export async function recordAudit(
  executor: Executor,
  actor: Principal | null,
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  if (!executor.isTransaction) {
    await executor.transaction().execute((tx) => recordAudit(tx, actor, entry, now))
    return
  }
  if (executor.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${appendLockKey}::bigint)`.execute(executor)
  }
  // SQLite: the transaction holds the one connection (and, once it has written, the write lock).
  const head = await executor
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const fields: HashedFields = {
    seq: Number(head?.seq ?? 0) + 1,
    id: randomUUID(),
    at: now.toISOString(),
    actor: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    details: JSON.stringify(withoutSecrets(entry.details ?? {})),
    changes: JSON.stringify(withoutSecrets(entry.changes ?? {})),
    on_behalf_of: entry.onBehalfOf ?? null,
  }
  const previousHash = head?.hash ?? genesisHash
  await executor
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: previousHash, hash: auditEntryHash(fields, previousHash) })
    .execute()
}
