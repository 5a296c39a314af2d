import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import {
  type MembershipEnd,
  type MembershipInput,
  type MembershipPatch,
  MembershipRecordInput,
} from '../../../contract/framework-input.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, type FieldProblem, invalidInput } from '../../../domain/errors.ts'
import { membershipSpanProblems } from '../../../domain/membership-overlap.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import {
  findVisibleFrameworkIn,
  findVisibleMembership,
  type MembershipRecord,
} from '../../../store/framework-store.ts'
import {
  insertMembership,
  lockFramework,
  type MembershipDraft,
  membershipSpans,
  updateMembership,
} from '../../../store/framework-write-store.ts'
import { countryKnown } from '../../../store/liaison-office-store.ts'
import { mergePatch } from '../../merge-patch.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'
import { dateInput, dateOrNull, markingInput } from '../../registry-input.ts'

/**
 * Membership commands. The framework's row lock serialises them, so the overlap check (a member
 * holds at most one membership of a framework on any day) sees every committed span.
 */

type RecordFields = z.output<typeof MembershipRecordInput>

function draftOf(fields: RecordFields, marking: MembershipDraft['marking']): MembershipDraft {
  return {
    from: dateOrNull(fields.from),
    to: dateOrNull(fields.to),
    status: fields.status,
    note: fields.note,
    marking,
  }
}

function audited(draft: MembershipDraft): Record<string, unknown> {
  return {
    from: draft.from?.value ?? null,
    to: draft.to?.value ?? null,
    status: draft.status,
    note: draft.note,
    marking: markingInput(draft.marking),
  }
}

async function openFramework(tx: Executor, db: Db, principal: Principal, id: string): Promise<void> {
  await lockFramework(tx, db.engine, id)
  if ((await findVisibleFrameworkIn(tx, db.engine, principal, id)) === null) {
    throw new DomainError('not-found', `No framework has the id ${id}.`)
  }
}

async function checkSpan(
  tx: Executor,
  principal: Principal,
  target: { frameworkId: string; country: string; self: string | null },
  draft: MembershipDraft,
  extra: FieldProblem[] = [],
): Promise<void> {
  const others = (await membershipSpans(tx, principal, target.frameworkId, target.country)).filter(
    (span) => span.id !== target.self,
  )
  const problems = [...extra, ...membershipSpanProblems(draft, others)]
  if (problems.length > 0) throw invalidInput('membership', problems)
}

/** Records a membership span of a country in the framework; returns its id. */
export async function createMembership(
  db: Db,
  principal: Principal,
  input: { readonly frameworkId: string; readonly membership: z.output<typeof MembershipInput> },
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'registry' })
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    await openFramework(tx, db, principal, input.frameworkId)
    const { country } = input.membership
    const draft = draftOf(input.membership, toMarking(principal, input.membership.marking, null))
    const unknown: FieldProblem[] = (await countryKnown(tx, country))
      ? []
      : [{ pointer: '#/country', detail: `No country has the code ${country}` }]
    await checkSpan(tx, principal, { frameworkId: input.frameworkId, country, self: null }, draft, unknown)
    await insertMembership(tx, id, input.frameworkId, country, draft)
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'framework-membership',
        entityId: id,
        details: { framework: input.frameworkId, country, ...audited(draft) },
      },
      now,
    )
  })
  return id
}

function asInput(record: MembershipRecord): z.input<typeof MembershipRecordInput> {
  return {
    from: dateInput(record.from),
    to: dateInput(record.to),
    status: record.status as RecordFields['status'],
    note: record.note,
    marking: markingInput(record.marking),
  }
}

type Target = { readonly frameworkId: string; readonly id: string }

/** Changes a membership under If-Match (the shared step of patch and end); returns the new version. */
async function changeMembership(
  db: Db,
  principal: Principal,
  target: Target,
  patch: z.output<typeof MembershipPatch>,
  expected: number,
  now: Date,
  action: 'update' | 'end',
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await openFramework(tx, db, principal, target.frameworkId)
    const current = await findVisibleMembership(tx, principal, target.frameworkId, target.id)
    if (current === null) throw new DomainError('not-found', `No membership has the id ${target.id}.`)
    authorize(principal, 'update', { type: 'registry' })
    if (action === 'end' && current.to !== null) {
      throw new DomainError('invalid-state', `This membership already ended (${current.to.value}).`, {
        currentStatus: current.status,
      })
    }
    const before = asInput(current)
    const merged = mergePatch('membership', MembershipRecordInput, before, patch)
    const draft = draftOf(merged, toMarking(principal, merged.marking, current.marking))
    await checkSpan(
      tx,
      principal,
      { frameworkId: target.frameworkId, country: current.code, self: current.id },
      draft,
    )
    const version = await updateMembership(tx, principal, current.id, expected, draft)
    await recordAudit(
      tx,
      principal,
      {
        action,
        entity: 'framework-membership',
        entityId: current.id,
        changes: changedFields(
          audited(draftOf(MembershipRecordInput.parse(before), current.marking)),
          audited(draft),
        ),
      },
      now,
    )
    return version
  })
}

export function patchMembership(
  db: Db,
  principal: Principal,
  input: Target & { readonly patch: z.output<typeof MembershipPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return changeMembership(db, principal, input, input.patch, expected, now, 'update')
}

/** Ends a running membership on its last (fuzzy) day: it becomes former. */
export function endMembership(
  db: Db,
  principal: Principal,
  input: Target & { readonly end: z.output<typeof MembershipEnd> },
  expected: number,
  now: Date,
): Promise<number> {
  const { to, note } = input.end
  return changeMembership(
    db,
    principal,
    input,
    { to, status: 'former', ...(note === undefined ? {} : { note }) },
    expected,
    now,
    'end',
  )
}
