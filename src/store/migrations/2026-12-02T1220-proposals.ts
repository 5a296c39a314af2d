import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Alliance decisions (issue 9): `proposal` (marked like every record, versioned for If-Match) and
 * `proposal_position`, the append-only history of members' positions; a member's position is its
 * latest row (highest `seq`). Positions are read with their proposal's marking: they are part of it.
 */

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('partner_code', 'text', (c) => c.references('country.code'))
    .addColumn('programme_id', 'text')
    .addColumn('liaison_office_id', 'text')
    .addColumn('engagement_id', 'text')
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .execute()
  await db.schema
    .createIndex('proposal_listed')
    .on('proposal')
    .columns(['created_at', 'id', 'marking_id'])
    .execute()

  await db.schema
    .createTable('proposal_position')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('member_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_position_pk', ['proposal_id', 'seq'])
    .execute()

  // The same marking_id triggers as every marked table (2026-12-02T0400-markings).
  if (isPostgres(db)) {
    await sql
      .raw(`create trigger proposal_marking before insert or update of classification, releasable_to, marking_id
        on proposal for each row execute function liaison_record_marking()`)
      .execute(db)
  } else {
    const record = `
      update proposal set marking_id = new.classification || new.releasable_to
        where rowid = new.rowid and marking_id is not new.classification || new.releasable_to;
      insert or ignore into marking (id, classification, releasable_to)
        values (new.classification || new.releasable_to, new.classification, new.releasable_to);
      insert or ignore into marking_release (marking_id, country_code)
        select new.classification || new.releasable_to, j.value from json_each(case new.releasable_to when '' then '[]'
          else '["' || replace(trim(new.releasable_to, '|'), '|', '","') || '"]' end) as j;`
    await sql
      .raw(`create trigger proposal_marking_insert after insert on proposal begin ${record} end`)
      .execute(db)
    await sql
      .raw(
        `create trigger proposal_marking_update after update of classification, releasable_to, marking_id on proposal begin ${record} end`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('proposal_position').execute()
  await db.schema.dropTable('proposal').execute()
}
