import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * The cooperation menu (issue 13). Items and their events, partner requests (with the invitation
 * their approval issues, kept on the request: there is one per request), the goals each request
 * serves, registrations and feedback reports. Requests and registrations carry the requesting
 * partner and the provider beside their marking, so "own or provided" is a column test on the
 * row itself and each reader's list is an index range (the benchmark's queries). Items keep their
 * priority areas and eligibility as rows too, for indexed filters.
 */

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

const markedTables = ['coop_item', 'coop_event', 'coop_request', 'coop_registration'] as const

/** The same marking_id triggers as every marked table (2026-12-02T0400-markings). */
async function markingTriggers(db: Kysely<unknown>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`create trigger ${table}_marking before insert or update of classification, releasable_to, marking_id
        on ${table} for each row execute function liaison_record_marking()`)
      .execute(db)
    return
  }
  const record = `
    update ${table} set marking_id = new.classification || new.releasable_to
      where rowid = new.rowid and marking_id is not new.classification || new.releasable_to;
    insert or ignore into marking (id, classification, releasable_to)
      values (new.classification || new.releasable_to, new.classification, new.releasable_to);
    insert or ignore into marking_release (marking_id, country_code)
      select new.classification || new.releasable_to, j.value from json_each(case new.releasable_to when '' then '[]'
        else '["' || replace(trim(new.releasable_to, '|'), '|', '","') || '"]' end) as j;`
  await sql
    .raw(`create trigger ${table}_marking_insert after insert on ${table} begin ${record} end`)
    .execute(db)
  await sql
    .raw(
      `create trigger ${table}_marking_update after update of classification, releasable_to, marking_id on ${table} begin ${record} end`,
    )
    .execute(db)
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coop_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** Lower-cased code, title and description, for word search. */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('provider_kind', 'text', (c) => c.notNull())
    .addColumn('provider_code', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('priority_areas', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    /** 1 when no partner or framework is named: every partner may request it. */
    .addColumn('open_to_all', 'integer', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .execute()
  await db.schema
    .createIndex('coop_item_listed')
    .on('coop_item')
    .columns(['title', 'id', 'marking_id'])
    .execute()
  await db.schema
    .createIndex('coop_item_by_provider')
    .on('coop_item')
    .columns(['provider_code', 'title', 'id'])
    .execute()

  await db.schema
    .createTable('coop_item_area')
    .addColumn('item_id', 'text', (c) => c.notNull().references('coop_item.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_item_area_pk', ['item_id', 'area_id'])
    .execute()
  await db.schema
    .createIndex('coop_item_area_by_area')
    .on('coop_item_area')
    .columns(['area_id', 'item_id'])
    .execute()

  /** kind: partner (code = country) or framework (code = framework id). */
  await db.schema
    .createTable('coop_item_eligible')
    .addColumn('item_id', 'text', (c) => c.notNull().references('coop_item.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_item_eligible_pk', ['item_id', 'kind', 'code'])
    .execute()
  await db.schema
    .createIndex('coop_item_eligible_by_code')
    .on('coop_item_eligible')
    .columns(['kind', 'code', 'item_id'])
    .execute()

  await db.schema
    .createTable('coop_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('coop_item.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('application_deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .execute()
  await db.schema
    .createIndex('coop_event_by_item')
    .on('coop_event')
    .columns(['item_id', 'starts_on', 'id'])
    .execute()
  await db.schema.createIndex('coop_event_by_start').on('coop_event').columns(['starts_on', 'id']).execute()

  await db.schema
    .createTable('coop_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('coop_event.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('coop_item.id'))
    .addColumn('partner_code', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('provider_kind', 'text', (c) => c.notNull())
    .addColumn('provider_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('invitation_status', 'text')
    .addColumn('invitation_issued_at', 'text')
    .addColumn('invitation_message', 'text')
    .addColumn('invitation_responded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .execute()
  await db.schema
    .createIndex('coop_request_by_partner')
    .on('coop_request')
    .columns(['partner_code', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('coop_request_by_provider')
    .on('coop_request')
    .columns(['provider_code', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('coop_request_by_event')
    .on('coop_request')
    .columns(['event_id', 'partner_code'])
    .execute()

  await db.schema
    .createTable('coop_request_goal')
    .addColumn('request_id', 'text', (c) => c.notNull().references('coop_request.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_request_goal_pk', ['request_id', 'goal_id'])
    .execute()
  await db.schema
    .createIndex('coop_request_goal_by_programme')
    .on('coop_request_goal')
    .columns(['programme_id', 'request_id'])
    .execute()
  await db.schema
    .createIndex('coop_request_goal_by_goal')
    .on('coop_request_goal')
    .columns(['goal_id', 'request_id'])
    .execute()

  await db.schema
    .createTable('coop_registration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('coop_request.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('coop_event.id'))
    .addColumn('partner_code', 'text', (c) => c.notNull())
    .addColumn('provider_kind', 'text', (c) => c.notNull())
    .addColumn('provider_code', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** The event's arrival order: the waiting list promotes the lowest first. */
    .addColumn('queue_seq', 'integer', (c) => c.notNull())
    .addColumn('attendance', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'text', (c) => c.notNull().defaultTo('0'))
    .execute()
  await db.schema
    .createIndex('coop_registration_by_event')
    .on('coop_registration')
    .columns(['event_id', 'queue_seq'])
    .execute()
  await db.schema
    .createIndex('coop_registration_by_request')
    .on('coop_registration')
    .columns(['request_id', 'queue_seq'])
    .execute()

  await db.schema
    .createTable('coop_report')
    .addColumn('request_id', 'text', (c) => c.primaryKey().references('coop_request.id'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('goal_ids', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .execute()

  for (const table of markedTables) await markingTriggers(db, table)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'coop_report',
    'coop_registration',
    'coop_request_goal',
    'coop_request',
    'coop_event',
    'coop_item_eligible',
    'coop_item_area',
    'coop_item',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
