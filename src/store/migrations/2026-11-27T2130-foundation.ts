import type { Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('country')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capital', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('member')
    .addColumn('country_code', 'text', (c) => c.primaryKey().references('country.code'))
    .addColumn('accession_date', 'text', (c) => c.notNull())
    .addColumn('accession_precision', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await db.schema
    .createTable('partner')
    .addColumn('country_code', 'text', (c) => c.primaryKey().references('country.code'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dialogue_date', 'text')
    .addColumn('dialogue_precision', 'text')
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('framework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('formal', 'integer', (c) => c.notNull())
    .addColumn('started_date', 'text')
    .addColumn('started_precision', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text')
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('framework_membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework.id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('from_date', 'text')
    .addColumn('from_precision', 'text')
    .addColumn('to_date', 'text')
    .addColumn('to_precision', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('framework_membership_framework')
    .on('framework_membership')
    .column('framework_id')
    .execute()
  await db.schema
    .createIndex('framework_membership_country')
    .on('framework_membership')
    .column('country_code')
    .execute()

  await db.schema
    .createTable('relationship_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_code', 'text', (c) => c.notNull().references('partner.country_code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('event_precision', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('confidence', 'text', (c) => c.notNull().defaultTo('high'))
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('relationship_event_partner_date')
    .on('relationship_event')
    .columns(['partner_code', 'event_date'])
    .execute()

  await db.schema
    .createTable('priority_area')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.references('country.code'))
    .addColumn('clearance', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'user_session',
    'app_user',
    'priority_area',
    'relationship_event',
    'framework_membership',
    'framework',
    'partner',
    'member',
    'country',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
