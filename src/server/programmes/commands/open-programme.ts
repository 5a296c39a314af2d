import type { Transaction } from 'kysely'
import { staleVersion } from '../../../domain/errors.ts'
import type { Resource } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import type { Database, Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import { lockProgrammes } from '../../../store/programme-revision-store.ts'
import { type ProgrammeRecord, requireVisibleProgramme } from '../../../store/programme-store.ts'
import { oneAtATime } from './one-at-a-time.ts'

/**
 * `inTransaction` for a command on programme `programmeId`: commands on one programme queue in this
 * process (one-at-a-time.ts) before they take a connection, then lock the row (openProgramme).
 */
export function inProgrammeTransaction<T>(
  db: Db,
  programmeId: string,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return oneAtATime(db, programmeId, () => inTransaction(db, work))
}

/**
 * The first step of every command that changes a programme or its parts: take the programme's row
 * lock (and that of any other programme the command changes), then load it as the principal sees
 * it, in the command's transaction, so every later check reads what no one else is changing.
 */
export async function openProgramme(
  tx: Executor,
  db: Db,
  principal: Principal,
  id: string,
  alsoChanged: readonly string[] = [],
): Promise<ProgrammeRecord> {
  await lockProgrammes(tx, db.engine, [id, ...alsoChanged])
  return requireVisibleProgramme(tx, principal, id)
}

/**
 * The If-Match check of a write to the programme itself, against the version this principal sees
 * (the programme row is locked, so it cannot move before the command commits).
 */
export function assertCurrent(programme: ProgrammeRecord, expected: number): void {
  if (programme.version !== expected) throw staleVersion('programme', programme.version)
}

/** The facts `authorize` needs about a programme. */
export function programmeResource(programme: ProgrammeRecord): Resource {
  return {
    type: 'programme',
    partnerCode: programme.partnerCode,
    status: programme.status,
    textApproved: programme.textApproved,
  }
}
