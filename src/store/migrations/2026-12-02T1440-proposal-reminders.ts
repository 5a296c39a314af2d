import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Reminders (issue 9 item 4): one row per (proposal, member, offset before the deadline), made
 * once whatever the number of servers (the unique key and `on conflict do nothing`), carrying
 * the state of its outgoing webhook: pending until a 2xx, then sent; failed after the last retry.
 * `next_attempt_at` is when a server may next claim it; `attempts` counts the claims.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('proposal_reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
    .addColumn('member_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('offset_label', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('webhook_state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('proposal_reminder_once', ['proposal_id', 'member_code', 'offset_label'])
    .execute()
  await db.schema
    .createIndex('proposal_reminder_webhook_due')
    .on('proposal_reminder')
    .columns(['webhook_state', 'next_attempt_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('proposal_reminder').execute()
}
