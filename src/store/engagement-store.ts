import { type ExpressionBuilder, sql } from 'kysely'
import {
  type Engagement,
  type EngagementFormat,
  type EngagementKind,
  type EngagementLevel,
  type Participant,
  toEngagementFormat,
  toEngagementKind,
  toEngagementLevel,
} from '../domain/engagement.ts'
import { dayNumber } from '../domain/engagement-time.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import { distinctMarkingIds, markingsFromIds } from './contributing-markings.ts'
import type { Database, Db } from './database.ts'
import type { EngagementTable } from './engagement-tables.ts'
import type { Executor } from './executor.ts'
import { jsonArrayFrom, parseJsonArray } from './json.ts'
import { decodeList, hasListItem } from './list-column.ts'
import { markingFromColumns } from './marking-columns.ts'
import { memberStatuses } from './partner-store.ts'
import {
  cteSight,
  inlineSight,
  type Sight,
  visibilityShape,
  visibleTo,
  withVisibleMarkings,
} from './visibility.ts'

const compiledQueries = new CompiledQueryCache()

/** Queries that start from `engagement as e`. */
type EngagementScope = Database & { e: EngagementTable }

export interface EngagementFilter {
  readonly partner?: string | undefined
  readonly framework?: string | undefined
  readonly kind?: EngagementKind | undefined
  readonly level?: EngagementLevel | undefined
  readonly format?: EngagementFormat | undefined
  /** Engagements overlapping [from, to], local days at their place (YYYY-MM-DD). */
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly priorityArea?: string | undefined
  readonly order?: 'asc' | 'desc' | undefined
  readonly limit: number
  readonly offset: number
}

/** An engagement as listed: without people, with the codes of the countries the viewer may see taking part. */
export interface EngagementListItem extends Omit<Engagement, 'participants'> {
  readonly countries: readonly string[]
  /** The markings of the visible participations behind `countries`: they raise the banner. */
  readonly participationMarkings: readonly Marking[]
}

/**
 * The visible participating countries of the row `e`, each with the marking of a participation
 * (a country listed twice with two markings comes twice), as a JSON array; read with `readCountries`.
 */
function visibleCountries(db: Db, sight: Sight) {
  return (eb: ExpressionBuilder<EngagementScope, 'e'>) =>
    jsonArrayFrom(db.engine)(
      eb
        .selectFrom('engagement_participant as p')
        .select(['p.country_code as code', sql<string>`p.marking_id`.as('marking')])
        .distinct()
        .whereRef('p.engagement_id', '=', 'e.id')
        .where(sight.of('p'))
        .orderBy('p.country_code')
        .orderBy(sql`p.marking_id`),
    )
}

function readCountries(
  json: { code: string; marking: string }[] | string | null,
): Pick<EngagementListItem, 'countries' | 'participationMarkings'> {
  const rows = parseJsonArray(json)
  return {
    countries: [...new Set(rows.map((row) => row.code))],
    participationMarkings: markingsFromIds(...rows.map((row) => row.marking)),
  }
}

/**
 * Condition: a participant the principal may see is from `partner`. Written as `id in (…)` so that
 * the engine can run the small participant lookup once and probe it, rather than once per row.
 * Exported for the calendar feed, which scopes engagements the same way.
 */
export function hasVisibleParticipant(sight: Sight, partner: string) {
  return (eb: ExpressionBuilder<EngagementScope, 'e'>) =>
    eb(
      'e.id',
      'in',
      eb
        .selectFrom('engagement_participant as p')
        .select('p.engagement_id')
        .where('p.country_code', '=', partner)
        .where(sight.of('p')),
    )
}

/** Condition: a visible participant belonged to the framework (by a visible membership) on the start day. */
export function hasVisibleFrameworkParticipant(sight: Sight, framework: string) {
  return (eb: ExpressionBuilder<EngagementScope, 'e'>) =>
    eb(
      'e.id',
      'in',
      eb
        .selectFrom('engagement_participant as p')
        .innerJoin('framework_membership as m', 'm.country_code', 'p.country_code')
        .innerJoin('engagement as on_day', 'on_day.id', 'p.engagement_id')
        .select('p.engagement_id')
        .where('m.framework_id', '=', framework)
        .where('m.status', 'in', memberStatuses)
        .where((inner) =>
          inner.or([
            inner('m.from_date', 'is', null),
            inner('m.from_date', '<=', inner.ref('on_day.start_day')),
          ]),
        )
        .where((inner) =>
          inner.or([inner('m.to_date', 'is', null), inner('m.to_date', '>=', inner.ref('on_day.start_day'))]),
        )
        .where(sight.of('p'))
        .where(sight.of('m')),
    )
}

/** The filter values of a list as bound into its cached statement: days as numbers, only those given. */
type FilterParams = {
  readonly partner?: string
  readonly framework?: string
  readonly kind?: string
  readonly level?: string
  readonly format?: string
  readonly fromDay?: number
  readonly toDay?: number
  readonly priorityArea?: string
}

type ListParams = FilterParams & { readonly limit: number; readonly offset: number }

function listParams(filter: EngagementFilter): ListParams {
  const { partner, framework, kind, level, format, from, to, priorityArea } = filter
  return {
    limit: filter.limit,
    offset: filter.offset,
    ...(partner === undefined ? {} : { partner }),
    ...(framework === undefined ? {} : { framework }),
    ...(kind === undefined ? {} : { kind }),
    ...(level === undefined ? {} : { level }),
    ...(format === undefined ? {} : { format }),
    ...(from === undefined ? {} : { fromDay: dayNumber(from) }),
    ...(to === undefined ? {} : { toDay: dayNumber(to) }),
    ...(priorityArea === undefined ? {} : { priorityArea }),
  }
}

/** The filters of a list, applied to any query that starts from `engagement as e`. */
function filtered(db: Db, sight: Sight, filter: FilterParams) {
  let query = db.kysely.selectFrom('engagement as e').where(sight.of('e'))
  if (filter.partner !== undefined) {
    query = query.where(hasVisibleParticipant(sight, filter.partner))
  }
  if (filter.framework !== undefined) {
    query = query.where(hasVisibleFrameworkParticipant(sight, filter.framework))
  }
  if (filter.kind !== undefined) {
    query = query.where('e.kind', '=', filter.kind)
  }
  if (filter.level !== undefined) {
    query = query.where('e.level', '=', filter.level)
  }
  if (filter.format !== undefined) {
    query = query.where('e.format', '=', filter.format)
  }
  if (filter.fromDay !== undefined) {
    query = query.where('e.end_day_num', '>=', filter.fromDay)
  }
  if (filter.toDay !== undefined) {
    query = query.where('e.start_day_num', '<=', filter.toDay)
  }
  if (filter.priorityArea !== undefined) {
    query = query.where(hasListItem('engagement.priority_areas', 'e', filter.priorityArea))
  }
  return query
}

/**
 * The visible total and the distinct markings of every engagement it counts (each one contributes
 * to the answer, on the page or not); with a partner or framework filter, also the markings of the
 * participations and memberships that let a row in.
 */
function countOf(db: Db, sight: Sight, filter: FilterParams) {
  const countedMarkings =
    db.engine === 'postgres'
      ? countedMarkingsByProbe(db, sight, filter)
      : distinctMarkingIds(db.engine, 'e.marking_id')
  return filtered(db, sight, filter).select([
    sql<number>`cast(count(*) as integer)`.as('n'),
    countedMarkings.as('markings'),
    partnerScopeMarkings(db, sight, filter).as('partner_markings'),
    frameworkScopeMarkings(db, sight, filter).as('framework_markings'),
  ])
}

/**
 * PostgreSQL: the distinct markings of the counted engagements, as the visible markings (a handful)
 * for which a counted engagement exists, each probed on the engagement_marking_id index; the same
 * set as string_agg(distinct e.marking_id) over the counted rows, which PostgreSQL computes by
 * sorting every one of them (85,000 for a partner user at 100,000 engagements: 60 ms beside the
 * 12 ms count, and the list fell to 0.14 × raw). The probes cost a fraction of a millisecond.
 * SQLite keeps the aggregate: without an index leading with marking_id each probe would scan.
 */
function countedMarkingsByProbe(db: Db, sight: Sight, filter: FilterParams) {
  const counted = filtered(db, sight, filter)
    .select(sql<number>`1`.as('one'))
    .where(sql`e.marking_id`, '=', sql.ref('probe_m.id'))
  return sql<string | null>`(select string_agg(probe_m.id, ',') from (${sight.markings}) as probe_m
    where exists (${counted}))`
}

const noMarkings = sql<string | null>`cast(null as text)`

/**
 * The distinct markings of the visible participations through which the counted engagements are
 * the partner's (the condition of `hasVisibleParticipant`, over the counted rows); null without a
 * partner filter.
 */
function partnerScopeMarkings(db: Db, sight: Sight, filter: FilterParams) {
  if (filter.partner === undefined) {
    return noMarkings
  }
  return sql<string | null>`(${db.kysely
    .selectFrom('engagement_participant as sp')
    .select(distinctMarkingIds(db.engine, 'sp.marking_id').as('ids'))
    .where('sp.country_code', '=', filter.partner)
    .where('sp.engagement_id', 'in', filtered(db, sight, filter).select('e.id'))
    .where(sight.of('sp'))})`
}

/**
 * The same for a framework filter (the condition of `hasVisibleFrameworkParticipant`): the
 * participations and the memberships that made a counted engagement the framework's.
 */
function frameworkScopeMarkings(db: Db, sight: Sight, filter: FilterParams) {
  if (filter.framework === undefined) {
    return noMarkings
  }
  const ids = sql<
    string | null
  >`${distinctMarkingIds(db.engine, 'sp.marking_id')} || ',' || ${distinctMarkingIds(db.engine, 'sm.marking_id')}`
  return sql<string | null>`(${db.kysely
    .selectFrom('engagement_participant as sp')
    .innerJoin('framework_membership as sm', 'sm.country_code', 'sp.country_code')
    .innerJoin('engagement as on_day', 'on_day.id', 'sp.engagement_id')
    .select(ids.as('ids'))
    .where('sm.framework_id', '=', filter.framework)
    .where('sm.status', 'in', memberStatuses)
    .where((inner) =>
      inner.or([
        inner('sm.from_date', 'is', null),
        inner('sm.from_date', '<=', inner.ref('on_day.start_day')),
      ]),
    )
    .where((inner) =>
      inner.or([inner('sm.to_date', 'is', null), inner('sm.to_date', '>=', inner.ref('on_day.start_day'))]),
    )
    .where('sp.engagement_id', 'in', filtered(db, sight, filter).select('e.id'))
    .where(sight.of('sp'))
    .where(sight.of('sm'))})`
}

/**
 * One page: the page's engagements are chosen first, from the narrow columns the order needs, and
 * only those rows are then read whole and given their countries. Selecting everything in one level
 * made SQLite build the countries of every matching row before sorting (a partner's 4,000 rows for
 * a page of 50). The total is an uncorrelated subquery, computed once.
 */
function pageQuery(db: Db, principal: Principal, filter: ListParams, direction: 'asc' | 'desc') {
  // The reader's markings are named once, in the statement's `vis` CTE, and every condition below
  // reads them there (cteSight): inlined, PostgreSQL planned eight copies of the subquery and re-ran
  // some per row (0.8 × the raw route; with the CTE 4.8 ms instead of 5.9 per statement).
  const sight = cteSight
  const page = filtered(db, sight, filter)
    .select(['e.id', 'e.start_day_num', 'e.start_utc'])
    .orderBy('e.start_day_num', direction)
    .orderBy('e.start_utc', direction)
    .orderBy('e.id', direction)
    .limit(filter.limit)
    .offset(filter.offset)
    .as('page')
  return withVisibleMarkings(db.kysely, principal)
    .selectFrom(page)
    .innerJoin('engagement as e', 'e.id', 'page.id')
    .innerJoin(countOf(db, sight, filter).as('counted'), (join) => join.onTrue())
    .selectAll('e')
    .select((eb) => [
      'counted.n as total',
      'counted.markings as counted_markings',
      'counted.partner_markings',
      'counted.framework_markings',
      visibleParentId(sight).as('visible_parent_id'),
      visibleParentMarking(sight).as('visible_parent_marking'),
      visibleCountries(db, sight)(eb).as('countries'),
    ])
    .orderBy('page.start_day_num', direction)
    .orderBy('page.start_utc', direction)
    .orderBy('page.id', direction)
}

/**
 * The engagements the principal may see, one page, filtered and counted in one statement, compiled
 * once per filter shape and viewer shape (compiled-query-cache.ts) with the values bound.
 */
export async function listVisibleEngagements(
  db: Db,
  principal: Principal,
  filter: EngagementFilter,
): Promise<{ items: EngagementListItem[]; total: number; markings: Marking[] }> {
  const direction = filter.order ?? 'desc'
  const params = listParams(filter)
  const shape = `${visibilityShape(principal)}:${Object.keys(params).join(',')}`
  const rows = await compiledQueries.execute(db, `engagements:${direction}:${shape}`, params, (bound) =>
    pageQuery(db, principal, bound, direction),
  )
  // The count rides on each row; only a page past the end needs a second look.
  const { limit: _limit, offset: _offset, ...counted } = params
  const first = rows[0]
  const count =
    first === undefined && filter.offset > 0
      ? (
          await compiledQueries.execute(db, `engagement-count:${shape}`, counted, (bound) =>
            countOf(db, inlineSight(principal), bound),
          )
        )[0]
      : undefined
  // Assigned onto the fresh record, not spread into a new literal: V8 builds spread literals with
  // many fields on a slow path (10 µs a row on the partner timeline).
  const items: EngagementListItem[] = rows.map((row) =>
    Object.assign(
      fromEngagementRow(row),
      { parentId: row.visible_parent_id ?? null },
      readCountries(row.countries),
    ),
  )
  return {
    items,
    total: Number(first?.total ?? count?.n ?? 0),
    // Every counted engagement, the participations shown and those that put a row in scope, and
    // the parents whose ids are shown.
    markings: [
      ...markingsFromIds(
        first?.counted_markings ?? count?.markings,
        first?.partner_markings ?? count?.partner_markings,
        first?.framework_markings ?? count?.framework_markings,
        ...rows.map((row) => row.visible_parent_marking),
      ),
      ...items.flatMap((item) => item.participationMarkings),
    ],
  }
}

/** The id of the row's parent (`e.parent_id`) when the principal may see it, else null. */
function visibleParentId(sight: Sight) {
  return sql<
    string | null
  >`(select pe.id from engagement as pe where pe.id = e.parent_id and ${sight.of('pe')})`
}

/** The marking id of that visible parent: naming it on the page makes it part of the answer. */
function visibleParentMarking(sight: Sight) {
  return sql<
    string | null
  >`(select pe.marking_id from engagement as pe where pe.id = e.parent_id and ${sight.of('pe')})`
}

export interface EngagementDetail {
  readonly engagement: Omit<Engagement, 'participants'> & {
    readonly participants: readonly ParticipantRecord[]
  }
  readonly parent: { readonly id: string; readonly title: string } | null
  /** The visible parent's marking: its title is on the page. */
  readonly parentMarking: Marking | null
  readonly sidelines: readonly EngagementListItem[]
}

/** One engagement with its visible participants, visible parent and visible sideline meetings; null when hidden. */
export async function findVisibleEngagement(
  db: Db,
  principal: Principal,
  id: string,
): Promise<EngagementDetail | null> {
  const found = await findVisibleEngagementRecord(db.kysely, principal, id)
  if (found === null) {
    return null
  }
  const { engagement, parent, parentMarking } = found
  const sidelines = await db.kysely
    .selectFrom('engagement as e')
    .selectAll('e')
    .select((eb) => visibleCountries(db, inlineSight(principal))(eb).as('countries'))
    .where('e.parent_id', '=', id)
    .where(visibleTo(principal, 'e'))
    .orderBy('e.start_utc')
    .orderBy('e.id')
    .execute()
  return {
    engagement,
    parent,
    parentMarking,
    sidelines: sidelines.map((sideline) =>
      Object.assign(fromEngagementRow(sideline), readCountries(sideline.countries)),
    ),
  }
}

/**
 * One engagement as the principal may see it, with its visible participants and visible parent;
 * null when hidden. What a command loads (in its transaction) before it changes the engagement.
 */
export async function findVisibleEngagementRecord(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<Pick<EngagementDetail, 'engagement' | 'parent' | 'parentMarking'> | null> {
  const row = await executor
    .selectFrom('engagement as e')
    .selectAll('e')
    .where('e.id', '=', id)
    .where(visibleTo(principal, 'e'))
    .executeTakeFirst()
  if (row === undefined) {
    return null
  }
  const participants = await listVisibleParticipants(executor, principal, id)
  const parent =
    row.parent_id === null
      ? undefined
      : await executor
          .selectFrom('engagement as e')
          .select(['e.id', 'e.title', 'e.classification', 'e.releasable_to'])
          .where('e.id', '=', row.parent_id)
          .where(visibleTo(principal, 'e'))
          .executeTakeFirst()
  return {
    // A sideline names its parent only when the principal may see the parent.
    engagement: { ...fromEngagementRow(row), parentId: parent?.id ?? null, participants },
    parent: parent === undefined ? null : { id: parent.id, title: parent.title },
    parentMarking: parent === undefined ? null : markingFromColumns(parent),
  }
}

/** Whether the principal may see the engagement `id`: what a link to an engagement is checked against. */
export async function isVisibleEngagement(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<boolean> {
  const found = await executor
    .selectFrom('engagement as e')
    .select('e.id')
    .where('e.id', '=', id)
    .where(visibleTo(principal, 'e'))
    .executeTakeFirst()
  return found !== undefined
}

export interface ParticipantRecord extends Participant {
  readonly countryName: string
}

/** The participants of an engagement the principal may see, in the order they were recorded. */
export async function listVisibleParticipants(
  executor: Executor,
  principal: Principal,
  engagementId: string,
): Promise<ParticipantRecord[]> {
  const rows = await executor
    .selectFrom('engagement_participant as p')
    .innerJoin('country as c', 'c.code', 'p.country_code')
    .selectAll('p')
    .select('c.name as country_name')
    .where('p.engagement_id', '=', engagementId)
    .where(visibleTo(principal, 'p'))
    .orderBy('p.position')
    .execute()
  return rows.map((row) => ({
    country: row.country_code,
    countryName: row.country_name,
    person: row.person,
    role: row.role,
    level: row.level === null ? null : toEngagementLevel(row.level),
    marking: markingFromColumns(row),
  }))
}

/** Builds the domain value from a stored row (participants are loaded separately). */
export function fromEngagementRow(row: EngagementTable): Omit<Engagement, 'participants'> {
  return {
    id: row.id,
    kind: toEngagementKind(row.kind),
    level: toEngagementLevel(row.level),
    format: toEngagementFormat(row.format),
    title: row.title,
    summary: row.summary,
    host: row.host,
    place: row.place,
    timing: {
      allDay: Number(row.all_day) === 1,
      start: row.start_local,
      end: row.end_local,
      timeZone: row.time_zone,
    },
    parentId: row.parent_id,
    priorityAreas: decodeList(row.priority_areas),
    outcomes: parseOutcomes(row.outcomes),
    marking: markingFromColumns(row),
    version: Number(row.version),
  }
}

function parseOutcomes(stored: string): string[] {
  const parsed: unknown = JSON.parse(stored)
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []
}
