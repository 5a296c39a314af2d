import { createHash, randomUUID } from 'node:crypto'
import { classificationRank } from '../domain/marking.ts'
import type { MappedIdentity } from '../server/oidc/map-claims.ts'
import type { AppUserTable, Db } from './database.ts'
import type { Executor } from './executor.ts'

/** A sign-in may take this long at the provider (typing a password, a second factor). */
export const oidcSignInLifetimeMs = 10 * 60 * 1000

/**
 * Marks an account made by single sign-on: not a hash any password verifies against
 * (verifyPassword answers false for it), so such a user can only sign in through the provider
 * until an administrator sets a password.
 */
export const noPassword = '!sso-only'

/** The state travels through the browser; only its hash is stored, like session tokens. */
export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('base64url')
}

export interface PendingSignIn {
  readonly provider: string
  readonly codeVerifier: string
  readonly nonce: string
}

export async function savePendingSignIn(
  db: Db,
  state: string,
  pending: PendingSignIn,
  now: Date,
): Promise<void> {
  // Each start adds one row; abandoned ones are cleared here rather than by a timer.
  await db.kysely.deleteFrom('oidc_sign_in').where('expires_at', '<=', now.toISOString()).execute()
  await db.kysely
    .insertInto('oidc_sign_in')
    .values({
      id: hashState(state),
      provider: pending.provider,
      code_verifier: pending.codeVerifier,
      nonce: pending.nonce,
      expires_at: new Date(now.getTime() + oidcSignInLifetimeMs).toISOString(),
    })
    .execute()
}

/**
 * The pending sign-in of this state, deleted as it is read: a callback is answered once, so a
 * replayed or second callback finds nothing. Null when unknown, used, expired or for another provider.
 */
export async function takePendingSignIn(
  db: Db,
  state: string,
  provider: string,
  now: Date,
): Promise<PendingSignIn | null> {
  const id = hashState(state)
  const row = await db.kysely.selectFrom('oidc_sign_in').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) return null
  const deleted = await db.kysely.deleteFrom('oidc_sign_in').where('id', '=', id).executeTakeFirst()
  // Two callbacks racing with one state: only the one whose delete removed the row goes on.
  if (Number(deleted.numDeletedRows) !== 1) return null
  if (row.provider !== provider || row.expires_at <= now.toISOString()) return null
  return { provider: row.provider, codeVerifier: row.code_verifier, nonce: row.nonce }
}

export async function countryExists(executor: Executor, code: string): Promise<boolean> {
  const row = await executor.selectFrom('country').select('code').where('code', '=', code).executeTakeFirst()
  return row !== undefined
}

/**
 * The user this provider's subject signs in as, with the mapped fields refreshed: found by the
 * (provider, subject) link; else, when `linkExistingUsers`, linked to the local user of that
 * username (one identity per provider and user); else created (just-in-time provisioning). Null
 * when the username belongs to another account that may not be linked. Run inside the sign-in's
 * transaction.
 */
export async function userForExternalIdentity(
  executor: Executor,
  provider: string,
  subject: string,
  identity: MappedIdentity,
  now: Date,
  linkExistingUsers = false,
): Promise<{ user: AppUserTable; created: boolean; linked: boolean } | null> {
  const at = now.toISOString()
  const fields = {
    kind: identity.kind,
    country_code: identity.country,
    clearance: classificationRank(identity.clearance),
    display_name: identity.displayName,
    roles: identity.roles.join(','),
  }
  const link = await executor
    .selectFrom('external_identity')
    .select('user_id')
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst()
  let userId = link?.user_id
  let created = false
  let linked = false
  if (userId === undefined) {
    const existing = await executor
      .selectFrom('app_user as u')
      .select('u.id')
      .where('u.username', '=', identity.username)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('external_identity as e')
              .select('e.user_id')
              .whereRef('e.user_id', '=', 'u.id')
              .where('e.provider', '=', provider),
          ),
        ),
      )
      .executeTakeFirst()
    if (existing === undefined) {
      const taken = await executor
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', identity.username)
        .executeTakeFirst()
      if (taken !== undefined) return null
      userId = randomUUID()
      created = true
      await executor
        .insertInto('app_user')
        .values({
          id: userId,
          username: identity.username,
          password_hash: noPassword,
          created_at: at,
          failed_sign_ins: 0,
          locked_at: null,
          disabled_at: null,
          version: 1,
          ...fields,
        })
        .execute()
    } else if (linkExistingUsers) {
      userId = existing.id
    } else {
      return null
    }
    linked = true
    await executor
      .insertInto('external_identity')
      .values({ provider, subject, user_id: userId, created_at: at, last_sign_in_at: at })
      .execute()
  } else {
    await executor
      .updateTable('external_identity')
      .set({ last_sign_in_at: at })
      .where('provider', '=', provider)
      .where('subject', '=', subject)
      .execute()
  }
  if (!created) {
    const before = await executor
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
      (key) => String(before[key]) !== String(fields[key]),
    )
    // Only a real change bumps the version, so an administrator's open edit is not made stale by a sign-in.
    if (changed) {
      await executor
        .updateTable('app_user')
        .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
        .where('id', '=', userId)
        .execute()
    }
  }
  const user = await executor
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return { user, created, linked }
}
