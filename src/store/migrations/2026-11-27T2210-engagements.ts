import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every table that holds content carries its own classification and releasability.
  await db.schema
    .createTable('engagement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('host', 'text', (c) => c.references('country.code'))
    .addColumn('place', 'text', (c) => c.notNull())
    // Wall-clock times at the place and the place's IANA zone name: the source of truth.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_local', 'text', (c) => c.notNull())
    .addColumn('end_local', 'text', (c) => c.notNull())
    // Derived from the above on every write, for ordering, ranges and windows in SQL.
    .addColumn('start_utc', 'text', (c) => c.notNull())
    .addColumn('end_utc', 'text', (c) => c.notNull())
    .addColumn('start_day', 'text', (c) => c.notNull())
    .addColumn('start_day_num', 'integer', (c) => c.notNull())
    .addColumn('end_day_num', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('engagement.id'))
    .addColumn('priority_areas', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcomes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // Matches the list order (day, instant, id), so a page is read off the index without sorting.
  await db.schema
    .createIndex('engagement_start')
    .on('engagement')
    .columns(['start_day_num', 'start_utc', 'id'])
    .execute()
  await db.schema
    .createIndex('engagement_kind_start')
    .on('engagement')
    .columns(['kind', 'start_day_num'])
    .execute()
  await db.schema.createIndex('engagement_parent').on('engagement').column('parent_id').execute()
  // Lets a count under the marking filter read a narrow index instead of every wide row.
  await db.schema
    .createIndex('engagement_marking')
    .on('engagement')
    .columns(['classification', 'releasable_to'])
    .execute()
  // Covers what the analytics read of each engagement, so they never touch the wide rows.
  await db.schema
    .createIndex('engagement_counted')
    .on('engagement')
    .columns([
      'id',
      'classification',
      'releasable_to',
      'start_day_num',
      'start_day',
      'level',
      'format',
      'kind',
    ])
    .execute()

  await db.schema
    .createTable('engagement_participant')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('person', 'text')
    .addColumn('role', 'text')
    .addColumn('level', 'text')
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('engagement_participant_pk', ['engagement_id', 'position'])
    .execute()
  // Covers the per-country lookups of lists, analytics and feeds, marking filter included.
  await db.schema
    .createIndex('engagement_participant_country')
    .on('engagement_participant')
    .columns(['country_code', 'engagement_id', 'classification', 'releasable_to', 'level'])
    .execute()

  await db.schema
    .createTable('engagement_statement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issued_on', 'text')
    .addColumn('issuers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('engagement_id', 'text', (c) => c.references('engagement.id'))
    .addColumn('priority_areas', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('engagement_statement_engagement')
    .on('engagement_statement')
    .column('engagement_id')
    .execute()

  await db.schema
    .createTable('engagement_statement_association')
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('engagement_statement.id').onDelete('cascade'),
    )
    .addColumn('country_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('associated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('engagement_statement_association_pk', ['statement_id', 'country_code'])
    .execute()

  // A credential, not content: one secret feed token per user, stored only as a hash.
  await db.schema
    .createTable('engagement_calendar_feed')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'engagement_calendar_feed',
    'engagement_statement_association',
    'engagement_statement',
    'engagement_participant',
    'engagement',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
