import { randomUUID } from 'node:crypto'
import type { Principal } from '../domain/principal.ts'
import type { Executor } from './executor.ts'

export interface AuditEntry {
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly details?: Readonly<Record<string, unknown>>
}

/** Appends to the audit log. Call it with the same transaction as the change it records. */
export async function recordAudit(
  executor: Executor,
  actor: Principal | null,
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      actor: actor?.username ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}
