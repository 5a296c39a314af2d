import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { cooperationReach } from '../domain/cooperation/access.ts'
import type {
  EventStatus,
  ItemFormat,
  ProviderKind,
  RequestStatus,
} from '../domain/cooperation/vocabulary.ts'
import type { Marking } from '../domain/marking.ts'
import { permissionsOf } from '../domain/policy.ts'
import type { Principal } from '../domain/principal.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import { distinctMarkingIds, markingFromId, markingsFromIds } from './contributing-markings.ts'
import { containsWord, providerName, searchWords } from './cooperation-item-store.ts'
import { cooperationScope, cooperationShape, itemVisibleTo } from './cooperation-scope.ts'
import './cooperation-tables.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { decodeList } from './list-column.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { expectWritten } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

const compiledQueries = new CompiledQueryCache()

export interface ItemSummaryRecord {
  readonly id: string
  readonly code: string
  readonly title: string
  readonly format: ItemFormat
  readonly provider: { readonly kind: ProviderKind; readonly code: string; readonly name: string }
  readonly priorityAreas: readonly string[]
}

export interface EventDraft {
  readonly startsOn: string
  readonly endsOn: string
  readonly place: string
  readonly timeZone: string
  readonly capacity: number
  readonly applicationDeadline: string
  readonly status: EventStatus
  readonly marking: Marking
}

export interface EventRecord extends EventDraft {
  readonly id: string
  readonly item: ItemSummaryRecord
  /** Registrations the reader may see, seated and waiting. */
  readonly registered: number
  readonly waitlisted: number
  readonly ownRequest: { readonly id: string; readonly status: RequestStatus } | null
  /** The item's marking and those of the counted registrations (they contribute to the banner). */
  readonly linkMarkings: readonly Marking[]
  /** Demo content, not an actual event. */
  readonly illustrative: boolean
  readonly version: number
}

function counted(principal: Principal, status: 'registered' | 'waitlisted') {
  return sql<string | number>`(select count(*) from coop_registration as cr
    where cr.event_id = ev.id and cr.status = ${status} and ${cooperationScope(principal, 'cr')})`
}

/**
 * The reader's own country's latest request for the event, as "id status". Only a requester has
 * own requests; for anyone else the subquery is left out, not merely empty, because its provider
 * scope (`provider_code = ?`) led SQLite to walk every request of the provider (12,000 at the
 * benchmark's scale) instead of the event's few (bench/cooperation.bench.ts).
 */
function ownRequest(principal: Principal) {
  const { asPartner } = cooperationReach(principal, permissionsOf(principal))
  if (asPartner === null) return sql<string | null>`null`
  return sql<string | null>`(select own.id || ' ' || own.status from coop_request as own
    where own.event_id = ev.id and own.partner_code = ${asPartner} and ${cooperationScope(principal, 'own')}
    order by own.created_at desc, own.id desc limit 1)`
}

function selectEvents(executor: Executor, engine: Engine, principal: Principal) {
  return executor
    .selectFrom('coop_event as ev')
    .innerJoin('coop_item as i', 'i.id', 'ev.item_id')
    .leftJoin('country as pc', 'pc.code', 'i.provider_code')
    .where(visibleTo(principal, 'ev'))
    .where(itemVisibleTo(principal, 'i'))
    .select([
      'ev.id',
      'ev.starts_on',
      'ev.ends_on',
      'ev.place',
      'ev.time_zone',
      'ev.capacity',
      'ev.application_deadline',
      'ev.status',
      'ev.illustrative',
      'ev.version',
      'ev.classification',
      'ev.releasable_to',
      'i.id as item_id',
      'i.code as item_code',
      'i.title as item_title',
      'i.format as item_format',
      'i.provider_kind',
      'i.provider_code',
      'i.priority_areas',
      'pc.name as provider_country_name',
      sql<string>`i.marking_id`.as('item_marking'),
    ])
    .select([
      counted(principal, 'registered').as('registered'),
      counted(principal, 'waitlisted').as('waitlisted'),
      sql<string | null>`(select ${distinctMarkingIds(engine, 'cr.marking_id')} from coop_registration as cr
        where cr.event_id = ev.id and cr.status <> 'cancelled' and ${cooperationScope(principal, 'cr')})`.as(
        'registration_markings',
      ),
      ownRequest(principal).as('own_request'),
    ])
}

type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>['execute']>>[number]

export function itemSummaryOf(row: {
  item_id: string
  item_code: string
  item_title: string
  item_format: string
  provider_kind: string
  provider_code: string
  provider_country_name: string | null
  priority_areas: string
}): ItemSummaryRecord {
  return {
    id: row.item_id,
    code: row.item_code,
    title: row.item_title,
    format: row.item_format as ItemFormat,
    provider: {
      kind: row.provider_kind as ProviderKind,
      code: row.provider_code,
      name: providerName(row.provider_kind, row.provider_code, row.provider_country_name),
    },
    priorityAreas: decodeList(row.priority_areas),
  }
}

function toRecord(row: EventRow): EventRecord {
  const own =
    row.own_request === null || row.own_request === undefined ? null : String(row.own_request).split(' ')
  return {
    id: row.id,
    item: itemSummaryOf(row),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    timeZone: row.time_zone,
    capacity: Number(row.capacity),
    applicationDeadline: row.application_deadline,
    status: row.status as EventStatus,
    marking: markingFromColumns(row),
    registered: Number(row.registered),
    waitlisted: Number(row.waitlisted),
    ownRequest: own === null ? null : { id: own[0] ?? '', status: (own[1] ?? 'requested') as RequestStatus },
    linkMarkings: [markingFromId(row.item_marking), ...markingsFromIds(row.registration_markings)],
    illustrative: Number(row.illustrative) === 1,
    version: Number(row.version),
  }
}

export async function findVisibleEvent(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  id: string,
): Promise<EventRecord | null> {
  const row = await selectEvents(executor, engine, principal).where('ev.id', '=', id).executeTakeFirst()
  return row === undefined ? null : toRecord(row)
}

/** What an event's phase is reckoned from, when the principal may see the event (null: hidden). */
export async function findVisibleEventDays(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  id: string,
): Promise<Pick<EventRecord, 'status' | 'startsOn' | 'endsOn' | 'applicationDeadline' | 'timeZone'> | null> {
  // The participant list needs only the phase; the full event row counts registrations and looks
  // up the reader's own request, which a list of participants then counts again.
  const compiled = compiledQueries.bindOn(
    executor,
    engine,
    `event-days:${cooperationShape(principal)}`,
    { id },
    (bound) =>
      executor
        .selectFrom('coop_event as ev')
        .innerJoin('coop_item as i', 'i.id', 'ev.item_id')
        .where('ev.id', '=', bound.id)
        .where(visibleTo(principal, 'ev'))
        .where(itemVisibleTo(principal, 'i'))
        .select(['ev.status', 'ev.starts_on', 'ev.ends_on', 'ev.application_deadline', 'ev.time_zone']),
  )
  const [row] = (await executor.executeQuery(compiled)).rows
  if (row === undefined) return null
  return {
    status: row.status as EventStatus,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    applicationDeadline: row.application_deadline,
    timeZone: row.time_zone,
  }
}

export interface EventFilter {
  readonly item?: string | undefined
  readonly q?: string | undefined
  readonly priorityArea?: string | undefined
  readonly provider?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  /** Today (alliance day) when only events not yet finished are wanted. */
  readonly notEndedBefore?: string | undefined
  readonly status?: EventStatus | undefined
  readonly limit: number
  readonly offset: number
}

function eventConditions(filter: EventFilter): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = []
  if (filter.item !== undefined) conditions.push(sql<SqlBool>`ev.item_id = ${filter.item}`)
  for (const word of searchWords(filter.q)) {
    conditions.push(
      sql<SqlBool>`(${containsWord('i.search_text', word)} or lower(ev.place) like ${`%${word}%`})`,
    )
  }
  if (filter.priorityArea !== undefined) {
    conditions.push(
      sql<SqlBool>`i.id in (select ia.item_id from coop_item_area as ia where ia.area_id = ${filter.priorityArea})`,
    )
  }
  if (filter.provider !== undefined) conditions.push(sql<SqlBool>`i.provider_code = ${filter.provider}`)
  if (filter.from !== undefined) conditions.push(sql<SqlBool>`ev.ends_on >= ${filter.from}`)
  if (filter.to !== undefined) conditions.push(sql<SqlBool>`ev.starts_on <= ${filter.to}`)
  if (filter.notEndedBefore !== undefined)
    conditions.push(sql<SqlBool>`ev.ends_on >= ${filter.notEndedBefore}`)
  if (filter.status !== undefined) conditions.push(sql<SqlBool>`ev.status = ${filter.status}`)
  return conditions
}

/** A page of events by first day, with the total and the markings of every row counted. */
export async function listVisibleEvents(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  filter: EventFilter,
): Promise<{ items: EventRecord[]; total: number; markings: Marking[] }> {
  let page = selectEvents(executor, engine, principal)
  let count = executor
    .selectFrom('coop_event as ev')
    .innerJoin('coop_item as i', 'i.id', 'ev.item_id')
    .where(visibleTo(principal, 'ev'))
    .where(itemVisibleTo(principal, 'i'))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      distinctMarkingIds(engine, 'ev.marking_id').as('ids'),
      distinctMarkingIds(engine, 'i.marking_id').as('item_ids'),
    ])
  for (const condition of eventConditions(filter)) {
    page = page.where(condition)
    count = count.where(condition)
  }
  const [rows, total] = await Promise.all([
    page
      .orderBy('ev.starts_on')
      // Ties by what the reader sees (the item's code), never by a random id alone.
      .orderBy('i.code')
      .orderBy('ev.ends_on')
      .orderBy('ev.place')
      .orderBy('ev.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ])
  const items = rows.map(toRecord)
  return {
    items,
    total: Number(total.total),
    markings: [...markingsFromIds(total.ids, total.item_ids), ...items.flatMap((item) => item.linkMarkings)],
  }
}

/** Takes the event's row lock (PostgreSQL; SQLite has one writer): seats are counted under it. */
export async function lockEvent(executor: Executor, engine: Engine, id: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select id from coop_event where id = ${id} for update`.execute(executor)
  }
}

function eventColumns(draft: EventDraft, now: Date) {
  return {
    starts_on: draft.startsOn,
    ends_on: draft.endsOn,
    place: draft.place,
    time_zone: draft.timeZone,
    capacity: draft.capacity,
    application_deadline: draft.applicationDeadline,
    status: draft.status,
    updated_at: now.toISOString(),
    ...markingToColumns(draft.marking),
  }
}

export async function insertEvent(
  executor: Executor,
  id: string,
  itemId: string,
  draft: EventDraft,
  now: Date,
  illustrative = false,
): Promise<void> {
  await executor
    .insertInto('coop_event')
    .values({
      id,
      item_id: itemId,
      version: 1,
      created_at: now.toISOString(),
      illustrative: illustrative ? 1 : 0,
      ...eventColumns(draft, now),
    })
    .execute()
}

/** Many new events of items already checked, in one bulk statement (the catalogue import). */
export async function insertEvents(
  executor: Executor,
  events: readonly { readonly id: string; readonly itemId: string; readonly draft: EventDraft }[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return
  await executor
    .insertInto('coop_event')
    .values(
      events.map(({ id, itemId, draft }) => ({
        id,
        item_id: itemId,
        version: 1,
        created_at: now.toISOString(),
        ...eventColumns(draft, now),
      })),
    )
    .execute()
}

export async function updateEvent(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  draft: EventDraft,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('coop_event')
    .set({ ...eventColumns(draft, now), version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'coop_event', what: 'cooperation event', id },
    result.numUpdatedRows,
  )
  return expected + 1
}

/** Seats taken and the next arrival number of an event, over every registration (under the lock). */
export async function seatState(
  executor: Executor,
  eventId: string,
): Promise<{ seated: number; nextSeq: number }> {
  const row = await executor
    .selectFrom('coop_registration')
    .where('event_id', '=', eventId)
    .select([
      sql<string | number>`coalesce(sum(case when status = 'registered' then 1 else 0 end), 0)`.as('seated'),
      sql<string | number>`coalesce(max(queue_seq), 0)`.as('last'),
    ])
    .executeTakeFirstOrThrow()
  return { seated: Number(row.seated), nextSeq: Number(row.last) + 1 }
}

/** The raw days and capacity of an event, for commands that already checked it is visible. */
export async function eventFacts(executor: Executor, eventId: string) {
  return executor
    .selectFrom('coop_event as ev')
    .innerJoin('coop_item as i', 'i.id', 'ev.item_id')
    .where('ev.id', '=', eventId)
    .select([
      'ev.status',
      'ev.starts_on',
      'ev.ends_on',
      'ev.application_deadline',
      'ev.time_zone',
      'ev.capacity',
      'i.provider_kind',
      'i.provider_code',
    ])
    .executeTakeFirst()
}
