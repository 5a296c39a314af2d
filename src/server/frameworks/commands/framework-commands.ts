import type { z } from 'zod'
import {
  type FrameworkInput,
  type FrameworkPatch,
  FrameworkRecordInput,
} from '../../../contract/framework-input.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { inTransaction } from '../../../store/executor.ts'
import { type FrameworkRecord, findVisibleFrameworkIn } from '../../../store/framework-store.ts'
import {
  type FrameworkDraft,
  frameworkIdTaken,
  insertFramework,
  lockFramework,
  updateFramework,
} from '../../../store/framework-write-store.ts'
import { mergePatch } from '../../merge-patch.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'
import { dateInput, dateOrNull, markingInput } from '../../registry-input.ts'

/** Framework commands in the one template (memberships: membership-commands.ts). */

type RecordFields = z.output<typeof FrameworkRecordInput>

function draftOf(fields: RecordFields, marking: FrameworkDraft['marking']): FrameworkDraft {
  return {
    name: fields.name,
    shortName: fields.shortName,
    formal: fields.formal,
    started: dateOrNull(fields.started),
    description: fields.description,
    source: fields.source,
    marking,
  }
}

function audited(draft: FrameworkDraft): Record<string, unknown> {
  return {
    name: draft.name,
    shortName: draft.shortName,
    formal: draft.formal,
    started: draft.started?.value ?? null,
    description: draft.description,
    source: draft.source,
    marking: markingInput(draft.marking),
  }
}

/** Records a new framework under the id its writer chose; returns the id. */
export async function createFramework(
  db: Db,
  principal: Principal,
  input: z.output<typeof FrameworkInput>,
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'registry' })
  const draft = draftOf(input, toMarking(principal, input.marking, null))
  await inTransaction(db, async (tx) => {
    if (await frameworkIdTaken(tx, input.id)) {
      throw invalidInput('framework', [
        { pointer: '#/id', detail: `The id ${input.id} is taken; choose another` },
      ])
    }
    await insertFramework(tx, input.id, draft)
    await recordAudit(
      tx,
      principal,
      { action: 'create', entity: 'framework', entityId: input.id, details: audited(draft) },
      now,
    )
  })
  return input.id
}

function asInput(record: FrameworkRecord): z.input<typeof FrameworkRecordInput> {
  return {
    name: record.name,
    shortName: record.shortName,
    formal: record.formal,
    started: dateInput(record.started),
    description: record.description,
    source: record.source,
    marking: markingInput(record.marking),
  }
}

/** Changes a framework under If-Match; returns the new version. */
export async function patchFramework(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.output<typeof FrameworkPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockFramework(tx, db.engine, input.id)
    const current = await findVisibleFrameworkIn(tx, db.engine, principal, input.id)
    if (current === null) throw new DomainError('not-found', `No framework has the id ${input.id}.`)
    authorize(principal, 'update', { type: 'registry' })
    const before = asInput(current)
    const merged = mergePatch('framework', FrameworkRecordInput, before, input.patch)
    const draft = draftOf(merged, toMarking(principal, merged.marking, current.marking))
    const version = await updateFramework(tx, principal, current.id, expected, draft)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'framework',
        entityId: current.id,
        changes: changedFields(
          audited(draftOf(FrameworkRecordInput.parse(before), current.marking)),
          audited(draft),
        ),
      },
      now,
    )
    return version
  })
}
