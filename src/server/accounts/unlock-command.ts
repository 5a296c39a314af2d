import type { z } from 'zod'
import type { AccountLockView } from '../../contract/account.ts'
import { grantProblems } from '../../domain/account-grant.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Principal } from '../../domain/principal.ts'
import { recordAudit } from '../../store/audit-store.ts'
import type { Db } from '../../store/database.ts'
import { inTransaction } from '../../store/executor.ts'
import { principalOf } from '../../store/user-store.ts'

/**
 * Lifts a lockout and starts the failure count again. Only an administrator who could grant the
 * account what it holds may do so (`grantProblems`); an account out of their reach is answered as
 * not found, so a partner's administrator learns nothing of other countries' accounts.
 */
export function unlockAccount(
  db: Db,
  actor: Principal,
  userId: string,
  at: Date,
): Promise<z.infer<typeof AccountLockView>> {
  if (actor.userId === null) throw new DomainError('unauthenticated', 'Sign in to manage accounts.')
  return inTransaction(db, async (tx) => {
    const user = await tx.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst()
    const target = user === undefined ? null : principalOf(user)
    const refused =
      target === null ||
      grantProblems(actor, {
        kind: target.kind,
        country: target.country,
        clearance: target.clearance,
        roles: [...target.roles],
      }).length > 0
    if (user === undefined || refused) throw new DomainError('not-found', 'There is no such account.')
    await tx
      .updateTable('app_user')
      .set({ failed_sign_ins: 0, locked_at: null })
      .where('id', '=', userId)
      .execute()
    await recordAudit(tx, actor, { action: 'unlock', entity: 'user', entityId: userId }, at)
    return { id: user.id, username: user.username, locked: false, failedSignIns: 0 }
  })
}
