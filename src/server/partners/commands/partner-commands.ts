import type { z } from 'zod'
import { type PartnerInput, type PartnerPatch, PartnerRecordInput } from '../../../contract/partner-input.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, type FieldProblem, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { zoneProblems } from '../../../domain/registry.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import {
  codeInUse,
  findPartnerForWrite,
  insertPartner,
  lockPartner,
  type PartnerDraft,
  type StoredPartner,
  updatePartner,
} from '../../../store/partner-write-store.ts'
import { isUniqueViolation } from '../../../store/unique-violation.ts'
import { mergePatch } from '../../merge-patch.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'
import { dateInput, dateOrNull, markingInput } from '../../registry-input.ts'

/**
 * Partner commands in the one template: authorise, load what the writer may see, check what a
 * schema cannot (the zone, the code), write under the If-Match version, audit last.
 */

type RecordFields = z.output<typeof PartnerRecordInput>

function draftOf(code: string, fields: RecordFields, marking: PartnerDraft['marking']): PartnerDraft {
  return {
    code,
    name: fields.name,
    capital: fields.capital,
    timeZone: fields.timeZone,
    status: fields.status,
    summary: fields.summary,
    dialogueSince: dateOrNull(fields.dialogueSince),
    marking,
  }
}

/** The audit's view of a partner: plain fields, dates as EDTF. */
function audited(draft: PartnerDraft): Record<string, unknown> {
  return {
    name: draft.name,
    capital: draft.capital,
    timeZone: draft.timeZone,
    status: draft.status,
    summary: draft.summary,
    dialogueSince: draft.dialogueSince?.value ?? null,
    marking: markingInput(draft.marking),
  }
}

/** Records a new partner; returns its code. */
export async function createPartner(
  db: Db,
  principal: Principal,
  input: z.output<typeof PartnerInput>,
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'registry' })
  const draft = draftOf(input.code, input, toMarking(principal, input.marking, null))
  await inTransaction(db, async (tx) => {
    const inUse = await codeInUse(tx, input.code)
    const problems: FieldProblem[] = [...zoneProblems(input.timeZone)]
    if (inUse.partner) {
      problems.push({ pointer: '#/code', detail: `${input.code} is already in the register as a partner` })
    } else if (inUse.member) {
      problems.push({ pointer: '#/code', detail: `${input.code} is a member of the alliance, not a partner` })
    }
    if (problems.length > 0) throw invalidInput('partner', problems)
    try {
      await insertPartner(tx, draft, inUse.country)
    } catch (error) {
      // Another editor recorded the same code between our check and this insert.
      if (!isUniqueViolation(error)) throw error
      throw invalidInput('partner', [
        { pointer: '#/code', detail: `${input.code} is already in the register as a partner` },
      ])
    }
    await recordAudit(
      tx,
      principal,
      { action: 'create', entity: 'partner', entityId: draft.code, details: audited(draft) },
      now,
    )
  })
  return draft.code
}

function asInput(record: StoredPartner): z.input<typeof PartnerRecordInput> {
  return {
    name: record.name,
    capital: record.capital,
    timeZone: record.timeZone,
    status: record.status as RecordFields['status'],
    summary: record.summary,
    dialogueSince: dateInput(record.dialogueSince),
    marking: markingInput(record.marking),
  }
}

/** Changes a partner's profile under If-Match; returns the new version. */
export async function patchPartner(
  db: Db,
  principal: Principal,
  input: { readonly code: string; readonly patch: z.output<typeof PartnerPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockPartner(tx, db.engine, input.code)
    const current = await findPartnerForWrite(tx, principal, input.code)
    if (current === null) throw new DomainError('not-found', `No partner has the code ${input.code}.`)
    authorize(principal, 'update', { type: 'registry' })
    const merged = mergePatch('partner', PartnerRecordInput, asInput(current), input.patch)
    const problems = zoneProblems(merged.timeZone)
    if (problems.length > 0) throw invalidInput('partner', problems)
    const draft = draftOf(current.code, merged, toMarking(principal, merged.marking, current.marking))
    const version = await updatePartner(tx, principal, expected, draft)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'partner',
        entityId: current.code,
        changes: changedFields(audited(current), audited(draft)),
      },
      now,
    )
    return version
  })
}
