import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { type EventInput, type EventPatch, EventRecordInput } from '../../../contract/partner-input.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, invalidInput } from '../../../domain/errors.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { type Executor, inTransaction } from '../../../store/executor.ts'
import { findPartnerForWrite, lockPartner } from '../../../store/partner-write-store.ts'
import {
  deleteEvent,
  type EventDraft,
  findEventForWrite,
  insertEvent,
  linkVisible,
  type StoredEvent,
  type StoredLink,
  updateEvent,
} from '../../../store/relationship-event-store.ts'
import { mergePatch } from '../../merge-patch.ts'
import { toMarking } from '../../programmes/commands/marking-input.ts'
import { dateOf, markingInput } from '../../registry-input.ts'

/**
 * Relationship-event commands. An event hangs on a partner the writer may see; the partner's row
 * lock queues writes to one timeline. A link names only an engagement or programme the writer may
 * see; a link the writer cannot see (set by someone cleared higher) is kept unless replaced.
 */

type RecordFields = z.output<typeof EventRecordInput>

function draftOf(fields: RecordFields, link: StoredLink | null, marking: EventDraft['marking']): EventDraft {
  return {
    kind: fields.kind,
    title: fields.title,
    description: fields.description,
    date: dateOf(fields.date),
    source: fields.source,
    confidence: fields.confidence,
    link,
    marking,
  }
}

function audited(draft: EventDraft): Record<string, unknown> {
  return {
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    date: draft.date.value,
    source: draft.source,
    confidence: draft.confidence,
    link: draft.link === null ? null : `${draft.link.type}:${draft.link.id}`,
    marking: markingInput(draft.marking),
  }
}

async function openTimeline(tx: Executor, db: Db, principal: Principal, code: string): Promise<void> {
  await lockPartner(tx, db.engine, code)
  if ((await findPartnerForWrite(tx, principal, code)) === null) {
    throw new DomainError('not-found', `No partner has the code ${code}.`)
  }
}

async function checkLink(tx: Executor, principal: Principal, link: StoredLink | null): Promise<void> {
  if (link !== null && !(await linkVisible(tx, principal, link))) {
    throw invalidInput('relationship event', [
      { pointer: '#/link/id', detail: `No ${link.type} has the id ${link.id}` },
    ])
  }
}

/** Adds an event to the partner's timeline; returns its id. */
export async function createEvent(
  db: Db,
  principal: Principal,
  input: { readonly code: string; readonly event: z.output<typeof EventInput> },
  now: Date,
): Promise<string> {
  authorize(principal, 'create', { type: 'registry' })
  const id = randomUUID()
  await inTransaction(db, async (tx) => {
    await openTimeline(tx, db, principal, input.code)
    const link = input.event.link
    await checkLink(tx, principal, link)
    const draft = draftOf(input.event, link, toMarking(principal, input.event.marking, null))
    await insertEvent(tx, id, input.code, draft)
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'relationship-event',
        entityId: id,
        details: { partner: input.code, ...audited(draft) },
      },
      now,
    )
  })
  return id
}

function asInput(record: StoredEvent): z.input<typeof EventRecordInput> {
  return {
    kind: record.kind as RecordFields['kind'],
    title: record.title,
    description: record.description,
    date: { date: record.date.value, precision: record.date.precision },
    source: record.source,
    confidence: record.confidence as RecordFields['confidence'],
    // A hidden link is not the writer's to see: it takes no part in the merge and is kept below.
    link: record.linkVisible && record.link !== null ? { ...record.link } : null,
    marking: markingInput(record.marking),
  }
}

async function loadEvent(tx: Executor, principal: Principal, code: string, id: string): Promise<StoredEvent> {
  const current = await findEventForWrite(tx, principal, code, id)
  if (current === null) throw new DomainError('not-found', `No relationship event has the id ${id}.`)
  return current
}

/** Changes an event under If-Match; returns the new version. */
export async function patchEvent(
  db: Db,
  principal: Principal,
  input: { readonly code: string; readonly id: string; readonly patch: z.output<typeof EventPatch> },
  expected: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await openTimeline(tx, db, principal, input.code)
    const current = await loadEvent(tx, principal, input.code, input.id)
    authorize(principal, 'update', { type: 'registry' })
    const merged = mergePatch('relationship event', EventRecordInput, asInput(current), input.patch)
    const replaced = input.patch.link !== undefined
    if (replaced) await checkLink(tx, principal, merged.link)
    const link = replaced ? merged.link : current.link
    const draft = draftOf(merged, link, toMarking(principal, merged.marking, current.marking))
    const version = await updateEvent(tx, principal, current.id, expected, draft)
    const shown = (event: EventDraft) =>
      audited({ ...event, link: replaced || current.linkVisible ? event.link : null })
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'relationship-event',
        entityId: current.id,
        changes: changedFields(shown(current), shown(draft)),
      },
      now,
    )
    return version
  })
}

/** Deletes an event under If-Match. */
export async function removeEvent(
  db: Db,
  principal: Principal,
  input: { readonly code: string; readonly id: string },
  expected: number,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await openTimeline(tx, db, principal, input.code)
    const current = await loadEvent(tx, principal, input.code, input.id)
    authorize(principal, 'delete', { type: 'registry' })
    await deleteEvent(tx, principal, current.id, expected)
    await recordAudit(
      tx,
      principal,
      {
        action: 'delete',
        entity: 'relationship-event',
        entityId: current.id,
        details: { partner: input.code, ...audited(current) },
      },
      now,
    )
  })
}
