import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { InvitationStatus, RequestStatus } from '../domain/cooperation/vocabulary.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import { distinctMarkingIds, markingFromId, markingsFromIds } from './contributing-markings.ts'
import { type ItemSummaryRecord, itemSummaryOf } from './cooperation-event-store.ts'
import { cooperationScope, cooperationShape } from './cooperation-scope.ts'
import './cooperation-tables.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import './programme-tables.ts'
import { expectWritten } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

const compiledQueries = new CompiledQueryCache()

export interface GoalRecord {
  readonly id: string
  readonly title: string
  readonly programmeId: string
}

export interface RequestRecord {
  readonly id: string
  readonly event: {
    readonly id: string
    readonly startsOn: string
    readonly endsOn: string
    readonly place: string
    readonly timeZone: string
    readonly status: 'scheduled' | 'cancelled'
    readonly applicationDeadline: string
  }
  readonly item: ItemSummaryRecord
  readonly partner: { readonly code: string; readonly name: string }
  readonly status: RequestStatus
  readonly note: string
  readonly goals: readonly GoalRecord[]
  readonly decision: { readonly at: string; readonly by: string; readonly note: string } | null
  readonly invitation: {
    readonly status: InvitationStatus
    readonly issuedAt: string
    readonly message: string
    readonly respondedAt: string | null
  } | null
  readonly registered: number
  readonly waitlisted: number
  readonly report: { readonly filedAt: string; readonly rating: number } | null
  readonly createdAt: string
  readonly marking: Marking
  /** The event's and item's markings, and the shown goals' (they contribute to the banner). */
  readonly linkMarkings: readonly Marking[]
  /** Demo content, not an actual request. */
  readonly illustrative: boolean
  readonly version: number
}

/** The requests a principal reads: its scope, and an event and item it may see. */
export function requestVisible(principal: Principal): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${cooperationScope(principal, 'r')} and ${visibleTo(principal, 'ev')} and ${visibleTo(principal, 'i')})`
}

function selectRequests(executor: Executor, principal: Principal) {
  return executor
    .selectFrom('coop_request as r')
    .innerJoin('coop_event as ev', 'ev.id', 'r.event_id')
    .innerJoin('coop_item as i', 'i.id', 'r.item_id')
    .innerJoin('country as partner', 'partner.code', 'r.partner_code')
    .leftJoin('country as pc', 'pc.code', 'i.provider_code')
    .leftJoin('coop_report as rep', 'rep.request_id', 'r.id')
    .where(requestVisible(principal))
    .select([
      'r.id',
      'r.status',
      'r.note',
      'r.partner_code',
      'partner.name as partner_name',
      'r.decided_at',
      'r.decided_by',
      'r.decision_note',
      'r.invitation_status',
      'r.invitation_issued_at',
      'r.invitation_message',
      'r.invitation_responded_at',
      'r.created_at',
      'r.illustrative',
      'r.version',
      'r.classification',
      'r.releasable_to',
      'ev.id as event_id',
      'ev.starts_on',
      'ev.ends_on',
      'ev.place',
      'ev.time_zone',
      'ev.status as event_status',
      'ev.application_deadline',
      sql<string>`ev.marking_id`.as('event_marking'),
      'i.id as item_id',
      'i.code as item_code',
      'i.title as item_title',
      'i.format as item_format',
      'i.provider_kind',
      'i.provider_code',
      'i.priority_areas',
      sql<string>`i.marking_id`.as('item_marking'),
      'pc.name as provider_country_name',
      'rep.filed_at as report_filed_at',
      'rep.rating as report_rating',
      sql<
        string | number
      >`(select count(*) from coop_registration as cr where cr.request_id = r.id and cr.status = 'registered')`.as(
        'registered',
      ),
      sql<
        string | number
      >`(select count(*) from coop_registration as cr where cr.request_id = r.id and cr.status = 'waitlisted')`.as(
        'waitlisted',
      ),
    ])
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number]

/** The visible goals each request serves, with their markings. */
export async function goalsOf(
  executor: Executor,
  principal: Principal,
  ids: readonly string[],
): Promise<Map<string, { goals: GoalRecord[]; markings: Marking[] }>> {
  const found = new Map(ids.map((id) => [id, { goals: [] as GoalRecord[], markings: [] as Marking[] }]))
  if (ids.length === 0) return found
  const rows = await executor
    .selectFrom('coop_request_goal as rg')
    .innerJoin('programme_node as n', 'n.id', 'rg.goal_id')
    .where('rg.request_id', 'in', [...ids])
    .where(programmePartVisibleTo(principal, 'n'))
    .select([
      'rg.request_id',
      'n.id',
      'n.title',
      'n.programme_id',
      sql<string>`n.marking_id`.as('marking_id'),
    ])
    .orderBy('rg.request_id')
    .orderBy('n.position')
    .execute()
  for (const row of rows) {
    const entry = found.get(row.request_id)
    entry?.goals.push({ id: row.id, title: row.title, programmeId: row.programme_id })
    entry?.markings.push(markingFromId(row.marking_id))
  }
  return found
}

async function toRecords(
  executor: Executor,
  principal: Principal,
  rows: RequestRow[],
): Promise<RequestRecord[]> {
  const goals = await goalsOf(
    executor,
    principal,
    rows.map((row) => row.id),
  )
  return rows.map((row) => {
    const served = goals.get(row.id) ?? { goals: [], markings: [] }
    return {
      id: row.id,
      event: {
        id: row.event_id,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        place: row.place,
        timeZone: row.time_zone,
        status: row.event_status as 'scheduled' | 'cancelled',
        applicationDeadline: row.application_deadline,
      },
      item: itemSummaryOf(row),
      partner: { code: row.partner_code, name: row.partner_name },
      status: row.status as RequestStatus,
      note: row.note,
      goals: served.goals,
      decision:
        row.decided_at === null
          ? null
          : { at: row.decided_at, by: row.decided_by ?? '', note: row.decision_note ?? '' },
      invitation:
        row.invitation_status === null || row.invitation_issued_at === null
          ? null
          : {
              status: row.invitation_status as InvitationStatus,
              issuedAt: row.invitation_issued_at,
              message: row.invitation_message ?? '',
              respondedAt: row.invitation_responded_at,
            },
      registered: Number(row.registered),
      waitlisted: Number(row.waitlisted),
      report:
        row.report_filed_at === null || row.report_rating === null
          ? null
          : { filedAt: row.report_filed_at, rating: Number(row.report_rating) },
      createdAt: row.created_at,
      illustrative: Number(row.illustrative) === 1,
      marking: markingFromColumns(row),
      linkMarkings: [markingFromId(row.event_marking), markingFromId(row.item_marking), ...served.markings],
      version: Number(row.version),
    }
  })
}

export async function findVisibleRequest(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<RequestRecord | null> {
  const rows = await selectRequests(executor, principal).where('r.id', '=', id).execute()
  return (await toRecords(executor, principal, rows))[0] ?? null
}

export interface RequestFilter {
  readonly event?: string | undefined
  readonly item?: string | undefined
  readonly partner?: string | undefined
  readonly status?: RequestStatus | undefined
  readonly programme?: string | undefined
  readonly goal?: string | undefined
  readonly provider?: string | undefined
  readonly limit: number
  readonly offset: number
}

const requestFilterKeys = ['event', 'item', 'partner', 'status', 'programme', 'goal', 'provider'] as const

function requestConditions(filter: Omit<RequestFilter, 'limit' | 'offset'>): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = []
  if (filter.event !== undefined) conditions.push(sql<SqlBool>`r.event_id = ${filter.event}`)
  if (filter.item !== undefined) conditions.push(sql<SqlBool>`r.item_id = ${filter.item}`)
  if (filter.partner !== undefined) conditions.push(sql<SqlBool>`r.partner_code = ${filter.partner}`)
  if (filter.status !== undefined) conditions.push(sql<SqlBool>`r.status = ${filter.status}`)
  if (filter.provider !== undefined) conditions.push(sql<SqlBool>`r.provider_code = ${filter.provider}`)
  if (filter.programme !== undefined) {
    conditions.push(
      sql<SqlBool>`r.id in (select rg.request_id from coop_request_goal as rg where rg.programme_id = ${filter.programme})`,
    )
  }
  if (filter.goal !== undefined) {
    conditions.push(
      sql<SqlBool>`r.id in (select rg.request_id from coop_request_goal as rg where rg.goal_id = ${filter.goal})`,
    )
  }
  return conditions
}

/** A page of visible requests, newest first, with the total and the markings of every row counted. */
export async function listVisibleRequests(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  filter: RequestFilter,
): Promise<{ items: RequestRecord[]; total: number; markings: Marking[] }> {
  // The filters given are bound by name; which ones are given is part of the query's shape.
  const given = Object.fromEntries(
    requestFilterKeys.flatMap((key) => (filter[key] === undefined ? [] : [[key, filter[key]]])),
  ) as Omit<RequestFilter, 'limit' | 'offset'>
  const shape = `${cooperationShape(principal)}:${Object.keys(given).join(',')}`
  const pageQuery = compiledQueries.bindOn(
    executor,
    engine,
    `requests:${shape}`,
    { ...given, limit: filter.limit, offset: filter.offset },
    (bound) => {
      let page = selectRequests(executor, principal)
      for (const condition of requestConditions(bound)) page = page.where(condition)
      return page
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(bound.limit)
        .offset(bound.offset)
    },
  )
  const countQuery = compiledQueries.bindOn(executor, engine, `requests-count:${shape}`, given, (bound) => {
    let count = executor
      .selectFrom('coop_request as r')
      .innerJoin('coop_event as ev', 'ev.id', 'r.event_id')
      .innerJoin('coop_item as i', 'i.id', 'r.item_id')
      .where(requestVisible(principal))
      .select((eb) => [
        eb.fn.countAll<number | string>().as('total'),
        distinctMarkingIds(engine, 'r.marking_id').as('ids'),
        distinctMarkingIds(engine, 'ev.marking_id').as('event_ids'),
        distinctMarkingIds(engine, 'i.marking_id').as('item_ids'),
      ])
    for (const condition of requestConditions(bound)) count = count.where(condition)
    return count
  })
  const [{ rows }, counted] = await Promise.all([
    executor.executeQuery(pageQuery),
    executor.executeQuery(countQuery),
  ])
  const total = counted.rows[0] ?? { total: 0, ids: null, event_ids: null, item_ids: null }
  const items = await toRecords(executor, principal, rows)
  return {
    items,
    total: Number(total.total),
    markings: [
      ...markingsFromIds(total.ids, total.event_ids, total.item_ids),
      ...items.flatMap((item) => item.linkMarkings),
    ],
  }
}

/** Takes the request's row lock (PostgreSQL) so concurrent steps on it queue. */
export async function lockRequest(executor: Executor, engine: Engine, id: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select id from coop_request where id = ${id} for update`.execute(executor)
  }
}

export interface NewRequest {
  readonly id: string
  readonly eventId: string
  readonly itemId: string
  readonly partner: string
  readonly provider: { readonly kind: string; readonly code: string }
  readonly note: string
  readonly goals: readonly { readonly id: string; readonly programmeId: string }[]
  readonly marking: Marking
  /** Only the demo loader sets it. */
  readonly illustrative?: boolean
}

export async function insertRequest(executor: Executor, request: NewRequest, now: Date): Promise<void> {
  await executor
    .insertInto('coop_request')
    .values({
      id: request.id,
      event_id: request.eventId,
      item_id: request.itemId,
      partner_code: request.partner,
      provider_kind: request.provider.kind,
      provider_code: request.provider.code,
      status: 'requested',
      note: request.note,
      decided_at: null,
      decided_by: null,
      decision_note: null,
      invitation_status: null,
      invitation_issued_at: null,
      invitation_message: null,
      invitation_responded_at: null,
      illustrative: request.illustrative === true ? 1 : 0,
      version: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...markingToColumns(request.marking),
    })
    .execute()
  await executor
    .insertInto('coop_request_goal')
    .values(
      request.goals.map((goal) => ({
        request_id: request.id,
        goal_id: goal.id,
        programme_id: goal.programmeId,
      })),
    )
    .execute()
}

export interface RequestChange {
  readonly status?: RequestStatus
  readonly decidedAt?: string
  readonly decidedBy?: string
  readonly decisionNote?: string
  readonly invitationStatus?: InvitationStatus
  readonly invitationIssuedAt?: string
  readonly invitationMessage?: string
  readonly invitationRespondedAt?: string
}

/** Writes a step of the request when `expected` is still its version; returns the new version. */
export async function updateRequest(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  change: RequestChange,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('coop_request')
    .set({
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.decidedAt === undefined ? {} : { decided_at: change.decidedAt }),
      ...(change.decidedBy === undefined ? {} : { decided_by: change.decidedBy }),
      ...(change.decisionNote === undefined ? {} : { decision_note: change.decisionNote }),
      ...(change.invitationStatus === undefined ? {} : { invitation_status: change.invitationStatus }),
      ...(change.invitationIssuedAt === undefined ? {} : { invitation_issued_at: change.invitationIssuedAt }),
      ...(change.invitationMessage === undefined ? {} : { invitation_message: change.invitationMessage }),
      ...(change.invitationRespondedAt === undefined
        ? {}
        : { invitation_responded_at: change.invitationRespondedAt }),
      version: expected + 1,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'coop_request', what: 'cooperation request', id },
    result.numUpdatedRows,
  )
  return expected + 1
}

/** Whether the partner already has a live (requested or approved) request for the event. */
export async function liveRequestExists(
  executor: Executor,
  eventId: string,
  partner: string,
): Promise<boolean> {
  const row = await executor
    .selectFrom('coop_request')
    .select('id')
    .where('event_id', '=', eventId)
    .where('partner_code', '=', partner)
    .where('status', 'in', ['requested', 'approved'])
    .executeTakeFirst()
  return row !== undefined
}

/** The goals among `ids` that are visible goals of a programme of `partner`, with their programme. */
export async function partnerGoals(
  executor: Executor,
  principal: Principal,
  partner: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await executor
    .selectFrom('programme_node as n')
    .innerJoin('programme as p', 'p.id', 'n.programme_id')
    .where('n.id', 'in', [...ids])
    .where('n.kind', '=', 'goal')
    .where('p.partner_code', '=', partner)
    .where(programmePartVisibleTo(principal, 'n'))
    .select(['n.id', 'n.programme_id'])
    .execute()
  return new Map(rows.map((row) => [row.id, row.programme_id]))
}
