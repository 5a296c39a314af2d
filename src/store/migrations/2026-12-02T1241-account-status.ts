import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Accounts an administrator manages: when the account was disabled (null while active), and a
 * version for If-Match, so two administrators editing one account cannot overwrite each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('disabled_at', 'text').execute()
  await db.schema
    .alterTable('app_user')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('version').execute()
  await db.schema.alterTable('app_user').dropColumn('disabled_at').execute()
}
