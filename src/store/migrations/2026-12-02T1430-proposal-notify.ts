import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time: this migration must not import application types.

/**
 * Live updates (issue 9): on PostgreSQL every change of a proposal's version NOTIFYs
 * `liaison_proposal_changed` with "id:version" inside the writing transaction, so listeners on
 * every instance hear of it when, and only when, it commits. SQLite has nothing to add.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql
    .raw(`create function liaison_proposal_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('liaison_proposal_changed', new.id || ':' || new.version);
        return new;
      end $$`)
    .execute(db)
  await sql
    .raw(`create trigger proposal_notify after update of version on proposal
      for each row when (new.version is distinct from old.version) execute function liaison_proposal_notify()`)
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql.raw('drop trigger proposal_notify on proposal').execute(db)
  await sql.raw('drop function liaison_proposal_notify()').execute(db)
}
