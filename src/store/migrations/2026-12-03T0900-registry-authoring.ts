import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Authoring the registry (issue 11): memberships get a version for If-Match like every other
 * written record, and a relationship event may record an engagement or a programme (ids kept
 * without a foreign key, so deleting the engagement or programme leaves the event; a link to a
 * record that is gone or hidden reads as no link).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('framework_membership')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('relationship_event').addColumn('engagement_id', 'text').execute()
  await db.schema.alterTable('relationship_event').addColumn('programme_id', 'text').execute()
  await db.schema
    .createIndex('framework_membership_member')
    .on('framework_membership')
    .columns(['framework_id', 'country_code'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('framework_membership_member').execute()
  await db.schema.alterTable('relationship_event').dropColumn('programme_id').execute()
  await db.schema.alterTable('relationship_event').dropColumn('engagement_id').execute()
  await db.schema.alterTable('framework_membership').dropColumn('version').execute()
}
