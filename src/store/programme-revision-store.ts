import { sql } from 'kysely'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'

/*
 * Revisions: how a programme's version moves without telling anyone about parts they cannot see.
 * `programme.version` is a counter raised once by every command that changes the programme or a
 * part of it. The header row, each node and each milestone keep the revision at which they last
 * changed, and `programme_tombstone` the revision at which a part of a marking was deleted or
 * re-marked away. The version a principal reads (and must send back in If-Match) is the highest
 * revision among the rows it may see (migration 2026-12-02T1100-programme-revisions).
 */

/**
 * Takes the row locks of the programmes a command changes, before it reads them, so that commands
 * on one programme run one after the other: on PostgreSQL concurrent inserts otherwise renumber the
 * same siblings in different orders and deadlock. In id order, so two commands locking the same
 * two programmes cannot wait on each other. SQLite has one writer at a time already (and no
 * `for update`).
 */
export async function lockProgrammes(tx: Executor, engine: Engine, ids: readonly string[]): Promise<void> {
  if (engine !== 'postgres') return
  for (const id of [...new Set(ids)].sort()) {
    await tx.selectFrom('programme').select('id').where('id', '=', id).forUpdate().execute()
  }
}

/** Raises the programme's revision counter; every row the command changes is stamped with the result. */
export async function nextRevision(tx: Executor, programmeId: string, now: Date): Promise<number> {
  const row = await tx
    .updateTable('programme')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('id', '=', programmeId)
    .returning('version')
    .executeTakeFirstOrThrow()
  return Number(row.version)
}

/**
 * Records that a part marked `marking` left the view of those who could see it (deleted, or
 * re-marked), so that their version moves with it while nobody else's does.
 */
export async function recordTombstone(
  tx: Executor,
  programmeId: string,
  marking: Marking,
  revision: number,
): Promise<void> {
  await tx
    .insertInto('programme_tombstone')
    .values({ programme_id: programmeId, ...markingToColumns(marking), programme_revision: revision })
    .onConflict((oc) =>
      oc
        .columns(['programme_id', 'classification', 'releasable_to'])
        .doUpdateSet({ programme_revision: revision }),
    )
    .execute()
}

/**
 * The highest revisions of the parts of programme `pr` the principal may see, as columns of a
 * select over `programme as pr` (the header's own is `pr.header_revision`). Each is 0 when there
 * is none; `visibleVersion` takes the highest.
 */
export function visibleRevisionColumns(principal: Principal) {
  const highest = <N extends string>(table: string, alias: string, name: N) =>
    sql<number>`coalesce((select max(${sql.ref(`${alias}.programme_revision`)}) from ${sql.table(table)} as ${sql.raw(alias)}
      where ${sql.ref(`${alias}.programme_id`)} = pr.id and ${programmePartVisibleTo(principal, alias)}), 0)`.as(
      name,
    )
  return [
    highest('programme_node', 'rn', 'node_revision'),
    highest('programme_milestone', 'rm', 'milestone_revision'),
    highest('programme_tombstone', 'rt', 'tombstone_revision'),
  ] as const
}

export function visibleVersion(row: {
  header_revision: number
  node_revision: number
  milestone_revision: number
  tombstone_revision: number
}): number {
  return Math.max(
    Number(row.header_revision),
    Number(row.node_revision),
    Number(row.milestone_revision),
    Number(row.tombstone_revision),
  )
}
