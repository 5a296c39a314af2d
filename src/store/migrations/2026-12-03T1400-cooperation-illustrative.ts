import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * The illustrative flag on the rest of the cooperation menu (issue 13, demo data): items had it
 * from the start; events, requests, registrations and feedback reports get it too, so demo records
 * are flagged the way demo partners' events and programmes are (a column, shown by the API), not
 * by wording in their text.
 */
const tables = ['coop_event', 'coop_request', 'coop_registration', 'coop_report'] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await db.schema
      .alterTable(table)
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await db.schema.alterTable(table).dropColumn('illustrative').execute()
  }
}
