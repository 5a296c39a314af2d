import { sql } from 'kysely'
import type { Db } from './database.ts'

/** After this many consecutive wrong passwords an account is locked until an administrator unlocks it. */
export const defaultLockoutAfter = 5

/**
 * Counts one failed sign-in in a single statement (so concurrent guesses cannot lose counts) and
 * locks the account when the count reaches `lockoutAfter`. Answers whether the account is now locked.
 */
export async function recordFailedSignIn(
  db: Db,
  userId: string,
  lockoutAfter: number,
  at: Date,
): Promise<boolean> {
  const row = await db.kysely
    .updateTable('app_user')
    .set({
      failed_sign_ins: sql<number>`failed_sign_ins + 1`,
      locked_at: sql<
        string | null
      >`case when locked_at is null and failed_sign_ins + 1 >= ${lockoutAfter} then ${at.toISOString()} else locked_at end`,
    })
    .where('id', '=', userId)
    .returning(['locked_at'])
    .executeTakeFirst()
  return row?.locked_at != null
}

/** A successful sign-in starts the count again. */
export async function resetFailedSignIns(db: Db, userId: string): Promise<void> {
  await db.kysely.updateTable('app_user').set({ failed_sign_ins: 0 }).where('id', '=', userId).execute()
}
