import { createHash, randomBytes } from 'node:crypto'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { principalOf } from './user-store.ts'

/** Sessions last this long from sign-in. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000

/** Only a hash of the token is stored, so a copy of the database cannot be used to sign in. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Starts a session and returns the secret token for the cookie. */
export async function createSession(
  db: Db,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
  await db.kysely
    .insertInto('user_session')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute()
  return { token, expiresAt }
}

/** The principal signed in with this token, or null when the token is unknown or expired. */
export async function findSessionPrincipal(db: Db, token: string, now: Date): Promise<Principal | null> {
  const user = await db.kysely
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', now.toISOString())
    .executeTakeFirst()
  return user === undefined ? null : principalOf(user)
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.kysely.deleteFrom('user_session').where('id', '=', hashToken(token)).execute()
}
