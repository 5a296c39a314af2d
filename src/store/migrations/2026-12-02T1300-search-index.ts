import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * One search index over partners, relationship events, frameworks, programmes with their nodes and
 * milestones, engagements and statements. `search_entry` holds one row per searchable record (its
 * title, its body, its marking and, for programme parts, the programme's partner), kept by triggers
 * on every source table, so the index changes in the same transaction as every write whichever
 * store made it. Each engine indexes the entries its own way:
 * - SQLite: an external-content FTS5 table over `search_entry`, unicode61 with diacritics removed
 *   (Séoul is found by "seoul"), queried by word prefixes so 東京 finds 東京都.
 * - PostgreSQL: a stored tsvector (`simple` config: names are not stemmed, the same in every
 *   language) over accent-folded text, title weighted A and body B, under a GIN index.
 * The entry keeps only the record's own fields, so a snippet can never quote another record.
 */

interface Source {
  readonly table: string
  readonly type: string
  readonly id: string
  readonly title: string
  readonly body: string
  /** The record a hit links through (partner of an event, programme of a part), or null. */
  readonly parent: string
  /** The programme's partner for programme parts (who may read them depends on it), else null. */
  readonly owner: string
}

const programmeOwner = '(select pp.partner_code from programme as pp where pp.id = #.programme_id)'

const sources: readonly Source[] = [
  {
    table: 'partner',
    type: 'partner',
    id: '#.country_code',
    title: 'coalesce((select c.name from country as c where c.code = #.country_code), #.country_code)',
    body: '#.summary',
    parent: 'null',
    owner: 'null',
  },
  {
    table: 'relationship_event',
    type: 'event',
    id: '#.id',
    title: '#.title',
    body: '#.description',
    parent: '#.partner_code',
    owner: 'null',
  },
  {
    table: 'framework',
    type: 'framework',
    id: '#.id',
    title: '#.name',
    body: "#.short_name || ' ' || #.description",
    parent: 'null',
    owner: 'null',
  },
  {
    table: 'programme',
    type: 'programme',
    id: '#.id',
    title: '#.title',
    body: '#.public_diplomacy',
    parent: 'null',
    owner: '#.partner_code',
  },
  {
    table: 'programme_node',
    type: 'programme-node',
    id: '#.id',
    title: '#.title',
    body: '#.description',
    parent: '#.programme_id',
    owner: programmeOwner,
  },
  {
    table: 'programme_milestone',
    type: 'milestone',
    id: '#.id',
    title: '#.title',
    body: "''",
    parent: '#.programme_id',
    owner: programmeOwner,
  },
  {
    table: 'engagement',
    type: 'engagement',
    id: '#.id',
    title: '#.title',
    body: "#.place || ' ' || #.summary",
    parent: 'null',
    owner: 'null',
  },
  {
    table: 'engagement_statement',
    type: 'statement',
    id: '#.id',
    title: '#.title',
    body: '#.summary',
    parent: '#.engagement_id',
    owner: 'null',
  },
]

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** The entry columns of a source row (`row` is `new`, or a table alias when back-filling). */
function entryValues(source: Source, row: string, postgres: boolean): string {
  const at = (expression: string) => expression.replaceAll('#', row)
  const marking = postgres
    ? `${row}.classification::text || ${row}.releasable_to`
    : `${row}.classification || ${row}.releasable_to`
  return [
    `'${source.type}'`,
    at(source.id),
    marking,
    `${row}.classification`,
    `${row}.releasable_to`,
    at(source.parent),
    at(source.owner),
    at(source.title),
    at(source.body),
  ].join(', ')
}

const entryColumns =
  'type, record_id, marking_id, classification, releasable_to, parent_id, owner_code, title, body'

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db)
  await sql
    .raw(`create table search_entry (
      id ${postgres ? 'bigint generated always as identity' : 'integer'} primary key,
      type text not null,
      record_id text not null,
      marking_id text not null,
      classification integer not null,
      releasable_to text not null,
      parent_id text,
      owner_code text,
      title text not null,
      body text not null,
      unique (type, record_id))`)
    .execute(db)
  if (postgres) {
    await upPostgres(db)
  } else {
    await upSqlite(db)
  }
  for (const source of sources) {
    await sql
      .raw(`insert into search_entry (${entryColumns})
        select ${entryValues(source, 't', postgres)} from ${source.table} as t`)
      .execute(db)
  }
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create virtual table search_fts using fts5(title, body, content='search_entry',
      content_rowid='id', tokenize='unicode61 remove_diacritics 2')`)
    .execute(db)
  const remove =
    "insert into search_fts (search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);"
  const add = 'insert into search_fts (rowid, title, body) values (new.id, new.title, new.body);'
  await sql
    .raw(`create trigger search_entry_insert after insert on search_entry begin ${add} end`)
    .execute(db)
  await sql
    .raw(`create trigger search_entry_delete after delete on search_entry begin ${remove} end`)
    .execute(db)
  await sql
    .raw(`create trigger search_entry_update after update on search_entry begin ${remove} ${add} end`)
    .execute(db)
  for (const source of sources) {
    const values = entryValues(source, 'new', false)
    const id = source.id.replaceAll('#', 'old')
    await sql
      .raw(`create trigger ${source.table}_search_insert after insert on ${source.table} begin
        insert into search_entry (${entryColumns}) values (${values}); end`)
      .execute(db)
    // Delete and re-add: one statement per column list would drift from entryValues.
    await sql
      .raw(`create trigger ${source.table}_search_update after update on ${source.table} begin
        delete from search_entry where type = '${source.type}' and record_id = ${id};
        insert into search_entry (${entryColumns}) values (${values}); end`)
      .execute(db)
    await sql
      .raw(`create trigger ${source.table}_search_delete after delete on ${source.table} begin
        delete from search_entry where type = '${source.type}' and record_id = ${id}; end`)
      .execute(db)
  }
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  // Accents folded the way domain/search-query.ts folds query words (NFKD, marks dropped, lower).
  await sql
    .raw(`create function liaison_search_fold(text) returns text language sql immutable parallel safe
      as $$ select lower(regexp_replace(normalize($1, NFKD), '[\\u0300-\\u036f]', '', 'g')) $$`)
    .execute(db)
  await sql
    .raw(`alter table search_entry add column document tsvector generated always as (
      setweight(to_tsvector('simple', liaison_search_fold(title)), 'A') ||
      setweight(to_tsvector('simple', liaison_search_fold(body)), 'B')) stored`)
    .execute(db)
  await sql.raw('create index search_entry_document on search_entry using gin (document)').execute(db)
  for (const source of sources) {
    const id = source.id.replaceAll('#', 'old')
    await sql
      .raw(`create function ${source.table}_search() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then
            delete from search_entry where type = '${source.type}' and record_id = ${id};
          end if;
          if tg_op <> 'DELETE' then
            insert into search_entry (${entryColumns}) values (${entryValues(source, 'new', true)});
          end if;
          return null;
        end $$`)
      .execute(db)
    await sql
      .raw(`create trigger ${source.table}_search after insert or update or delete on ${source.table}
        for each row execute function ${source.table}_search()`)
      .execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db)
  for (const source of sources) {
    if (postgres) {
      await sql.raw(`drop trigger ${source.table}_search on ${source.table}`).execute(db)
      await sql.raw(`drop function ${source.table}_search()`).execute(db)
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`drop trigger ${source.table}_search_${event}`).execute(db)
      }
    }
  }
  if (!postgres) {
    await sql.raw('drop table search_fts').execute(db)
  }
  await sql.raw('drop table search_entry').execute(db)
  if (postgres) {
    await sql.raw('drop function liaison_search_fold(text)').execute(db)
  }
}
