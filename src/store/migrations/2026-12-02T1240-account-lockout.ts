import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Lockout per account, in the database so that it holds across restarts and instances and does
 * not depend on the address a request claims: the count of consecutive failed sign-ins, and when
 * the account was locked (null while it may sign in). An administrator's unlock clears both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('failed_sign_ins', 'integer', (column) => column.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('app_user').addColumn('locked_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('locked_at').execute()
  await db.schema.alterTable('app_user').dropColumn('failed_sign_ins').execute()
}
