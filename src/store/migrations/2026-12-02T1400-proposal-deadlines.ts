import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Durable deadlines (issue 9): the history of a proposal records events besides positions
 * (`event`: 'position' or 'break-silence', who broke silence and for which member), and the
 * deadline sweep finds due silence procedures through an index instead of a table scan.
 * PostgreSQL's job queue (pg-boss) keeps its own schema, created when the scheduler starts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('proposal_position')
    .addColumn('event', 'text', (c) => c.notNull().defaultTo('position'))
    .execute()
  await db.schema
    .createIndex('proposal_due')
    .on('proposal')
    .columns(['status', 'procedure', 'deadline'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('proposal_due').execute()
  await db.schema.alterTable('proposal_position').dropColumn('event').execute()
}
