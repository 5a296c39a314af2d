import { sql } from 'kysely'
import { type FuzzyDate, fromStored, fromStoredOrNull, toPrecision } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import { distinctMarkingIds, markingFromId, markingsFromIds } from './contributing-markings.ts'
import type { Db, RelationshipEventTable } from './database.ts'
import { jsonArrayFrom, parseJsonArray } from './json.ts'
import { markingFromColumns } from './marking-columns.ts'
import { programmeVisibleTo } from './programme-scope.ts'
import { visibilityShape, visibleTo } from './visibility.ts'

const compiledQueries = new CompiledQueryCache()

/** Membership statuses that make a country a member of a framework (invited ones are not). */
export const memberStatuses = ['active', 'suspended'] as const

export interface PartnerFrameworkRef {
  readonly id: string
  readonly shortName: string
  readonly status: string
}

export interface PartnerRecord {
  readonly code: string
  readonly name: string
  readonly capital: string | null
  readonly timeZone: string
  readonly status: string
  readonly summary: string
  readonly dialogueSince: FuzzyDate | null
  readonly marking: Marking
  readonly frameworks: readonly PartnerFrameworkRef[]
  readonly eventCount: number
  readonly version: number
  /**
   * The markings of what the record shows besides itself: its current memberships and their
   * frameworks, and the relationship events it counts. With `marking`, the record's part of a banner.
   */
  readonly contentMarkings: readonly Marking[]
}

export interface PartnerFilter {
  readonly framework?: string | undefined
  readonly q?: string | undefined
  readonly limit: number
  readonly offset: number
}

export interface TimelineEventRecord {
  readonly id: string
  readonly kind: string
  readonly title: string
  readonly description: string
  readonly date: FuzzyDate
  readonly source: string | null
  readonly confidence: string
  readonly illustrative: boolean
  readonly marking: Marking
  readonly version: number
  /** The engagement or programme it records, only when the reader may see that record too. */
  readonly link: EventLink | null
  /** The marking of the linked record (it is shown by title, so it is part of a banner). */
  readonly linkMarking: Marking | null
}

export interface EventLink {
  readonly type: 'engagement' | 'programme'
  readonly id: string
  readonly title: string
}

/**
 * The partners this principal may see, one page, with their current frameworks and the number of
 * timeline events they may see: all in one statement, filtered by marking in SQL.
 */
export async function listVisiblePartners(
  db: Db,
  principal: Principal,
  filter: PartnerFilter,
): Promise<{ items: PartnerRecord[]; total: number; markings: Marking[] }> {
  const search = filter.q === undefined || filter.q === '' ? undefined : escapeLike(filter.q.toLowerCase())
  // Only the filters given are bound, so the shape names which are present.
  const params = {
    limit: filter.limit,
    offset: filter.offset,
    ...(filter.framework === undefined ? {} : { framework: filter.framework }),
    ...(search === undefined ? {} : { search }),
  }
  const shape = `partners:${visibilityShape(principal)}:${'framework' in params}:${'search' in params}`
  const pageOf = (page: typeof params) =>
    compiledQueries.execute(db, shape, page, (bound) =>
      selectPartners(db, principal, filteredPartnerRows(db, principal, bound), bound),
    )
  const page = await pageOf(params)
  // The count rides on each row; only a page past the end needs a second look.
  const counted =
    page[0] ?? (filter.offset > 0 ? (await pageOf({ ...params, limit: 1, offset: 0 }))[0] : undefined)
  const items = page.map((row) => toPartnerRecord(Object.assign(row, splitCountedEvents(row.events))))
  return {
    items,
    total: Number(counted?.total ?? 0),
    // Every partner counted in the total (and the memberships a framework filter let them in by),
    // and what each row on the page shows.
    markings: [
      ...markingsFromIds(counted?.counted_markings, counted?.filter_markings),
      ...items.flatMap((item) => item.contentMarkings),
    ],
  }
}

/** The visible partners in the framework and matching the (LIKE-escaped, lower-case) search. */
function filteredPartnerRows(
  db: Db,
  principal: Principal,
  filter: { readonly framework?: string; readonly search?: string },
) {
  let rows = visiblePartnerRows(db, principal)
  const { framework, search } = filter
  if (framework !== undefined) {
    rows = rows.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('framework_membership as m')
          .select(sql.lit(1).as('one'))
          .whereRef('m.country_code', '=', 'p.country_code')
          .where('m.framework_id', '=', framework)
          .where('m.to_date', 'is', null)
          .where('m.status', 'in', memberStatuses)
          .where(visibleTo(principal, 'm')),
      ),
    )
  }
  if (search !== undefined) {
    // The pattern is built in SQL around the bound text: SQLite re-prepares a statement whenever a
    // bare parameter used as a LIKE pattern gets a value, to see whether its prefix index applies.
    const pattern = sql`('%' || ${search} || '%') escape '\\'`
    rows = rows.where((eb) =>
      eb.or([
        eb(sql`lower(c.name)`, 'like', pattern),
        eb(sql`lower(p.country_code)`, 'like', pattern),
        eb(sql`lower(c.capital)`, 'like', pattern),
      ]),
    )
  }
  return rows
}

/** One partner by code, or null when it does not exist or the principal may not see it. */
export async function findVisiblePartner(
  db: Db,
  principal: Principal,
  code: string,
): Promise<PartnerRecord | null> {
  const [row] = await compiledQueries.execute(
    db,
    `partner:${visibilityShape(principal)}`,
    { code },
    (params) =>
      partnerByCode(db, principal, params.code).select((eb) =>
        eb
          .selectFrom('relationship_event as e')
          .select(sql<number>`cast(count(*) as integer)`.as('n'))
          .whereRef('e.partner_code', '=', 'p.country_code')
          .where(visibleTo(principal, 'e'))
          .as('event_count'),
      ),
  )
  return row === undefined ? null : toPartnerRecord(row)
}

/**
 * One partner with the relationship events the principal may see, oldest first, or null when it
 * does not exist or is hidden: one statement, the timeline folded into a JSON column, compiled
 * once per principal shape (the detail page is the busiest read; see bench/foundation.bench.ts).
 */
export async function findVisiblePartnerDetail(
  db: Db,
  principal: Principal,
  code: string,
): Promise<{ partner: PartnerRecord; timeline: TimelineEventRecord[] } | null> {
  const [row] = await compiledQueries.execute(
    db,
    `partner-detail:${visibilityShape(principal)}`,
    { code },
    (params) =>
      partnerByCode(db, principal, params.code).select((eb) =>
        jsonArrayFrom(db.engine)(
          eb
            .selectFrom('relationship_event as e')
            // A link is read through the reader's marking filter: a hidden record reads as no link.
            .leftJoin('engagement as le', (join) =>
              join.onRef('le.id', '=', 'e.engagement_id').on(visibleTo(principal, 'le')),
            )
            .leftJoin('programme as lg', (join) =>
              join.onRef('lg.id', '=', 'e.programme_id').on(programmeVisibleTo(principal, 'lg')),
            )
            .select([
              'e.version',
              'le.id as engagement_id',
              'le.title as engagement_title',
              sql<string | null>`le.marking_id`.as('engagement_marking'),
              'lg.id as programme_id',
              'lg.title as programme_title',
              sql<string | null>`lg.marking_id`.as('programme_marking'),
              'e.id',
              'e.kind',
              'e.title',
              'e.description',
              'e.event_date',
              'e.event_precision',
              'e.source',
              'e.confidence',
              'e.illustrative',
              'e.classification',
              'e.releasable_to',
            ])
            .whereRef('e.partner_code', '=', 'p.country_code')
            .where(visibleTo(principal, 'e'))
            .orderBy('e.event_date')
            .orderBy('e.id'),
        ).as('timeline'),
      ),
  )
  if (row === undefined) {
    return null
  }
  const timeline = parseJsonArray(row.timeline).map(toTimelineEventRecord)
  // The timeline is every event of this partner the principal may see: exactly what is counted.
  return { partner: toPartnerRecord(Object.assign(row, { event_count: timeline.length })), timeline }
}

type TimelineRow = Omit<RelationshipEventTable, 'partner_code'> & {
  readonly engagement_title: string | null
  readonly engagement_marking: string | null
  readonly programme_title: string | null
  readonly programme_marking: string | null
}

function linkOf(row: TimelineRow): { link: EventLink | null; linkMarking: Marking | null } {
  if (row.engagement_id !== null && row.engagement_title !== null && row.engagement_marking !== null) {
    return {
      link: { type: 'engagement', id: row.engagement_id, title: row.engagement_title },
      linkMarking: markingFromId(row.engagement_marking),
    }
  }
  if (row.programme_id !== null && row.programme_title !== null && row.programme_marking !== null) {
    return {
      link: { type: 'programme', id: row.programme_id, title: row.programme_title },
      linkMarking: markingFromId(row.programme_marking),
    }
  }
  return { link: null, linkMarking: null }
}

function toTimelineEventRecord(row: TimelineRow): TimelineEventRecord {
  // Fields named one by one: spreading linkOf's result into this literal made V8 build each record
  // on its slow path, 10 µs a row, most of the partner page's time (bench/pages.bench.ts).
  const { link, linkMarking } = linkOf(row)
  return {
    link,
    linkMarking,
    version: Number(row.version),
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    date: fromStored(row.event_date, toPrecision(row.event_precision)),
    source: row.source,
    confidence: row.confidence,
    illustrative: Number(row.illustrative) === 1,
    marking: markingFromColumns(row),
  }
}

/** The partner columns and its current frameworks, for one code; no list-only total. */
function partnerByCode(db: Db, principal: Principal, code: string) {
  return visiblePartnerRows(db, principal)
    .where('p.country_code', '=', code)
    .select([
      'p.country_code as code',
      'c.name',
      'c.capital',
      'c.time_zone',
      'p.status',
      'p.summary',
      'p.dialogue_date',
      'p.dialogue_precision',
      'p.classification',
      'p.releasable_to',
      'p.version',
    ])
    .select(currentFrameworks(db, principal, 'p.country_code').as('frameworks'))
}

function visiblePartnerRows(db: Db, principal: Principal) {
  return db.kysely
    .selectFrom('partner as p')
    .innerJoin('country as c', 'c.code', 'p.country_code')
    .where(visibleTo(principal, 'p'))
}

/**
 * The page of `rows` is chosen first (ordered, limited) and only then are the frameworks and
 * event counts gathered, so the correlated subqueries run for the page, not for every visible
 * partner: with thousands of partners that is the difference between ~10 ms and ~1 ms.
 */
function selectPartners(
  db: Db,
  principal: Principal,
  rows: ReturnType<typeof visiblePartnerRows>,
  page: { readonly limit: number; readonly offset: number; readonly framework?: string } | null,
) {
  let chosen = rows
    .select([
      'p.country_code as code',
      'c.name',
      'c.capital',
      'c.time_zone',
      'p.status',
      'p.summary',
      'p.dialogue_date',
      'p.dialogue_precision',
      'p.classification',
      'p.releasable_to',
      'p.version',
    ])
    .orderBy('c.name')
    .orderBy('p.country_code')
  if (page !== null) {
    chosen = chosen.limit(page.limit).offset(page.offset)
  }
  return (
    db.kysely
      .selectFrom(chosen.as('p'))
      .selectAll('p')
      // Counted by an uncorrelated derived table, which the engine computes once; a window
      // count(*) over () on the page query would cost more than the page itself.
      .innerJoin(
        db.kysely
          .selectFrom(rows.select(sql<string>`p.marking_id`.as('marking_id')).as('counted'))
          .select([
            sql<number>`cast(count(*) as integer)`.as('n'),
            distinctMarkingIds(db.engine, 'counted.marking_id').as('markings'),
            filterMarkings(db, principal, rows, page ?? {}).as('filter_markings'),
          ])
          .as('counted'),
        (join) => join.onTrue(),
      )
      .select([
        'counted.n as total',
        'counted.markings as counted_markings',
        'counted.filter_markings',
        currentFrameworks(db, principal, 'p.code').as('frameworks'),
        countedEvents(db, principal, 'p.code').as('events'),
      ])
      .orderBy('p.name')
      .orderBy('p.code')
  )
}

/**
 * The distinct markings of the visible current memberships through which a framework filter let
 * the counted partners in (the condition of `filteredPartnerRows`); null without the filter.
 */
function filterMarkings(
  db: Db,
  principal: Principal,
  rows: ReturnType<typeof visiblePartnerRows>,
  filter: { readonly framework?: string },
) {
  if (filter.framework === undefined) {
    return sql<string | null>`cast(null as text)`
  }
  return sql<string | null>`(${db.kysely
    .selectFrom('framework_membership as m')
    .select(distinctMarkingIds(db.engine, 'm.marking_id').as('ids'))
    .where('m.framework_id', '=', filter.framework)
    .where('m.to_date', 'is', null)
    .where('m.status', 'in', memberStatuses)
    .where(visibleTo(principal, 'm'))
    .where('m.country_code', 'in', rows.select('p.country_code'))})`
}

/**
 * The visible relationship events of the partner `partnerCode`, counted, with their distinct
 * markings (they are counted, so they raise the banner), as "count,id,id…": one pass over the
 * events' index instead of one for the count and one for the markings (a tenth of the list's time
 * on PostgreSQL). Marking ids hold no comma (contributing-markings.ts).
 */
function countedEvents(db: Db, principal: Principal, partnerCode: string) {
  const count = db.engine === 'postgres' ? sql`count(*)::text` : sql`cast(count(*) as text)`
  return sql<string>`(${db.kysely
    .selectFrom('relationship_event as e')
    .select(
      sql<string>`${count} || ',' || coalesce(${distinctMarkingIds(db.engine, 'e.marking_id')}, '')`.as(
        'events',
      ),
    )
    .where('e.partner_code', '=', sql.ref<string>(partnerCode))
    .where(visibleTo(principal, 'e'))})`
}

/** Splits `countedEvents` into the count and the marking id list. */
function splitCountedEvents(events: string): { event_count: number; event_markings: string } {
  const comma = events.indexOf(',')
  return { event_count: Number(events.slice(0, comma)), event_markings: events.slice(comma + 1) }
}

/** The frameworks the partner (column `partnerCode` of the outer query) is in today, as JSON. */
function currentFrameworks(db: Db, principal: Principal, partnerCode: string) {
  return jsonArrayFrom(db.engine)(
    db.kysely
      .selectFrom('framework_membership as m')
      .innerJoin('framework as f', 'f.id', 'm.framework_id')
      .select([
        'f.id as id',
        'f.short_name as shortName',
        'm.status as status',
        // Both rows are shown (the framework by name): their markings are part of a banner.
        sql<string>`m.marking_id`.as('membershipMarking'),
        sql<string>`f.marking_id`.as('frameworkMarking'),
      ])
      .where('m.country_code', '=', sql.ref<string>(partnerCode))
      .where('m.to_date', 'is', null)
      .where(visibleTo(principal, 'm'))
      .where(visibleTo(principal, 'f'))
      .orderBy('f.id'),
  )
}

type PartnerRow = Awaited<ReturnType<ReturnType<typeof selectPartners>['executeTakeFirstOrThrow']>>

function toPartnerRecord(
  row: Omit<PartnerRow, 'total' | 'counted_markings' | 'filter_markings' | 'events'> & {
    readonly event_count: number | null
    readonly event_markings?: string | null
  },
): PartnerRecord {
  const frameworks = parseJsonArray(row.frameworks)
  return {
    code: row.code,
    name: row.name,
    capital: row.capital,
    timeZone: row.time_zone,
    status: row.status,
    summary: row.summary,
    dialogueSince: fromStoredOrNull(row.dialogue_date, row.dialogue_precision),
    marking: markingFromColumns(row),
    frameworks: frameworks.map(({ id, shortName, status }) => ({ id, shortName, status })),
    eventCount: Number(row.event_count ?? 0),
    version: Number(row.version),
    contentMarkings: markingsFromIds(
      row.event_markings,
      ...frameworks.flatMap((framework) => [framework.membershipMarking, framework.frameworkMarking]),
    ),
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}
