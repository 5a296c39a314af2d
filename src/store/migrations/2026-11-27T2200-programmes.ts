import type { CreateTableBuilder, Kysely } from 'kysely'

// Frozen in time: this migration must not import application types.

/** Every programme table is marked, so the SQL visibility filter applies to each of them. */
function marked<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T> {
  return table
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo(''))
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await marked(
    db.schema
      .createTable('programme')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partner_code', 'text', (c) => c.notNull().references('partner.country_code'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('agreed_on', 'text')
      .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('supersedes_id', 'text')
      .addColumn('superseded_by_id', 'text')
      .addColumn('public_diplomacy', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('next_review', 'text')
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute()
  await db.schema.createIndex('programme_partner').on('programme').column('partner_code').execute()

  // One table for the whole tree: objectives, goals and activities differ only in their parent's kind.
  await marked(
    db.schema
      .createTable('programme_node')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id').onDelete('cascade'))
      .addColumn('parent_id', 'text', (c) => c.references('programme_node.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('priority_areas', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute()
  await db.schema
    .createIndex('programme_node_programme')
    .on('programme_node')
    .columns(['programme_id', 'parent_id', 'position'])
    .execute()

  await marked(
    db.schema
      .createTable('programme_milestone')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id').onDelete('cascade'))
      .addColumn('goal_id', 'text', (c) => c.notNull().references('programme_node.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute()
  await db.schema
    .createIndex('programme_milestone_programme')
    .on('programme_milestone')
    .columns(['programme_id', 'due'])
    .execute()

  await marked(
    db.schema
      .createTable('programme_approval')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id').onDelete('cascade'))
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull()),
  ).execute()
  await db.schema
    .createIndex('programme_approval_programme')
    .on('programme_approval')
    .columns(['programme_id', 'round'])
    .execute()

  await marked(
    db.schema
      .createTable('programme_version')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('agreed_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addUniqueConstraint('programme_version_number', ['programme_id', 'number']),
  ).execute()

  // A frozen version keeps one row per part, each with its own marking, so the visibility filter
  // applies to old versions and diffs exactly as to the live tree.
  await marked(
    db.schema
      .createTable('programme_version_item')
      .addColumn('version_id', 'text', (c) =>
        c.notNull().references('programme_version.id').onDelete('cascade'),
      )
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('programme_version_item_pk', ['version_id', 'item_id']),
  ).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'programme_version_item',
    'programme_version',
    'programme_approval',
    'programme_milestone',
    'programme_node',
    'programme',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
