import { randomUUID } from 'node:crypto'
import { IANAZone } from 'luxon'
import type { z } from 'zod'
import {
  CooperationEventInput,
  type CooperationEventPatch,
  CooperationItemInput,
  type CooperationItemPatch,
} from '../../../contract/cooperation.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { eventDayProblems } from '../../../domain/cooperation/lifecycle.ts'
import { allianceBodies } from '../../../domain/cooperation/vocabulary.ts'
import { DomainError, type FieldProblem, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import {
  type EventDraft,
  findVisibleEvent,
  insertEvent,
  lockEvent,
  updateEvent,
} from '../../../store/cooperation-event-store.ts'
import {
  findVisibleItem,
  type ItemDraft,
  type ItemRecord,
  insertItem,
  itemCodeTaken,
  unknownCodes,
  updateItem,
} from '../../../store/cooperation-item-store.ts'
import type { Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import { mergePatch } from '../../merge-patch.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'

/** Staff keep the catalogue: items and their events, in the one template. */

type ItemInput = z.infer<typeof CooperationItemInput>
type EventInput = z.infer<typeof CooperationEventInput>

/** Every problem of an item a schema cannot see: its code, provider, areas, partners, frameworks. */
async function checkItem(tx: Executor, input: ItemInput, exceptId: string | null): Promise<void> {
  const problems: FieldProblem[] = []
  if (await itemCodeTaken(tx, input.code, exceptId)) {
    problems.push({ pointer: '#/code', detail: `Another item already has the code ${input.code}` })
  }
  if (input.provider.kind === 'body' && allianceBodies[input.provider.code] === undefined) {
    problems.push({
      pointer: '#/provider/code',
      detail: `No alliance body has the id ${input.provider.code}; use one of ${Object.keys(allianceBodies).join(', ')}`,
    })
  }
  if (
    input.provider.kind === 'member' &&
    (await unknownCodes(tx, 'member', [input.provider.code])).length > 0
  ) {
    problems.push({ pointer: '#/provider/code', detail: `No member has the code ${input.provider.code}` })
  }
  for (const area of await unknownCodes(tx, 'priority_area', input.priorityAreas)) {
    problems.push({ pointer: '#/priorityAreas', detail: `No priority area has the id ${area}` })
  }
  for (const code of await unknownCodes(tx, 'partner', input.eligibility.partners)) {
    problems.push({ pointer: '#/eligibility/partners', detail: `No partner has the code ${code}` })
  }
  for (const id of await unknownCodes(tx, 'framework', input.eligibility.frameworks)) {
    problems.push({ pointer: '#/eligibility/frameworks', detail: `No framework has the id ${id}` })
  }
  if (problems.length > 0) throw invalidInput('cooperation item', problems)
}

function itemDraft(input: ItemInput, marking: ItemDraft['marking']): ItemDraft {
  return {
    code: input.code,
    title: input.title,
    description: input.description,
    provider: {
      kind: input.provider.kind,
      code: input.provider.kind === 'member' ? input.provider.code.toUpperCase() : input.provider.code,
    },
    format: input.format,
    priorityAreas: [...new Set(input.priorityAreas)],
    languages: [...new Set(input.languages)],
    eligibility: {
      partners: [...new Set(input.eligibility.partners)].sort(),
      frameworks: [...new Set(input.eligibility.frameworks)].sort(),
    },
    illustrative: input.illustrative,
    marking,
  }
}

export async function createItem(db: Db, principal: Principal, input: ItemInput, now: Date): Promise<string> {
  authorize(principal, 'create', { type: 'cooperation-catalogue' })
  const draft = itemDraft(input, toMarking(principal, input.marking, null))
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    await checkItem(tx, input, null)
    await insertItem(tx, id, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'cooperation-item',
        entityId: id,
        details: { code: draft.code, title: draft.title },
      },
      now,
    )
  })
  return id
}

function itemAsInput(record: ItemRecord): z.input<typeof CooperationItemInput> {
  return {
    code: record.code,
    title: record.title,
    description: record.description,
    provider: { kind: record.provider.kind, code: record.provider.code },
    format: record.format,
    priorityAreas: [...record.priorityAreas],
    languages: [...record.languages],
    eligibility: {
      partners: [...record.eligibility.partners],
      frameworks: [...record.eligibility.frameworks],
    },
    illustrative: record.illustrative,
    marking: {
      classification: record.marking.classification,
      releasableTo: [...record.marking.releasableTo],
    },
  }
}

export async function patchItem(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.infer<typeof CooperationItemPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await findVisibleItem(tx, principal, input.id)
    if (current === null) throw new DomainError('not-found', `No cooperation item has the id ${input.id}.`)
    authorize(principal, 'update', { type: 'cooperation-catalogue' })
    const merged = mergePatch('cooperation item', CooperationItemInput, itemAsInput(current), input.patch)
    await checkItem(tx, merged, current.id)
    const draft = itemDraft(merged, toMarking(principal, merged.marking, current.marking))
    const version = await updateItem(tx, principal, current.id, expected, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'cooperation-item',
        entityId: current.id,
        changes: changedFields(
          itemAsInput(current),
          itemAsInput({ ...current, ...draft, provider: { ...current.provider, ...draft.provider } }),
        ),
      },
      now,
    )
    return version
  })
}

function eventProblems(input: Omit<EventInput, 'itemId'>): FieldProblem[] {
  const problems = eventDayProblems(input)
  if (!IANAZone.isValidZone(input.timeZone)) {
    problems.push({
      pointer: '#/timeZone',
      detail: `${input.timeZone} is not an IANA time zone; use one such as Asia/Seoul`,
    })
  }
  return problems
}

function eventDraft(input: Omit<EventInput, 'itemId'>, marking: EventDraft['marking']): EventDraft {
  return {
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    place: input.place,
    timeZone: input.timeZone,
    capacity: input.capacity,
    applicationDeadline: input.applicationDeadline,
    status: input.status,
    marking,
  }
}

export async function createEvent(
  db: Db,
  principal: Principal,
  input: EventInput,
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'cooperation-catalogue' })
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    const item = await findVisibleItem(tx, principal, input.itemId)
    const problems = eventProblems(input)
    if (item === null)
      problems.unshift({ pointer: '#/itemId', detail: `No cooperation item has the id ${input.itemId}` })
    if (problems.length > 0) throw invalidInput('cooperation event', problems)
    const draft = eventDraft(input, toMarking(principal, input.marking, null))
    await insertEvent(tx, id, input.itemId, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'cooperation-event',
        entityId: id,
        details: {
          itemId: input.itemId,
          startsOn: draft.startsOn,
          place: draft.place,
          capacity: draft.capacity,
        },
      },
      now,
    )
  })
  return id
}

export async function patchEvent(
  db: Db,
  principal: Principal,
  input: { readonly id: string; readonly patch: z.infer<typeof CooperationEventPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockEvent(tx, db.engine, input.id)
    const current = await findVisibleEvent(tx, db.engine, principal, input.id)
    if (current === null) throw new DomainError('not-found', `No cooperation event has the id ${input.id}.`)
    authorize(principal, 'update', { type: 'cooperation-catalogue' })
    const before = {
      itemId: current.item.id,
      startsOn: current.startsOn,
      endsOn: current.endsOn,
      place: current.place,
      timeZone: current.timeZone,
      capacity: current.capacity,
      applicationDeadline: current.applicationDeadline,
      status: current.status,
      marking: {
        classification: current.marking.classification,
        releasableTo: [...current.marking.releasableTo],
      },
    }
    const merged = mergePatch('cooperation event', CooperationEventInput, before, input.patch)
    const problems = eventProblems(merged)
    if (problems.length > 0) throw invalidInput('cooperation event', problems)
    const draft = eventDraft(merged, toMarking(principal, merged.marking, current.marking))
    const version = await updateEvent(tx, principal, current.id, expected, draft, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'cooperation-event',
        entityId: current.id,
        changes: changedFields(before, merged),
      },
      now,
    )
    return version
  })
}
