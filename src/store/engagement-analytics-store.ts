import { type RawBuilder, sql } from 'kysely'
import {
  type LevelMilestone,
  levelWeights,
  share,
  type YearSeries,
  zeroByFormat,
  zeroByLevel,
} from '../domain/analytics.ts'
import { engagementLevels, toEngagementFormat } from '../domain/engagement.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { distinctMarkingIds, markingsFromIds } from './contributing-markings.ts'
import type { Db } from './database.ts'
import { memberStatuses } from './partner-store.ts'
import { prepareByName } from './postgres-named-statements.ts'
import { visibleMarkingsCte, visibleThroughCte } from './visibility.ts'

export type AnalyticsScope =
  | { readonly kind: 'partner'; readonly code: string }
  | { readonly kind: 'framework'; readonly id: string }

export interface EngagementAnalytics {
  readonly years: readonly YearSeries[]
  readonly levels: readonly LevelMilestone[]
  /**
   * The distinct markings of everything counted (engagements, their participations and memberships
   * in scope, the summits that decided the regularity figures), for the banner and its exports.
   */
  readonly markings: readonly Marking[]
}

/** CASE expression turning a level name into its rank (0 = leaders), from the domain's list. */
function levelRankOf(expression: RawBuilder<unknown>): RawBuilder<number> {
  const branches = engagementLevels.map((level, rank) => sql`when ${sql.lit(level)} then ${sql.lit(rank)}`)
  return sql<number>`case ${expression} ${sql.join(branches, sql` `)} end`
}

/** CASE expression turning a level rank into its intensity weight, from the domain's weights. */
function weightOf(rank: RawBuilder<unknown>): RawBuilder<number> {
  const branches = engagementLevels.map(
    (level, index) => sql`when ${sql.lit(index)} then ${sql.lit(levelWeights[level])}`,
  )
  return sql<number>`case ${rank} ${sql.join(branches, sql` `)} end`
}

/**
 * The engagements in scope, one row each, with the highest level at which the scoped countries took
 * part. Everything is filtered by the principal's marking rights here (through the statement's
 * `vis`), once, so that no count below can include an engagement, a participation or a framework
 * membership the principal may not see.
 */
function scoped(db: Db, scope: AnalyticsScope): RawBuilder<unknown> {
  const framework =
    scope.kind === 'framework'
      ? sql`join framework_membership m on m.country_code = p.country_code
          and m.framework_id = ${scope.id}
          and m.status in (${sql.join(memberStatuses.map((status) => sql.lit(status)))})
          and (m.from_date is null or m.from_date <= e.start_day)
          and (m.to_date is null or m.to_date >= e.start_day)
          and ${visibleThroughCte('m')}`
      : sql``
  const partner = scope.kind === 'partner' ? sql`and p.country_code = ${scope.code}` : sql``
  // SQLite without statistics looks engagements up by their primary key and then reads the wide
  // row; the covering index answers the same lookup from a narrow one (PostgreSQL chooses by itself).
  const covering = db.engine === 'sqlite' ? sql`indexed by engagement_counted` : sql``
  const memberships =
    scope.kind === 'framework' ? distinctMarkingIds(db.engine, 'm.marking_id') : sql`cast(null as text)`
  // Besides the engagement, its participations (and memberships) in scope put it in the answer:
  // their markings ride along, aggregated per engagement, for the banner.
  return sql`select e.id, e.start_day, e.start_day_num, e.format, e.marking_id,
      min(${levelRankOf(sql`coalesce(p.level, e.level)`)}) as level_rank,
      ${distinctMarkingIds(db.engine, 'p.marking_id')} as participation_markings,
      ${memberships} as membership_markings
    from engagement_participant p
    join engagement e ${covering} on e.id = p.engagement_id
    ${framework}
    where ${visibleThroughCte('e')} and ${visibleThroughCte('p')} ${partner}
    group by e.id, e.start_day, e.start_day_num, e.format, e.marking_id`
}

/**
 * Summits last days, not months: bounding their length lets the window test read a short range of
 * the (kind, start day) index. A longer record counts as a summit for its first this-many days.
 */
const longestSummitDays = 14

/** One row of the combined answer; `part` says which aggregate it belongs to. */
interface PartRow {
  part: 'cell' | 'days' | 'milestone' | 'marking'
  key: string
  rank: number | null
  label: string | null
  a: number | null
  b: number | null
  c: number | null
  first_title: string | null
  last_title: string | null
}

interface CellRow {
  year: string
  level_rank: number
  format: string
  n: number
  near: number
  intensity: number
}

interface DayRow {
  year: string
  months: number
  longest_gap: number | null
}

interface MilestoneRow {
  level_rank: number
  id: string
  title: string
  start_day: string
  first_rank: number
  last_rank: number
  n: number
}

/**
 * Counts, per year, engagements by level and format, their level-weighted intensity, how many fell
 * outside ±`windowDays` of a summit the principal may see, active months and the longest gap; and
 * per level the first and latest engagement. All counting happens in SQL.
 */
export async function engagementAnalytics(
  db: Db,
  principal: Principal,
  scope: AnalyticsScope,
  windowDays: number,
): Promise<EngagementAnalytics> {
  // One statement: the scoped engagements are found once (materialised) and every aggregate reads them.
  const query = sql<PartRow>`with ${visibleMarkingsCte(principal)},
    scoped as materialized (${scoped(db, scope)}),
    near_summits as materialized (
      select s.*, (
        select ${distinctMarkingIds(db.engine, 'x.marking_id')} from engagement x
        where x.kind = 'summit' and ${visibleThroughCte('x')}
          and x.start_day_num between s.start_day_num - ${windowDays + longestSummitDays} and s.start_day_num + ${windowDays}
          and x.end_day_num >= s.start_day_num - ${windowDays}
      ) as summit_markings
      from scoped s
    ),
    -- The summits an engagement was near decide a figure, so their markings join the banner's.
    counted as (select n.*, case when n.summit_markings is null then 0 else 1 end as near from near_summits n),
    contributing as (
      select marking_id as ids from scoped
      union select participation_markings from scoped
      union select membership_markings from scoped
      union select summit_markings from near_summits
    ),
    days as (select distinct start_day, start_day_num from scoped),
    gaps as (select start_day, start_day_num - lag(start_day_num) over (order by start_day_num) as gap from days)
    -- Every column is typed in every branch: PostgreSQL will not guess the type of a bare null.
    select 'cell' as part, substr(start_day, 1, 4) as key, level_rank as rank, format as label,
      cast(count(*) as integer) as a, cast(sum(near) as integer) as b,
      cast(sum(${weightOf(sql`level_rank`)}) as integer) as c,
      cast(null as text) as first_title, cast(null as text) as last_title
    from counted group by substr(start_day, 1, 4), level_rank, format
    union all
    select 'days', substr(start_day, 1, 4), cast(null as integer), cast(null as text),
      cast(count(distinct substr(start_day, 1, 7)) as integer), cast(max(gap) as integer), cast(null as integer),
      cast(null as text), cast(null as text)
    from gaps group by substr(start_day, 1, 4)
    union all
    -- Each level's first and latest engagement as "day|id", with their titles looked up by id (ids
    -- of visible engagements only), so the aggregate itself never carries text columns.
    select 'milestone', first_key, level_rank, last_key, n, cast(null as integer), cast(null as integer),
      (select t.title from engagement t where t.id = substr(first_key, 12)),
      (select t.title from engagement t where t.id = substr(last_key, 12))
    from (select level_rank, min(start_day || '|' || id) as first_key, max(start_day || '|' || id) as last_key,
      cast(count(*) as integer) as n from scoped group by level_rank) firsts
    union all
    select 'marking', ids, cast(null as integer), cast(null as text),
      cast(null as integer), cast(null as integer), cast(null as integer), cast(null as text), cast(null as text)
    from contributing where ids is not null`.compile(db.kysely)
  // Its text depends only on the principal's and the scope's shape: prepared once per connection.
  if (db.engine === 'postgres') prepareByName(query.sql)
  const result = await db.kysely.executeQuery(query)

  const rows = result.rows
  const cells = rows
    .filter((row) => row.part === 'cell')
    .map((row) => ({
      year: row.key,
      level_rank: Number(row.rank),
      format: row.label ?? '',
      n: Number(row.a),
      near: Number(row.b),
      intensity: Number(row.c),
    }))
  const days = rows
    .filter((row) => row.part === 'days')
    .map((row) => ({
      year: row.key,
      months: Number(row.a),
      longest_gap: row.b === null ? null : Number(row.b),
    }))
  // Each level's first and latest engagement come as "day|id" (the smallest and largest), one group each.
  const split = (value: string | null) => {
    const text = value ?? ''
    return { day: text.slice(0, 10), id: text.slice(11) }
  }
  const milestoneRows = rows.filter((row) => row.part === 'milestone')
  const titles = new Map(
    milestoneRows.flatMap((row) => [
      [split(row.key).id, row.first_title ?? ''],
      [split(row.label).id, row.last_title ?? ''],
    ]),
  )
  const milestones = milestoneRows.flatMap((row) => {
    const first = split(row.key)
    const latest = split(row.label)
    const base = { level_rank: Number(row.rank), n: Number(row.a) }
    return [
      {
        ...base,
        id: first.id,
        title: titles.get(first.id) ?? '',
        start_day: first.day,
        first_rank: 1,
        last_rank: first.id === latest.id ? 1 : 2,
      },
      ...(first.id === latest.id
        ? []
        : [
            {
              ...base,
              id: latest.id,
              title: titles.get(latest.id) ?? '',
              start_day: latest.day,
              first_rank: 2,
              last_rank: 1,
            },
          ]),
    ]
  })
  const markings = markingsFromIds(...rows.filter((row) => row.part === 'marking').map((row) => row.key))
  return {
    years: assembleYears(cells, days),
    levels: assembleMilestones(milestones),
    markings,
  }
}

/** Folds the SQL cells into one series per year, with empty years between the first and the last. */
function assembleYears(cells: readonly CellRow[], days: readonly DayRow[]): YearSeries[] {
  const years = [...cells.map((cell) => Number(cell.year)), ...days.map((day) => Number(day.year))]
  if (years.length === 0) {
    return []
  }
  const series: YearSeries[] = []
  for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
    const byLevel = zeroByLevel()
    const byFormat = zeroByFormat()
    let total = 0
    let near = 0
    let intensity = 0
    for (const cell of cells.filter((each) => Number(each.year) === year)) {
      const level = engagementLevels[Number(cell.level_rank)]
      const n = Number(cell.n)
      if (level !== undefined) {
        byLevel[level] += n
      }
      byFormat[toEngagementFormat(cell.format)] += n
      total += n
      near += Number(cell.near)
      intensity += Number(cell.intensity)
    }
    const day = days.find((each) => Number(each.year) === year)
    series.push({
      year,
      total,
      byLevel,
      byFormat,
      intensity,
      outsideSummitWindow: total - near,
      shareOutsideSummitWindow: share(total - near, total),
      longestGapDays: day?.longest_gap === null || day === undefined ? null : Number(day.longest_gap),
      activeMonths: day === undefined ? 0 : Number(day.months),
    })
  }
  return series
}

function assembleMilestones(rows: readonly MilestoneRow[]): LevelMilestone[] {
  return engagementLevels.map((level, rank) => {
    const ofLevel = rows.filter((row) => Number(row.level_rank) === rank)
    const first = ofLevel.find((row) => Number(row.first_rank) === 1)
    const latest = ofLevel.find((row) => Number(row.last_rank) === 1)
    const pick = (row: MilestoneRow | undefined) =>
      row === undefined ? null : { id: row.id, title: row.title, day: row.start_day }
    return { level, count: Number(first?.n ?? 0), first: pick(first), latest: pick(latest) }
  })
}
