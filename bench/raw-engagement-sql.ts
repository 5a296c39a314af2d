import { levelWeights } from '../src/domain/analytics.ts'
import { engagementLevels } from '../src/domain/engagement.ts'
import { rawVisibleMarkings } from './raw-partner-sql.ts'

/**
 * The raw yardsticks of the engagement pages: for each, the fastest statement a person would
 * hand-write over the marking design (`marking_id in (the viewer's markings)`, found once in the
 * `vis` CTE, with the indexes the migrations create), for the raw viewer `jpn`, in the dialect of
 * each engine. Parameters are bound, as in the API; the raw routes shape the rows into the API's
 * answer, so that the yardstick does the same work (the engagement list with the app's presenter,
 * since a page shows each time at its place and in the viewer's zone, which SQLite cannot compute).
 */
export type Engine = 'sqlite' | 'postgres'

function placeholder(engine: Engine, index: number): string {
  return engine === 'sqlite' ? `?${index}` : `$${index}`
}

function visible(alias: string): string {
  return `${alias}.marking_id in (select id from vis)`
}

/** The visible countries taking part in `e`, as a JSON array of codes in code order. */
function countriesOf(engine: Engine, engagement: string): string {
  return engine === 'sqlite'
    ? `(select coalesce(json_group_array(code), '[]') from (
        select distinct p.country_code as code from engagement_participant p
        where p.engagement_id = ${engagement}.id and ${visible('p')} order by p.country_code))`
    : `coalesce((select json_agg(x.code order by x.code) from (
        select distinct p.country_code as code from engagement_participant p
        where p.engagement_id = ${engagement}.id and ${visible('p')}) x), '[]'::json)`
}

/** The distinct marking ids of `column` over the group, comma-separated (null for no rows). */
function markingIdsOf(engine: Engine, column: string): string {
  return engine === 'sqlite' ? `group_concat(distinct ${column})` : `string_agg(distinct ${column}, ',')`
}

/**
 * The visible total and the distinct markings of the engagements it counts (they raise the banner):
 * on SQLite one aggregate pass over the covering index; on PostgreSQL the count beside a probe of
 * the engagement_marking_id index per visible marking, because string_agg(distinct …) sorts every
 * counted row.
 */
function countedSql(engine: Engine): string {
  return engine === 'sqlite'
    ? `select count(*) as n, group_concat(distinct c.marking_id) as markings
        from engagement c where ${visible('c')}`
    : `select count(*) as n, (select string_agg(v.id, ',') from vis v
          where exists (select 1 from engagement x where x.marking_id = v.id)) as markings
        from engagement c where ${visible('c')}`
}

/**
 * GET /api/v1/engagements?limit=&offset=: the page, its countries, the visible total and what the
 * banner is made of (the counted engagements' markings, those of each row's visible participations
 * and of its visible parent), in one statement.
 */
export function rawEngagementListSql(engine: Engine): string {
  return `with vis as (${rawVisibleMarkings}), counted as (${countedSql(engine)})
  select e.*, ${countriesOf(engine, 'e')} as countries,
    (select markings from counted) as counted_markings,
    (select ${markingIdsOf(engine, 'p.marking_id')} from engagement_participant p
      where p.engagement_id = e.id and ${visible('p')}) as participation_markings,
    (select pe.id from engagement pe where pe.id = e.parent_id and ${visible('pe')}) as visible_parent_id,
    (select pe.marking_id from engagement pe where pe.id = e.parent_id and ${visible('pe')}) as parent_marking,
    (select n from counted) as total
  from engagement e
  where ${visible('e')}
  order by e.start_day_num desc, e.start_utc desc, e.id desc
  limit ${placeholder(engine, 1)} offset ${placeholder(engine, 2)}`
}

/** The iCalendar feed of a partner (parameter: its code): every visible engagement with a visible participation of it. */
export function rawPartnerFeedSql(engine: Engine): string {
  return `with vis as (${rawVisibleMarkings})
  select e.*, ${countriesOf(engine, 'e')} as countries
  from engagement e
  where ${visible('e')} and e.id in (
    select p.engagement_id from engagement_participant p where p.country_code = ${placeholder(engine, 1)} and ${visible('p')})
  order by e.start_utc, e.id`
}

const levelRank = `case coalesce(p.level, e.level) ${engagementLevels.map((level, rank) => `when '${level}' then ${rank}`).join(' ')} end`
const weight = `case level_rank ${engagementLevels.map((level, rank) => `when ${rank} then ${levelWeights[level]}`).join(' ')} end`
/** As the API: a summit lasts at most this many days, so the window test reads a short index range. */
const longestSummitDays = 14

/**
 * The analytics of a partner (`scope` partner, parameter: its code) or of a framework (parameter:
 * its id), with a summit window of `windowDays`: one row per (year, level, format) cell, per year of
 * active days, per level's first and latest engagement (with titles), and per distinct set of
 * marking ids of every row counted (engagements, participations, memberships, the summits that
 * decided a figure, and the scope itself: the banner, as the API computes it). `part` says which.
 */
export function rawAnalyticsSql(engine: Engine, scope: 'partner' | 'framework', windowDays: number): string {
  const key = placeholder(engine, 1)
  const scopeJoin =
    scope === 'framework'
      ? `join framework_membership m on m.country_code = p.country_code and m.framework_id = ${key}
          and m.status in ('active', 'suspended')
          and (m.from_date is null or m.from_date <= e.start_day) and (m.to_date is null or m.to_date >= e.start_day)
          and ${visible('m')}`
      : ''
  const partner = scope === 'partner' ? `and p.country_code = ${key}` : ''
  const covering = engine === 'sqlite' ? 'indexed by engagement_counted' : ''
  const memberships = scope === 'framework' ? markingIdsOf(engine, 'm.marking_id') : 'cast(null as text)'
  return `with vis as (${rawVisibleMarkings}),
  scoped as materialized (
    select e.id, e.start_day, e.start_day_num, e.format, e.marking_id, min(${levelRank}) as level_rank,
      ${markingIdsOf(engine, 'p.marking_id')} as participation_markings, ${memberships} as membership_markings
    from engagement_participant p join engagement e ${covering} on e.id = p.engagement_id ${scopeJoin}
    where ${visible('e')} and ${visible('p')} ${partner}
    group by e.id, e.start_day, e.start_day_num, e.format, e.marking_id),
  near_summits as materialized (
    select s.level_rank, s.format, s.start_day, (
      select ${markingIdsOf(engine, 'x.marking_id')} from engagement x where x.kind = 'summit' and ${visible('x')}
        and x.start_day_num between s.start_day_num - ${windowDays + longestSummitDays} and s.start_day_num + ${windowDays}
        and x.end_day_num >= s.start_day_num - ${windowDays}) as summit_markings
    from scoped s),
  counted as (select n.*, case when n.summit_markings is null then 0 else 1 end as near from near_summits n),
  days as (select distinct start_day, start_day_num from scoped),
  gaps as (select start_day, start_day_num - lag(start_day_num) over (order by start_day_num) as gap from days),
  milestones as (select level_rank, min(start_day || '|' || id) as first, max(start_day || '|' || id) as latest,
      count(*) as n from scoped group by level_rank)
  select 'cell' as part, substr(start_day, 1, 4) as key, level_rank as rank, format as label,
    count(*) as a, sum(near) as b, sum(${weight}) as c, cast(null as text) as t1, cast(null as text) as t2
  from counted group by substr(start_day, 1, 4), level_rank, format
  union all
  select 'days', substr(start_day, 1, 4), null, null, count(distinct substr(start_day, 1, 7)), max(gap), null, null, null
  from gaps group by substr(start_day, 1, 4)
  union all
  select 'milestone', first, level_rank, latest, n, null, null,
    (select title from engagement where id = substr(first, 12)), (select title from engagement where id = substr(latest, 12))
  from milestones
  union all
  select 'marking', ids, null, null, null, null, null, null, null from (
    select marking_id as ids from scoped union select participation_markings from scoped
    union select membership_markings from scoped union select summit_markings from near_summits
    union select marking_id from ${scope === 'partner' ? `partner where country_code = ${key}` : `framework where id = ${key}`}
  ) contributing where ids is not null`
}
