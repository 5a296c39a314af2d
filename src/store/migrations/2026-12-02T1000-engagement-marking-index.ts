import { type Kysely, PostgresAdapter } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * PostgreSQL only: an index on `engagement (marking_id)`, so that the visible total of the
 * engagement list (`count(*) … where marking_id in (the viewer's markings)`) is an index-only scan
 * of a narrow index instead of a sequential scan of the wide rows, which PostgreSQL also chose to
 * run with parallel workers (bench/pages.bench.ts: the page went from 0.37 to about 1 × raw at
 * 100,000 engagements). SQLite keeps without it: with no statistics it would probe an index that
 * leads with marking_id for the few visible markings and sort the table instead of reading the
 * list order off engagement_start (see 2026-12-02T0400-markings); its counts read engagement_counted.
 */
const index = 'engagement_marking_id'

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.createIndex(index).on('engagement').column('marking_id').execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex(index).ifExists().execute()
}
