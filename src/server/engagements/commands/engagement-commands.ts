import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { EngagementInput, type EngagementPatch } from '../../../contract/engagement.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { findVisibleEngagementRecord } from '../../../store/engagement-store.ts'
import {
  checkEngagementDraft,
  countEngagementDependants,
  insertEngagement,
  removeEngagement,
  replaceEngagement,
} from '../../../store/engagement-write-store.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import { mergePatch } from '../../merge-patch.ts'
import { asEngagementInput, toEngagementDraft } from './engagement-input.ts'

/**
 * The engagement commands. Each opens the one transaction of its request and inside it loads what
 * the principal may see, authorises, checks, writes (the If-Match version is compared in the
 * UPDATE/DELETE itself) and records the audit entry: all of it commits, or none of it.
 */

async function loadVisible(tx: Executor, principal: Principal, id: string) {
  const found = await findVisibleEngagementRecord(tx, principal, id)
  if (found === null) {
    throw new DomainError('not-found', `No engagement has the id ${id}.`)
  }
  return found.engagement
}

/** Records a new engagement; returns its id. */
export async function createEngagement(
  db: Db,
  principal: Principal,
  input: z.infer<typeof EngagementInput>,
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'engagement' })
  const id = randomUUID()
  const draft = toEngagementDraft(input)
  await inTransaction(db, async (tx) => {
    await checkEngagementDraft(tx, principal, draft, undefined)
    await insertEngagement(tx, id, draft, now)
    await recordAudit(
      tx,
      principal,
      { action: 'create', entity: 'engagement', entityId: id, details: { title: draft.title } },
      now,
    )
  })
  return id
}

/** Lays a patch over the engagement as the principal sees it; the merged engagement must be valid. Returns the new version. */
export async function updateEngagement(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.infer<typeof EngagementPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await loadVisible(tx, principal, input.id)
    authorize(principal, 'update', { type: 'engagement' })
    const before = asEngagementInput(current)
    const merged = mergePatch('engagement', EngagementInput, before, input.patch)
    const draft = toEngagementDraft(merged)
    await checkEngagementDraft(tx, principal, draft, current.id)
    const version = await replaceEngagement(tx, principal, current.id, expected, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'engagement',
        entityId: current.id,
        details: { version },
        changes: changedFields(before, merged),
      },
      now,
    )
    return version
  })
}

/** Deletes an engagement that has no sideline meetings or statements hanging off it. */
export async function deleteEngagement(
  db: Db,
  principal: Principal,
  input: { readonly id: string },
  expected: number,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await loadVisible(tx, principal, input.id)
    authorize(principal, 'delete', { type: 'engagement' })
    if ((await countEngagementDependants(tx, current.id)) > 0) {
      throw new DomainError(
        'conflict',
        'This engagement has sideline meetings or statements linked to it; delete or relink them first.',
      )
    }
    await removeEngagement(tx, principal, current.id, expected)
    await recordAudit(tx, principal, { action: 'delete', entity: 'engagement', entityId: current.id }, now)
  })
}
