import { sql } from 'kysely'
import { type FuzzyDate, fromStored, fromStoredOrNull, toPrecision } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { jsonArrayFrom, parseJsonArray } from './json.ts'
import { markingFromColumns } from './marking-columns.ts'
import { visibleTo } from './visibility.ts'

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
}

/**
 * The partners this principal may see, one page, with their current frameworks and the number of
 * timeline events they may see: all in one statement, filtered by marking in SQL.
 */
export async function listVisiblePartners(
  db: Db,
  principal: Principal,
  filter: PartnerFilter,
): Promise<{ items: PartnerRecord[]; total: number }> {
  let rows = visiblePartnerRows(db, principal)
  if (filter.framework !== undefined) {
    const framework = filter.framework
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
  if (filter.q !== undefined && filter.q !== '') {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`
    rows = rows.where((eb) =>
      eb.or([
        eb(sql`lower(c.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(p.country_code)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(c.capital)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    )
  }
  const page = await selectPartners(db, principal, rows, filter).execute()
  // The count rides on each row; only a page past the end needs a second look.
  const total =
    page[0]?.total ??
    (filter.offset > 0
      ? ((await selectPartners(db, principal, rows, { limit: 1, offset: 0 }).executeTakeFirst())?.total ?? 0)
      : 0)
  return { items: page.map(toPartnerRecord), total: Number(total) }
}

/** One partner by code, or null when it does not exist or the principal may not see it. */
export async function findVisiblePartner(
  db: Db,
  principal: Principal,
  code: string,
): Promise<PartnerRecord | null> {
  const rows = visiblePartnerRows(db, principal).where('p.country_code', '=', code)
  const row = await selectPartners(db, principal, rows, null).executeTakeFirst()
  return row === undefined ? null : toPartnerRecord(row)
}

/** The partner's relationship events the principal may see, oldest first. */
export async function listVisibleTimeline(
  db: Db,
  principal: Principal,
  code: string,
): Promise<TimelineEventRecord[]> {
  const rows = await db.kysely
    .selectFrom('relationship_event as e')
    .selectAll('e')
    .where('e.partner_code', '=', code)
    .where(visibleTo(principal, 'e'))
    .orderBy('e.event_date')
    .orderBy('e.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    date: fromStored(row.event_date, toPrecision(row.event_precision)),
    source: row.source,
    confidence: row.confidence,
    illustrative: Number(row.illustrative) === 1,
    marking: markingFromColumns(row),
  }))
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
  page: { readonly limit: number; readonly offset: number } | null,
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
    ])
    .orderBy('c.name')
    .orderBy('p.country_code')
  if (page !== null) {
    chosen = chosen.limit(page.limit).offset(page.offset)
  }
  return db.kysely
    .selectFrom(chosen.as('p'))
    .selectAll('p')
    .select((eb) => [
      // Counted by its own uncorrelated subquery, which SQLite runs once; a window count(*) over ()
      // on the page query would cost more than the page itself.
      eb
        .selectFrom(rows.select('p.country_code').as('counted'))
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .as('total'),
      jsonArrayFrom(db.engine)(
        eb
          .selectFrom('framework_membership as m')
          .innerJoin('framework as f', 'f.id', 'm.framework_id')
          .select(['f.id as id', 'f.short_name as shortName', 'm.status as status'])
          .whereRef('m.country_code', '=', 'p.code')
          .where('m.to_date', 'is', null)
          .where(visibleTo(principal, 'm'))
          .where(visibleTo(principal, 'f'))
          .orderBy('f.id'),
      ).as('frameworks'),
      eb
        .selectFrom('relationship_event as e')
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .whereRef('e.partner_code', '=', 'p.code')
        .where(visibleTo(principal, 'e'))
        .as('event_count'),
    ])
    .orderBy('p.name')
    .orderBy('p.code')
}

type PartnerRow = Awaited<ReturnType<ReturnType<typeof selectPartners>['executeTakeFirstOrThrow']>>

function toPartnerRecord(row: PartnerRow): PartnerRecord {
  return {
    code: row.code,
    name: row.name,
    capital: row.capital,
    timeZone: row.time_zone,
    status: row.status,
    summary: row.summary,
    dialogueSince: fromStoredOrNull(row.dialogue_date, row.dialogue_precision),
    marking: markingFromColumns(row),
    frameworks: parseJsonArray(row.frameworks),
    eventCount: Number(row.event_count ?? 0),
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}
