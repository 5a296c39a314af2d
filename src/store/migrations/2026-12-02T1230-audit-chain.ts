import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

// Frozen in time: this migration must not import application code. The hash below is the one
// src/domain/audit-chain.ts computes today; if that ever changes, this copy must not.

/**
 * The audit trail becomes a hash chain (issue 8 item 4): `seq` (1, 2, 3…), `prev_hash`, `hash`,
 * plus `changes` (before/after of changed fields) and `on_behalf_of`. Entries already there are
 * chained in the order they were written (`at`, then `id` for entries written in the same
 * millisecond), so every database that holds the same rows gets the same chain.
 */

const genesisHash = '0'.repeat(64)

interface LegacyRow {
  id: string
  at: string
  actor: string | null
  action: string
  entity: string
  entity_id: string
  details: string
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  for (const column of ['seq', 'prev_hash', 'hash', 'on_behalf_of']) {
    await db.schema
      .alterTable('audit_log')
      .addColumn(column, column === 'seq' ? 'integer' : 'text')
      .execute()
  }
  const { rows } = await sql<LegacyRow>`
    select id, at, actor, action, entity, entity_id, details from audit_log order by at, id`.execute(db)
  let previousHash = genesisHash
  let seq = 0
  for (const row of rows) {
    seq += 1
    const hash = createHash('sha256')
      .update(
        JSON.stringify([
          seq,
          row.id,
          row.at,
          row.actor,
          row.action,
          row.entity,
          row.entity_id,
          row.details,
          '{}',
          null,
          previousHash,
        ]),
      )
      .digest('hex')
    await sql`update audit_log set seq = ${seq}, prev_hash = ${previousHash}, hash = ${hash}
      where id = ${row.id}`.execute(db)
    previousHash = hash
  }
  // One entry per position: two writers that raced past the lock would fail here, not fork.
  await db.schema.createIndex('audit_log_seq').on('audit_log').column('seq').unique().execute()
  // The trail filtered by record, newest first.
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_entity').execute()
  await db.schema.dropIndex('audit_log_seq').execute()
  for (const column of ['changes', 'seq', 'prev_hash', 'hash', 'on_behalf_of']) {
    await db.schema.alterTable('audit_log').dropColumn(column).execute()
  }
}
