import { earliestDay, type FuzzyDate, fromStored, toPrecision } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { programmeVisibleTo } from './programme-scope.ts'
import { expectWritten, removeVersioned } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

/** What an event records: an engagement or a programme, by id. */
export interface StoredLink {
  readonly type: 'engagement' | 'programme'
  readonly id: string
}

export interface EventDraft {
  readonly kind: string
  readonly title: string
  readonly description: string
  readonly date: FuzzyDate
  readonly source: string | null
  readonly confidence: string
  readonly link: StoredLink | null
  readonly marking: Marking
}

export interface StoredEvent extends EventDraft {
  readonly id: string
  readonly partnerCode: string
  readonly illustrative: boolean
  readonly version: number
  /** Whether the principal may see the record `link` names (a hidden one is kept, never shown). */
  readonly linkVisible: boolean
}

/** One event of the partner as the principal may see it, or null when missing or hidden. */
export async function findEventForWrite(
  executor: Executor,
  principal: Principal,
  partnerCode: string,
  id: string,
): Promise<StoredEvent | null> {
  const row = await executor
    .selectFrom('relationship_event as e')
    .leftJoin('engagement as le', (join) =>
      join.onRef('le.id', '=', 'e.engagement_id').on(visibleTo(principal, 'le')),
    )
    .leftJoin('programme as lg', (join) =>
      join.onRef('lg.id', '=', 'e.programme_id').on(programmeVisibleTo(principal, 'lg')),
    )
    .where('e.id', '=', id)
    .where('e.partner_code', '=', partnerCode)
    .where(visibleTo(principal, 'e'))
    .selectAll('e')
    .select(['le.id as seen_engagement', 'lg.id as seen_programme'])
    .executeTakeFirst()
  if (row === undefined) return null
  const link: StoredLink | null =
    row.engagement_id !== null
      ? { type: 'engagement', id: row.engagement_id }
      : row.programme_id !== null
        ? { type: 'programme', id: row.programme_id }
        : null
  return {
    id: row.id,
    partnerCode: row.partner_code,
    kind: row.kind,
    title: row.title,
    description: row.description,
    date: fromStored(row.event_date, toPrecision(row.event_precision)),
    source: row.source,
    confidence: row.confidence,
    illustrative: Number(row.illustrative) === 1,
    link,
    linkVisible: link === null || row.seen_engagement !== null || row.seen_programme !== null,
    marking: markingFromColumns(row),
    version: Number(row.version),
  }
}

/** Whether the principal may see the record a link names (a writer links only to what it sees). */
export async function linkVisible(
  executor: Executor,
  principal: Principal,
  link: StoredLink,
): Promise<boolean> {
  const row =
    link.type === 'engagement'
      ? await executor
          .selectFrom('engagement as x')
          .select('x.id')
          .where('x.id', '=', link.id)
          .where(visibleTo(principal, 'x'))
          .executeTakeFirst()
      : await executor
          .selectFrom('programme as x')
          .select('x.id')
          .where('x.id', '=', link.id)
          .where(programmeVisibleTo(principal, 'x'))
          .executeTakeFirst()
  return row !== undefined
}

function eventColumns(draft: EventDraft) {
  return {
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    event_date: earliestDay(draft.date),
    event_precision: draft.date.precision,
    source: draft.source,
    confidence: draft.confidence,
    engagement_id: draft.link?.type === 'engagement' ? draft.link.id : null,
    programme_id: draft.link?.type === 'programme' ? draft.link.id : null,
    ...markingToColumns(draft.marking),
  }
}

export async function insertEvent(
  executor: Executor,
  id: string,
  partnerCode: string,
  draft: EventDraft,
): Promise<void> {
  await executor
    .insertInto('relationship_event')
    .values({ id, partner_code: partnerCode, illustrative: 0, version: 1, ...eventColumns(draft) })
    .execute()
}

/** Writes the event when `expected` is still its version; returns the new version. */
export async function updateEvent(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  draft: EventDraft,
): Promise<number> {
  const result = await executor
    .updateTable('relationship_event')
    .set({ ...eventColumns(draft), version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'relationship_event', what: 'relationship event', id },
    result.numUpdatedRows,
  )
  return expected + 1
}

export async function deleteEvent(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
): Promise<void> {
  await removeVersioned(
    executor,
    principal,
    { table: 'relationship_event', what: 'relationship event', id },
    expected,
  )
}
