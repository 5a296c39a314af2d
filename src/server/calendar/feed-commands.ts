import { randomBytes } from 'node:crypto'
import { DomainError } from '../../domain/errors.ts'
import type { Principal } from '../../domain/principal.ts'
import { recordAudit } from '../../store/audit-store.ts'
import type { Db } from '../../store/database.ts'
import { removeFeedToken, replaceFeedToken } from '../../store/engagement-calendar-store.ts'
import { inTransaction } from '../../store/executor.ts'

/** A feed belongs to a signed-in user; a visitor has none to manage (401). */
export function signedInUser(principal: Principal): string {
  if (principal.userId === null) {
    throw new DomainError('unauthenticated', 'Sign in to manage your calendar feed.')
  }
  return principal.userId
}

/**
 * Creates the principal's secret feed token, or replaces it (the old URLs stop working), with its
 * audit entry in the same transaction. Returns the token: it is shown this once and stored only
 * as a hash.
 */
export async function rotateFeedToken(db: Db, principal: Principal, now: Date): Promise<string> {
  const userId = signedInUser(principal)
  const token = randomBytes(24).toString('base64url')
  await inTransaction(db, async (tx) => {
    await replaceFeedToken(tx, userId, token, now)
    await recordAudit(tx, principal, { action: 'rotate', entity: 'calendar-feed', entityId: userId }, now)
  })
  return token
}

/** Revokes the principal's feed token: every feed URL made from it stops working. */
export async function revokeFeedToken(db: Db, principal: Principal, now: Date): Promise<void> {
  const userId = signedInUser(principal)
  await inTransaction(db, async (tx) => {
    await removeFeedToken(tx, userId)
    await recordAudit(tx, principal, { action: 'revoke', entity: 'calendar-feed', entityId: userId }, now)
  })
}
