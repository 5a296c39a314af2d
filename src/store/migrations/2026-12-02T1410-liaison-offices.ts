import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Liaison offices (issue 9): `liaison_office` (marked like every record, versioned for If-Match)
 * and `liaison_office_partner`, the partners each serves (a join table, so a partner's page finds
 * its offices by an index). The proposal that decides an office links to it
 * (`proposal.liaison_office_id`), so the link is stored once.
 */

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('liaison_office')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .execute()
  await db.schema
    .createIndex('liaison_office_listed')
    .on('liaison_office')
    .columns(['city', 'id', 'marking_id'])
    .execute()

  await db.schema
    .createTable('liaison_office_partner')
    .addColumn('office_id', 'text', (c) => c.notNull().references('liaison_office.id').onDelete('cascade'))
    .addColumn('partner_code', 'text', (c) => c.notNull().references('country.code'))
    .addPrimaryKeyConstraint('liaison_office_partner_pk', ['office_id', 'partner_code'])
    .execute()
  await db.schema
    .createIndex('liaison_office_partner_by_partner')
    .on('liaison_office_partner')
    .columns(['partner_code', 'office_id'])
    .execute()
  await db.schema
    .createIndex('proposal_by_liaison_office')
    .on('proposal')
    .columns(['liaison_office_id'])
    .execute()

  // The same marking_id triggers as every marked table (2026-12-02T0400-markings).
  if (isPostgres(db)) {
    await sql
      .raw(`create trigger liaison_office_marking before insert or update of classification, releasable_to, marking_id
        on liaison_office for each row execute function liaison_record_marking()`)
      .execute(db)
  } else {
    const record = `
      update liaison_office set marking_id = new.classification || new.releasable_to
        where rowid = new.rowid and marking_id is not new.classification || new.releasable_to;
      insert or ignore into marking (id, classification, releasable_to)
        values (new.classification || new.releasable_to, new.classification, new.releasable_to);
      insert or ignore into marking_release (marking_id, country_code)
        select new.classification || new.releasable_to, j.value from json_each(case new.releasable_to when '' then '[]'
          else '["' || replace(trim(new.releasable_to, '|'), '|', '","') || '"]' end) as j;`
    await sql
      .raw(`create trigger liaison_office_marking_insert after insert on liaison_office begin ${record} end`)
      .execute(db)
    await sql
      .raw(
        `create trigger liaison_office_marking_update after update of classification, releasable_to, marking_id on liaison_office begin ${record} end`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('proposal_by_liaison_office').execute()
  await db.schema.dropTable('liaison_office_partner').execute()
  await db.schema.dropTable('liaison_office').execute()
}
