import { createHash, randomBytes } from 'node:crypto'
import type { Principal } from '../domain/principal.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import type { Db } from './database.ts'
import { removeFeedToken } from './engagement-calendar-store.ts'
import type { Executor } from './executor.ts'
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
  /** Set when a provider signed the user in: kept for signing out there too. */
  oidc?: { readonly provider: string; readonly idToken: string },
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
      oidc_provider: oidc?.provider ?? null,
      oidc_id_token: oidc?.idToken ?? null,
    })
    .execute()
  return { token, expiresAt }
}

/** The identity provider a session was signed in through, and its ID token (for logout there). */
export interface SingleSignOnOrigin {
  readonly provider: string
  readonly idToken: string
}

/** Where this session came from when it was a single sign-on; null for local sign-ins and unknown tokens. */
export async function findSingleSignOnOrigin(db: Db, token: string): Promise<SingleSignOnOrigin | null> {
  const row = await db.kysely
    .selectFrom('user_session')
    .select(['oidc_provider', 'oidc_id_token'])
    .where('id', '=', hashToken(token))
    .executeTakeFirst()
  if (row?.oidc_provider == null || row.oidc_id_token == null) return null
  return { provider: row.oidc_provider, idToken: row.oidc_id_token }
}

/**
 * Principals of recently checked sessions, by token, per database. Every request carries its
 * session and the lookup (hash and statement) cost about as much as the page it guarded
 * (bench/foundation.bench.ts). Keyed by the token itself so a hit skips the hash; the tokens live
 * only in this process's memory, which sees them on every request anyway, never in the database.
 *
 * The trade-off: a sign-out in THIS process takes effect at once (`deleteSession` drops the entry),
 * but a sign-out, a deleted session or a changed clearance made through ANOTHER instance on the
 * same database takes effect here within `principalCacheMs`. Expiry by time is checked every time.
 */
const principalCacheMs = 3000
const principalCacheSize = 1000
const recentPrincipals = new WeakMap<Db, Map<string, RecentPrincipal>>()

interface RecentPrincipal {
  readonly principal: Principal
  readonly expiresAtMs: number
  /** performance.now() after which the session row must be read again. */
  readonly checkAgainAt: number
}

const compiledQueries = new CompiledQueryCache()

function recentPrincipalsOf(db: Db): Map<string, RecentPrincipal> {
  let recent = recentPrincipals.get(db)
  if (recent === undefined) {
    recent = new Map()
    recentPrincipals.set(db, recent)
  }
  return recent
}

/**
 * The principal of this token if it was checked within the last `principalCacheMs` and has not
 * expired; undefined when the database must be asked (`findSessionPrincipal`). Synchronous, so
 * the authentication hook answers most requests without a promise.
 */
export function recentSessionPrincipal(db: Db, token: string, now: Date): Principal | undefined {
  const known = recentPrincipals.get(db)?.get(token)
  if (known === undefined || known.checkAgainAt <= performance.now() || known.expiresAtMs <= now.getTime()) {
    return undefined
  }
  return known.principal
}

/** The principal signed in with this token, or null when the token is unknown or expired. */
export async function findSessionPrincipal(db: Db, token: string, now: Date): Promise<Principal | null> {
  const recentlyChecked = recentSessionPrincipal(db, token, now)
  if (recentlyChecked !== undefined) {
    return recentlyChecked
  }
  const recent = recentPrincipalsOf(db)
  recent.delete(token)
  const [user] = await compiledQueries.execute(
    db,
    'session-principal',
    { id: hashToken(token), now: now.toISOString() },
    (params) =>
      db.kysely
        .selectFrom('user_session as s')
        .innerJoin('app_user as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select('s.expires_at')
        .where('s.id', '=', params.id)
        .where('s.expires_at', '>', params.now)
        // Disabling deletes the sessions too; this keeps a disabled account out even if one survived.
        .where('u.disabled_at', 'is', null),
  )
  if (user === undefined) {
    return null
  }
  const principal = principalOf(user)
  if (recent.size >= principalCacheSize) {
    const oldest = recent.keys().next().value
    if (oldest !== undefined) {
      recent.delete(oldest)
    }
  }
  recent.set(token, {
    principal,
    expiresAtMs: Date.parse(user.expires_at),
    checkAgainAt: performance.now() + principalCacheMs,
  })
  return principal
}

/** The provider that signed this session in and its ID token; null for a local session. */
export async function sessionProvider(
  db: Db,
  token: string,
): Promise<{ provider: string; idToken: string } | null> {
  const row = await db.kysely
    .selectFrom('user_session')
    .select(['oidc_provider', 'oidc_id_token'])
    .where('id', '=', hashToken(token))
    .executeTakeFirst()
  if (row?.oidc_provider == null || row.oidc_id_token == null) return null
  return { provider: row.oidc_provider, idToken: row.oidc_id_token }
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  recentPrincipals.get(db)?.delete(token)
  await db.kysely.deleteFrom('user_session').where('id', '=', hashToken(token)).execute()
}

/** At most this many expired sessions are deleted per purge, so a sign-in never waits on a backlog. */
const purgeBatch = 100

/**
 * Deletes up to `purgeBatch` sessions that expired before `now`, and answers how many. Run on every
 * sign-in: each sign-in adds one row and removes up to a hundred dead ones, so the table stays
 * about the size of the live sessions without a timer.
 */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.kysely
    .deleteFrom('user_session')
    .where(
      'id',
      'in',
      db.kysely
        .selectFrom('user_session')
        .select('id')
        .where('expires_at', '<=', now.toISOString())
        .limit(purgeBatch),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Signs the user out everywhere at once: deletes their sessions and calendar feed token, and forgets
 * their recently checked sessions in this process (other instances follow within `principalCacheMs`).
 */
export async function revokeUserAccess(executor: Executor, db: Db, userId: string): Promise<void> {
  await executor.deleteFrom('user_session').where('user_id', '=', userId).execute()
  await removeFeedToken(executor, userId)
  const recent = recentPrincipals.get(db)
  for (const [token, known] of recent ?? []) {
    if (known.principal.userId === userId) recent?.delete(token)
  }
}
