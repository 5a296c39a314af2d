import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { StatementInput, type StatementPatch } from '../../../contract/engagement-statement.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import {
  checkStatementDraft,
  findVisibleStatement,
  insertAssociation,
  insertStatement,
  removeAssociation,
  removeStatement,
  replaceStatement,
  type StatementRecord,
} from '../../../store/engagement-statement-store.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import { existingCountries } from '../../../store/reference-store.ts'
import { mergePatch } from '../../merge-patch.ts'

/**
 * The statement commands: one transaction each, in which the statement is loaded as the principal
 * may see it, the change authorised, checked and written (If-Match compared in the SQL), and audited.
 */

async function loadVisible(tx: Executor, principal: Principal, id: string): Promise<StatementRecord> {
  const statement = await findVisibleStatement(tx, principal, id)
  if (statement === null) {
    throw new DomainError('not-found', `No statement has the id ${id}.`)
  }
  return statement
}

/** The stored statement as an input, so that a patch can be laid over it. */
function asInput(statement: StatementRecord): z.infer<typeof StatementInput> {
  return {
    kind: statement.kind,
    status: statement.status,
    title: statement.title,
    summary: statement.summary,
    issuedOn: statement.issuedOn,
    issuers: [...statement.issuers],
    engagementId: statement.engagementId,
    priorityAreas: [...statement.priorityAreas],
    marking: {
      classification: statement.marking.classification,
      releasableTo: [...statement.marking.releasableTo],
    },
  }
}

/** Records a statement (or that none was issued); returns its id. */
export async function createStatement(
  db: Db,
  principal: Principal,
  input: z.infer<typeof StatementInput>,
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'statement' })
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    await checkStatementDraft(tx, principal, input)
    await insertStatement(tx, id, input, now)
    await recordAudit(tx, principal, { action: 'create', entity: 'statement', entityId: id }, now)
  })
  return id
}

/** Lays a patch over the statement as the principal sees it; returns the new version. */
export async function updateStatement(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.infer<typeof StatementPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await loadVisible(tx, principal, input.id)
    authorize(principal, 'update', { type: 'statement' })
    const before = asInput(current)
    const merged = mergePatch('statement', StatementInput, before, input.patch)
    await checkStatementDraft(tx, principal, merged)
    const version = await replaceStatement(tx, principal, current.id, expected, merged, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'statement',
        entityId: current.id,
        changes: changedFields(before, merged),
      },
      now,
    )
    return version
  })
}

export async function deleteStatement(
  db: Db,
  principal: Principal,
  input: { readonly id: string },
  expected: number,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await loadVisible(tx, principal, input.id)
    authorize(principal, 'delete', { type: 'statement' })
    await removeStatement(tx, principal, current.id, expected)
    await recordAudit(tx, principal, { action: 'delete', entity: 'statement', entityId: current.id }, now)
  })
}

/** Which statement and which partner an association command is about. */
export interface AssociationInput {
  readonly id: string
  readonly country: string
}

/**
 * A partner associates itself with a statement: staff may record it for any partner, a mission
 * only for its own country. Repeating it changes nothing (but is audited, as every request to write).
 */
export async function associatePartner(
  db: Db,
  principal: Principal,
  input: AssociationInput,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const statement = await loadVisible(tx, principal, input.id)
    authorize(principal, 'associate', { type: 'statement-association', country: input.country })
    if (!(await existingCountries(tx, [input.country])).has(input.country)) {
      throw invalidInput('association', [
        { pointer: '#/country', detail: `No country has the code ${input.country}` },
      ])
    }
    await insertAssociation(tx, statement, input.country, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'associate',
        entity: 'statement',
        entityId: statement.id,
        details: { country: input.country },
      },
      now,
    )
  })
}

export async function dissociatePartner(
  db: Db,
  principal: Principal,
  input: AssociationInput,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const statement = await loadVisible(tx, principal, input.id)
    authorize(principal, 'associate', { type: 'statement-association', country: input.country })
    await removeAssociation(tx, principal, statement.id, input.country)
    await recordAudit(
      tx,
      principal,
      {
        action: 'dissociate',
        entity: 'statement',
        entityId: statement.id,
        details: { country: input.country },
      },
      now,
    )
  })
}
