import type { Kysely, Transaction } from 'kysely'
import type { Database, Db } from './database.ts'

/**
 * What a store function runs its SQL on: the command's transaction, or the database for a read.
 * Store functions never open a transaction themselves; the command does, once.
 */
export type Executor = Kysely<Database> | Transaction<Database>

/**
 * Runs one command's work in one transaction: every check, write, position, scheduled job and
 * audit entry it makes commits together or not at all.
 */
export function inTransaction<T>(db: Db, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(work)
}
