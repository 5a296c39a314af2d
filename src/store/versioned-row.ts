import { DomainError, staleVersion } from '../domain/errors.ts'
import type { Principal } from '../domain/principal.ts'
import type { Executor } from './executor.ts'
import { visibleTo } from './visibility.ts'

/** Marked tables whose rows carry an id and a version, written under If-Match. */
export type VersionedTable =
  | 'engagement'
  | 'engagement_statement'
  | 'liaison_office'
  | 'coop_item'
  | 'coop_event'
  | 'coop_request'
  | 'coop_registration'

/**
 * Throws why a versioned write (`… where id = ? and version = ?`) touched no row: the record
 * changed meanwhile (409 with its version as the writer may see it), or it is not there for this
 * writer (404, as for an id that never existed).
 */
export async function expectWritten(
  executor: Executor,
  principal: Principal,
  target: { readonly table: VersionedTable; readonly what: string; readonly id: string },
  touchedRows: bigint,
): Promise<void> {
  if (Number(touchedRows) > 0) return
  const visible = await executor
    .selectFrom(target.table)
    .select('version')
    .where('id', '=', target.id)
    .where(visibleTo(principal, target.table))
    .executeTakeFirst()
  throw visible === undefined
    ? new DomainError('not-found', `No ${target.what} has the id ${target.id}.`)
    : staleVersion(target.what, Number(visible.version))
}

/** Deletes the row `id` of `table` when `expectedVersion` is still the stored one. */
export async function removeVersioned(
  executor: Executor,
  principal: Principal,
  target: { readonly table: VersionedTable; readonly what: string; readonly id: string },
  expectedVersion: number,
): Promise<void> {
  const result = await executor
    .deleteFrom(target.table)
    .where('id', '=', target.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  await expectWritten(executor, principal, target, result.numDeletedRows)
}
