import type { Executor } from './executor.ts'
import './proposal-tables.ts'

/*
 * The system's own reads and writes for silence deadlines. They run for no principal (the
 * deadline fires whoever is signed in) and never leave the server: nothing here is presented.
 */

/** The ids of open silence procedures whose deadline is at or before `now`, earliest first. */
export async function dueSilenceProposals(executor: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await executor
    .selectFrom('proposal')
    .select('id')
    .where('status', '=', 'open')
    .where('procedure', '=', 'silence')
    .where('deadline', '<=', now.toISOString())
    .orderBy('deadline')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((row) => row.id)
}

/** Open silence procedures whose deadline is still ahead, with it: the jobs a queue must hold. */
export async function pendingSilenceDeadlines(
  executor: Executor,
  now: Date,
): Promise<Array<{ id: string; deadline: string }>> {
  const rows = await executor
    .selectFrom('proposal')
    .select(['id', 'deadline'])
    .where('status', '=', 'open')
    .where('procedure', '=', 'silence')
    .where('deadline', '>', now.toISOString())
    .execute()
  return rows.flatMap((row) => (row.deadline === null ? [] : [{ id: row.id, deadline: row.deadline }]))
}

export interface SilenceState {
  readonly status: string
  readonly procedure: string
  readonly deadline: string | null
  readonly version: number
}

/** The proposal's state as the deadline sees it (call after taking its row lock). */
export async function silenceState(executor: Executor, id: string): Promise<SilenceState | null> {
  const row = await executor
    .selectFrom('proposal')
    .select(['status', 'procedure', 'deadline', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? null : { ...row, version: Number(row.version) }
}

/** Adopts the proposal when it is still at `version`; true when this call adopted it. */
export async function adoptProposal(
  executor: Executor,
  id: string,
  version: number,
  now: Date,
): Promise<boolean> {
  const result = await executor
    .updateTable('proposal')
    .set({ status: 'adopted', version: version + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
