import { randomUUID } from 'node:crypto'
import { type Classification, classificationAt, classificationRank } from '../domain/marking.ts'
import { type Principal, type PrincipalKind, principalKinds } from '../domain/principal.ts'
import type { AppUserTable, Db } from './database.ts'

export interface NewUser {
  readonly username: string
  readonly passwordHash: string
  readonly kind: PrincipalKind
  readonly country: string | null
  readonly clearance: Classification
  readonly displayName: string
  readonly roles: readonly string[]
}

export async function findUserByUsername(db: Db, username: string): Promise<AppUserTable | null> {
  const row = await db.kysely
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
  return row ?? null
}

/** Creates the user, or when the username exists, replaces its password and profile. */
export async function upsertUser(db: Db, user: NewUser, now: Date): Promise<string> {
  const values = {
    password_hash: user.passwordHash,
    kind: user.kind,
    country_code: user.country,
    clearance: classificationRank(user.clearance),
    display_name: user.displayName,
    roles: user.roles.join(','),
  }
  const existing = await findUserByUsername(db, user.username)
  if (existing !== null) {
    // Setting a password by hand (the CLI's seed) is an operator's unlock as well.
    await db.kysely
      .updateTable('app_user')
      .set({ ...values, failed_sign_ins: 0, locked_at: null })
      .where('id', '=', existing.id)
      .execute()
    return existing.id
  }
  const id = randomUUID()
  await db.kysely
    .insertInto('app_user')
    .values({
      id,
      username: user.username,
      created_at: now.toISOString(),
      failed_sign_ins: 0,
      locked_at: null,
      disabled_at: null,
      version: 1,
      ...values,
    })
    .execute()
  return id
}

export function principalOf(user: AppUserTable): Principal {
  const kind = principalKinds.find((k) => k === user.kind) ?? 'public'
  return {
    kind,
    country: user.country_code,
    clearance: classificationAt(Number(user.clearance)),
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: new Set(user.roles.split(',').filter((role) => role.length > 0)),
  }
}
