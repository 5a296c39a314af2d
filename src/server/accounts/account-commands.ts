import { randomBytes, randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { CreateUser, PatchUser } from '../../contract/account.ts'
import { type AccountGrant, accountShapeProblems, grantProblems } from '../../domain/account-grant.ts'
import { changedFields } from '../../domain/audit-changes.ts'
import { DomainError, invalidInput, staleVersion } from '../../domain/errors.ts'
import { classificationRank } from '../../domain/marking.ts'
import { authorize } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import { findReachableAccount, updateAccount, usernameTaken } from '../../store/account-store.ts'
import { recordAudit } from '../../store/audit-store.ts'
import type { AppUserTable, Db } from '../../store/database.ts'
import { type Executor, inTransaction } from '../../store/executor.ts'
import { hashPassword } from '../../store/password.ts'
import { revokeUserAccess } from '../../store/session-store.ts'
import { principalOf } from '../../store/user-store.ts'

/** A password to show once: 16 characters from 96 random bits. */
function oneTimePassword(): string {
  return randomBytes(12).toString('base64url')
}

/** Signed in and holding `user.manage`, checked before any account is read. */
export function authorizeAccounts(actor: Principal): void {
  if (actor.userId === null) throw new DomainError('unauthenticated', 'Sign in to manage accounts.')
  authorize(actor, 'update', { type: 'account' })
}

function refuseGrant(actor: Principal, grant: AccountGrant): void {
  const problems = [...accountShapeProblems(grant), ...grantProblems(actor, grant)]
  if (problems.length > 0) {
    throw invalidInput(
      'account',
      problems.map((problem) => ({ pointer: `#/${problem.field}`, detail: problem.message })),
    )
  }
}

async function loadReachable(tx: Executor, actor: Principal, id: string): Promise<AppUserTable> {
  const row = await findReachableAccount(tx, actor, id)
  if (row === null) throw new DomainError('not-found', 'There is no such account.')
  return row
}

async function reread(tx: Executor, id: string): Promise<AppUserTable> {
  return tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export async function createAccount(
  db: Db,
  actor: Principal,
  input: z.infer<typeof CreateUser>,
  at: Date,
): Promise<{ row: AppUserTable; oneTimePassword: string | null }> {
  authorizeAccounts(actor)
  refuseGrant(actor, input)
  const generated = input.password === undefined ? oneTimePassword() : null
  // Hashing takes tens of milliseconds: done before the transaction, so it holds no lock meanwhile.
  const passwordHash = await hashPassword(input.password ?? generated ?? '')
  return inTransaction(db, async (tx) => {
    if (await usernameTaken(tx, input.username)) {
      throw new DomainError('conflict', `The username ${input.username} is taken; choose another.`)
    }
    const id = randomUUID()
    await tx
      .insertInto('app_user')
      .values({
        id,
        username: input.username,
        password_hash: passwordHash,
        kind: input.kind,
        country_code: input.country,
        clearance: classificationRank(input.clearance),
        display_name: input.displayName,
        roles: [...new Set(input.roles)].join(','),
        created_at: at.toISOString(),
        failed_sign_ins: 0,
        locked_at: null,
        disabled_at: null,
        version: 1,
      })
      .execute()
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: id }, at)
    return { row: await reread(tx, id), oneTimePassword: generated }
  })
}

export async function patchAccount(
  db: Db,
  actor: Principal,
  id: string,
  patch: z.infer<typeof PatchUser>,
  expected: number,
  at: Date,
): Promise<AppUserTable> {
  authorizeAccounts(actor)
  return inTransaction(db, async (tx) => {
    const current = await loadReachable(tx, actor, id)
    const before = principalOf(current)
    const roles = patch.roles === undefined ? [...before.roles] : [...new Set(patch.roles)]
    const grant: AccountGrant = {
      kind: before.kind,
      country: patch.country === undefined ? before.country : patch.country,
      clearance: patch.clearance ?? before.clearance,
      roles,
    }
    refuseGrant(actor, grant)
    const written = await updateAccount(
      tx,
      id,
      {
        display_name: patch.displayName ?? current.display_name,
        country_code: grant.country,
        clearance: classificationRank(grant.clearance),
        roles: roles.join(','),
      },
      expected,
    )
    if (!written) throw staleVersion('account', Number(current.version))
    const changes = changedFields(
      {
        displayName: current.display_name,
        country: before.country,
        clearance: before.clearance,
        roles: [...before.roles].sort(),
      },
      {
        displayName: patch.displayName ?? current.display_name,
        country: grant.country,
        clearance: grant.clearance,
        roles: [...roles].sort(),
      },
    )
    await recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, changes }, at)
    return reread(tx, id)
  })
}

/** Disabling signs the account out everywhere at once: its sessions and calendar feed go with it. */
export async function setAccountDisabled(
  db: Db,
  actor: Principal,
  id: string,
  disabled: boolean,
  at: Date,
): Promise<AppUserTable> {
  authorizeAccounts(actor)
  if (disabled && id === actor.userId) {
    throw new DomainError('invalid-state', 'You cannot disable your own account; ask another administrator.')
  }
  return inTransaction(db, async (tx) => {
    const current = await loadReachable(tx, actor, id)
    const already = current.disabled_at !== null
    if (already !== disabled) {
      await tx
        .updateTable('app_user')
        .set({ disabled_at: disabled ? at.toISOString() : null })
        .where('id', '=', id)
        .execute()
      if (disabled) await revokeUserAccess(tx, db, id)
      await recordAudit(
        tx,
        actor,
        { action: disabled ? 'disable' : 'enable', entity: 'user', entityId: id },
        at,
      )
    }
    return reread(tx, id)
  })
}

/**
 * Sets the given password or a generated one (answered once). The account is signed out
 * everywhere, and its lockout lifted as the CLI's seed does: a new password is an operator's unlock.
 */
export async function resetAccountPassword(
  db: Db,
  actor: Principal,
  id: string,
  password: string | undefined,
  at: Date,
): Promise<{ row: AppUserTable; oneTimePassword: string | null }> {
  authorizeAccounts(actor)
  const generated = password === undefined ? oneTimePassword() : null
  const passwordHash = await hashPassword(password ?? generated ?? '')
  return inTransaction(db, async (tx) => {
    await loadReachable(tx, actor, id)
    await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_at: null })
      .where('id', '=', id)
      .execute()
    await revokeUserAccess(tx, db, id)
    await recordAudit(tx, actor, { action: 'reset-password', entity: 'user', entityId: id }, at)
    return { row: await reread(tx, id), oneTimePassword: generated }
  })
}
