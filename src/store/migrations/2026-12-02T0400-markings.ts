import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Markings as data. Each distinct marking is one row of `marking`, its release set rows of
 * `marking_release`, and every marked row carries `marking_id`, so that visibility is
 * `marking_id in (the markings the principal may read)`: an indexed equality probe instead of a
 * LIKE over every row. `marking_id` is derived from the row's own classification and releasability
 * ("2|JPN|KOR|") by triggers on every insert and update, so writes stay one insert without a lookup
 * and the two can never disagree; the same triggers add a marking the first time a row carries it.
 * It is a real column, not a generated one: SQLite can add only virtual generated columns, and it
 * neither reads an index on one as covering nor lets the planner count from it without the rows.
 *
 * `engagement_priority_area` and `engagement_statement_issuer` do the same for the list columns
 * that reads filter on, kept by triggers from the columns the stores write.
 */

const markedTables = [
  'member',
  'partner',
  'framework',
  'framework_membership',
  'relationship_event',
  'programme',
  'programme_node',
  'programme_milestone',
  'programme_approval',
  'programme_version',
  'programme_version_item',
  'engagement',
  'engagement_participant',
  'engagement_statement',
  'engagement_statement_association',
] as const

/** Indexes rebuilt with `marking_id` so the filtered counts and lookups stay index-only. */
const indexes: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  // No index leads with marking_id on a table listed in order: without statistics SQLite would
  // probe such an index for the few visible markings and sort the whole table instead of reading
  // the list order off its index. Counts read the narrow covering indexes below.
  [
    'engagement_counted',
    'engagement',
    [
      'id',
      'marking_id',
      'classification',
      'releasable_to',
      'start_day_num',
      'start_day',
      'level',
      'format',
      'kind',
    ],
  ],
  [
    'engagement_participant_country',
    'engagement_participant',
    ['country_code', 'engagement_id', 'marking_id', 'classification', 'releasable_to', 'level'],
  ],
  ['relationship_event_partner_marking', 'relationship_event', ['partner_code', 'marking_id']],
  ['framework_membership_country_marking', 'framework_membership', ['country_code', 'marking_id']],
]

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db)
  await db.schema
    .createTable('marking')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('marking_classification')
    .on('marking')
    .columns(['classification', 'id'])
    .execute()
  await db.schema
    .createTable('marking_release')
    .addColumn('marking_id', 'text', (c) => c.notNull().references('marking.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    // Country first: visibility asks "which markings release to this country".
    .addPrimaryKeyConstraint('marking_release_pk', ['country_code', 'marking_id'])
    .execute()

  await db.schema
    .createTable('engagement_priority_area')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('priority_area_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_priority_area_pk', ['priority_area_id', 'engagement_id'])
    .execute()
  await db.schema
    .createTable('engagement_statement_issuer')
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('engagement_statement.id').onDelete('cascade'),
    )
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_statement_issuer_pk', ['issuer', 'statement_id'])
    .execute()

  if (postgres) {
    await upPostgres(db)
  } else {
    await upSqlite(db)
  }

  // engagement_marking (classification, releasable_to) served only the LIKE filter.
  for (const name of ['engagement_marking', ...indexes.map(([index]) => index)]) {
    await db.schema.dropIndex(name).ifExists().execute()
  }
  for (const [name, table, columns] of indexes) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute()
  }
}

/** SQLite: a stored "|a|b|" list as the rows of json_each. */
function sqliteItems(column: string): string {
  return `json_each(case ${column} when '' then '[]' else '["' || replace(trim(${column}, '|'), '|', '","') || '"]' end)`
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  for (const table of markedTables) {
    await sql.raw(`alter table ${table} add column marking_id text not null default '0'`).execute(db)
    await sql.raw(`update ${table} set marking_id = classification || releasable_to`).execute(db)
    // SQLite triggers cannot change the row being written, so they correct it just after (a no-op
    // when the writer set it right); recursive triggers are off, so this does not fire itself.
    const record = `
      update ${table} set marking_id = new.classification || new.releasable_to
        where rowid = new.rowid and marking_id is not new.classification || new.releasable_to;
      insert or ignore into marking (id, classification, releasable_to)
        values (new.classification || new.releasable_to, new.classification, new.releasable_to);
      insert or ignore into marking_release (marking_id, country_code)
        select new.classification || new.releasable_to, j.value from ${sqliteItems('new.releasable_to')} as j;`
    await sql
      .raw(`create trigger ${table}_marking_insert after insert on ${table} begin ${record} end`)
      .execute(db)
    await sql
      .raw(
        `create trigger ${table}_marking_update after update of classification, releasable_to, marking_id on ${table} begin ${record} end`,
      )
      .execute(db)
    await sql
      .raw(
        `insert or ignore into marking (id, classification, releasable_to)
          select distinct marking_id, classification, releasable_to from ${table}`,
      )
      .execute(db)
  }
  await sql
    .raw(
      `insert or ignore into marking_release (marking_id, country_code)
        select m.id, j.value from marking as m, ${sqliteItems('m.releasable_to')} as j`,
    )
    .execute(db)

  const lists: ReadonlyArray<readonly [string, string, string, string, string]> = [
    ['engagement', 'priority_areas', 'engagement_priority_area', 'engagement_id', 'priority_area_id'],
    ['engagement_statement', 'issuers', 'engagement_statement_issuer', 'statement_id', 'issuer'],
  ]
  for (const [table, column, joinTable, idColumn, itemColumn] of lists) {
    const fill = (row: string) =>
      `insert or ignore into ${joinTable} (${idColumn}, ${itemColumn}) select ${row}.id, j.value from ${sqliteItems(`${row}.${column}`)} as j`
    await sql
      .raw(`insert or ignore into ${joinTable} (${idColumn}, ${itemColumn})
      select t.id, j.value from ${table} as t, ${sqliteItems(`t.${column}`)} as j`)
      .execute(db)
    await sql
      .raw(`create trigger ${joinTable}_insert after insert on ${table} begin ${fill('new')}; end`)
      .execute(db)
    await sql
      .raw(
        `create trigger ${joinTable}_update after update of ${column} on ${table} begin
          delete from ${joinTable} where ${idColumn} = old.id; ${fill('new')}; end`,
      )
      .execute(db)
  }
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create function liaison_record_marking() returns trigger language plpgsql as $$
      begin
        new.marking_id := new.classification::text || new.releasable_to;
        insert into marking (id, classification, releasable_to)
          values (new.marking_id, new.classification, new.releasable_to) on conflict do nothing;
        insert into marking_release (marking_id, country_code)
          select new.marking_id, code from unnest(string_to_array(trim(both '|' from new.releasable_to), '|')) as code
          where code <> '' on conflict do nothing;
        return new;
      end $$`)
    .execute(db)
  for (const table of markedTables) {
    await sql.raw(`alter table ${table} add column marking_id text not null default '0'`).execute(db)
    await sql.raw(`update ${table} set marking_id = classification::text || releasable_to`).execute(db)
    // Before the write, so the row is stored with its marking_id right and its marking present.
    await sql
      .raw(`create trigger ${table}_marking before insert or update of classification, releasable_to, marking_id
        on ${table} for each row execute function liaison_record_marking()`)
      .execute(db)
    await sql
      .raw(
        `insert into marking (id, classification, releasable_to)
          select distinct marking_id, classification, releasable_to from ${table} on conflict do nothing`,
      )
      .execute(db)
  }
  await sql
    .raw(`insert into marking_release (marking_id, country_code)
      select m.id, code from marking as m, unnest(string_to_array(trim(both '|' from m.releasable_to), '|')) as code
      where code <> '' on conflict do nothing`)
    .execute(db)

  const lists: ReadonlyArray<readonly [string, string, string, string, string]> = [
    ['engagement', 'priority_areas', 'engagement_priority_area', 'engagement_id', 'priority_area_id'],
    ['engagement_statement', 'issuers', 'engagement_statement_issuer', 'statement_id', 'issuer'],
  ]
  for (const [table, column, joinTable, idColumn, itemColumn] of lists) {
    const items = (row: string) =>
      `unnest(string_to_array(trim(both '|' from ${row}.${column}), '|')) as item`
    await sql
      .raw(`create function ${joinTable}_sync() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' then
            delete from ${joinTable} where ${idColumn} = old.id;
          end if;
          insert into ${joinTable} (${idColumn}, ${itemColumn})
            select new.id, item from ${items('new')} where item <> '' on conflict do nothing;
          return null;
        end $$`)
      .execute(db)
    await sql
      .raw(`create trigger ${joinTable}_sync after insert or update of ${column} on ${table}
        for each row execute function ${joinTable}_sync()`)
      .execute(db)
    await sql
      .raw(`insert into ${joinTable} (${idColumn}, ${itemColumn})
        select t.id, item from ${table} as t, ${items('t')} where item <> '' on conflict do nothing`)
      .execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db)
  for (const [joinTable, table] of [
    ['engagement_priority_area', 'engagement'],
    ['engagement_statement_issuer', 'engagement_statement'],
  ] as const) {
    if (postgres) {
      await sql.raw(`drop trigger ${joinTable}_sync on ${table}`).execute(db)
      await sql.raw(`drop function ${joinTable}_sync()`).execute(db)
    } else {
      await sql.raw(`drop trigger ${joinTable}_insert`).execute(db)
      await sql.raw(`drop trigger ${joinTable}_update`).execute(db)
    }
  }
  // The indexes go with the column; the earlier migrations' versions are not rebuilt.
  for (const [name] of indexes) {
    await db.schema.dropIndex(name).ifExists().execute()
  }
  for (const table of markedTables) {
    if (postgres) {
      await sql.raw(`drop trigger ${table}_marking on ${table}`).execute(db)
    } else {
      await sql.raw(`drop trigger ${table}_marking_insert`).execute(db)
      await sql.raw(`drop trigger ${table}_marking_update`).execute(db)
    }
    await db.schema.alterTable(table).dropColumn('marking_id').execute()
  }
  if (postgres) {
    await sql.raw('drop function liaison_record_marking()').execute(db)
  }
  for (const table of [
    'engagement_statement_issuer',
    'engagement_priority_area',
    'marking_release',
    'marking',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
