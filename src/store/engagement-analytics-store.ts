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
import type { Db } from './database.ts'
import { markingFromColumns } from './marking-columns.ts'
import { memberStatuses } from './partner-store.ts'
import { visibleTo } from './visibility.ts'

export type AnalyticsScope =
  | { readonly kind: 'partner'; readonly code: string }
  | { readonly kind: 'framework'; readonly id: string }

export interface EngagementAnalytics {
  readonly years: readonly YearSeries[]
  readonly levels: readonly LevelMilestone[]
  /** The distinct markings of everything counted, for the banner of the answer and its exports. */
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
 * part. Everything is filtered by the principal's marking rights here, once, so that no count below
 * can include an engagement, a participation or a framework membership the principal may not see.
 */
function scoped(principal: Principal, scope: AnalyticsScope): RawBuilder<unknown> {
  const framework =
    scope.kind === 'framework'
      ? sql`join framework_membership m on m.country_code = p.country_code
          and m.framework_id = ${scope.id}
          and m.status in (${sql.join(memberStatuses.map((status) => sql.lit(status)))})
          and (m.from_date is null or m.from_date <= e.start_day)
          and (m.to_date is null or m.to_date >= e.start_day)
          and ${visibleTo(principal, 'm')}`
      : sql``
  const partner = scope.kind === 'partner' ? sql`and p.country_code = ${scope.code}` : sql``
  return sql`select e.id, e.title, e.start_day, e.start_day_num, e.format, e.classification, e.releasable_to,
      min(${levelRankOf(sql`coalesce(p.level, e.level)`)}) as level_rank
    from engagement e
    join engagement_participant p on p.engagement_id = e.id
    ${framework}
    where ${visibleTo(principal, 'e')} and ${visibleTo(principal, 'p')} ${partner}
    group by e.id, e.title, e.start_day, e.start_day_num, e.format, e.classification, e.releasable_to`
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
  const base = scoped(principal, scope)
  const cells = await sql<CellRow>`with scoped as (${base}),
    counted as (
      select s.*, case when exists (
        select 1 from engagement x
        where x.kind = 'summit' and ${visibleTo(principal, 'x')}
          and x.start_day_num <= s.start_day_num + ${windowDays}
          and x.end_day_num >= s.start_day_num - ${windowDays}
      ) then 1 else 0 end as near
      from scoped s
    )
    select substr(start_day, 1, 4) as year, level_rank, format,
      cast(count(*) as integer) as n,
      cast(sum(near) as integer) as near,
      cast(sum(${weightOf(sql`level_rank`)}) as integer) as intensity
    from counted group by 1, 2, 3 order by 1, 2, 3`.execute(db.kysely)

  const days = await sql<DayRow>`with scoped as (${base}),
    days as (select distinct start_day, start_day_num from scoped),
    gaps as (select start_day, start_day_num - lag(start_day_num) over (order by start_day_num) as gap from days)
    select substr(start_day, 1, 4) as year,
      cast(count(distinct substr(start_day, 1, 7)) as integer) as months,
      cast(max(gap) as integer) as longest_gap
    from gaps group by 1 order by 1`.execute(db.kysely)

  const milestones = await sql<MilestoneRow>`with scoped as (${base}),
    ranked as (
      select level_rank, id, title, start_day,
        row_number() over (partition by level_rank order by start_day, id) as first_rank,
        row_number() over (partition by level_rank order by start_day desc, id desc) as last_rank,
        count(*) over (partition by level_rank) as n
      from scoped
    )
    select level_rank, id, title, start_day,
      cast(first_rank as integer) as first_rank, cast(last_rank as integer) as last_rank, cast(n as integer) as n
    from ranked where first_rank = 1 or last_rank = 1`.execute(db.kysely)

  const markings = await sql<{ classification: number; releasable_to: string }>`with scoped as (${base})
    select distinct classification, releasable_to from scoped`.execute(db.kysely)

  return {
    years: assembleYears(cells.rows, days.rows),
    levels: assembleMilestones(milestones.rows),
    markings: markings.rows.map(markingFromColumns),
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
