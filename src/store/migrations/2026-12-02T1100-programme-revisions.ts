import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Two things the programme commands rely on (issue 7, finding 4 and the version leak):
 *
 * - Sibling positions are unique: `(programme_id, coalesce(parent_id, ''), position)`, so top-level
 *   nodes (parent NULL) are siblings too. Existing duplicates (left by the concurrent inserts this
 *   fixes) are renumbered first, in their current order.
 * - A programme's version is what a principal can see change. Every header, node and milestone row
 *   records the programme revision at which it last changed (`header_revision`,
 *   `programme_revision`), and `programme_tombstone` the revision at which a part of some marking
 *   was deleted or re-marked away; the version a principal sees is the highest of those it may
 *   see. `programme.version` stays the counter the revisions are drawn from.
 */

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await renumberSiblings(db)
  await sql`create unique index programme_node_sibling_position
    on programme_node (programme_id, (coalesce(parent_id, '')), position)`.execute(db)

  await db.schema
    .alterTable('programme')
    .addColumn('header_revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Everything seen so far was seen at the counter's current value: nobody's version goes back.
  await sql`update programme set header_revision = version`.execute(db)
  for (const table of ['programme_node', 'programme_milestone']) {
    await db.schema
      .alterTable(table)
      .addColumn('programme_revision', 'integer', (c) => c.notNull().defaultTo(1))
      .execute()
    // The highest visible revision of a programme's parts, read from the index alone.
    await db.schema
      .createIndex(`${table}_revision`)
      .on(table)
      .columns(['programme_id', 'marking_id', 'programme_revision'])
      .execute()
  }

  await db.schema
    .createTable('programme_tombstone')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id').onDelete('cascade'))
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .addColumn('programme_revision', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_tombstone_pk', ['programme_id', 'classification', 'releasable_to'])
    .execute()
  // The same marking_id triggers as every marked table (2026-12-02T0400-markings).
  if (isPostgres(db)) {
    await sql
      .raw(`create trigger programme_tombstone_marking before insert or update of classification, releasable_to, marking_id
        on programme_tombstone for each row execute function liaison_record_marking()`)
      .execute(db)
  } else {
    const record = `
      update programme_tombstone set marking_id = new.classification || new.releasable_to
        where rowid = new.rowid and marking_id is not new.classification || new.releasable_to;
      insert or ignore into marking (id, classification, releasable_to)
        values (new.classification || new.releasable_to, new.classification, new.releasable_to);
      insert or ignore into marking_release (marking_id, country_code)
        select new.classification || new.releasable_to, j.value from json_each(case new.releasable_to when '' then '[]'
          else '["' || replace(trim(new.releasable_to, '|'), '|', '","') || '"]' end) as j;`
    await sql
      .raw(
        `create trigger programme_tombstone_marking_insert after insert on programme_tombstone begin ${record} end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger programme_tombstone_marking_update after update of classification, releasable_to, marking_id on programme_tombstone begin ${record} end`,
      )
      .execute(db)
  }
}

/** Positions 0, 1, 2… among each node's siblings, in the order they are shown now. */
async function renumberSiblings(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    id: string
    programme_id: string
    parent_id: string | null
    position: number
  }>`
    select id, programme_id, parent_id, position from programme_node
    order by programme_id, parent_id, position, id`.execute(db)
  const next = new Map<string, number>()
  for (const row of rows) {
    const key = `${row.programme_id}\u0000${row.parent_id ?? ''}`
    const position = next.get(key) ?? 0
    next.set(key, position + 1)
    if (Number(row.position) !== position) {
      await sql`update programme_node set position = ${position} where id = ${row.id}`.execute(db)
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('drop trigger programme_tombstone_marking on programme_tombstone').execute(db)
  } else {
    await sql.raw('drop trigger programme_tombstone_marking_insert').execute(db)
    await sql.raw('drop trigger programme_tombstone_marking_update').execute(db)
  }
  await db.schema.dropTable('programme_tombstone').execute()
  for (const table of ['programme_milestone', 'programme_node']) {
    await db.schema.dropIndex(`${table}_revision`).execute()
    await db.schema.alterTable(table).dropColumn('programme_revision').execute()
  }
  await db.schema.alterTable('programme').dropColumn('header_revision').execute()
  await db.schema.dropIndex('programme_node_sibling_position').execute()
}
