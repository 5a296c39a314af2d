import type { Engine } from './raw-engagement-sql.ts'

/**
 * The raw yardsticks of the cooperation benchmark: for each page, the one statement a person would
 * hand-write over the marking design (`marking_id in (the viewer's markings)`, found once in the
 * `vis` CTE) and the cooperation migration's indexes, for a fixed viewer, in each engine's dialect.
 * Each answers the same rows, total and contributing markings as the API under the same filters
 * (cooperation-scope.ts); the routes (raw-cooperation-routes.ts) only shape rows.
 */

/** Who the raw statements answer for. The partner is Korea; staff and France read with CONFIDENTIAL. */
export const rawCooperationViewers = {
  partner: { country: 'KOR', clearanceRank: 2 },
  provider: { country: 'FRA', clearanceRank: 3 },
  staff: { clearanceRank: 3 },
} as const

function partnerMarkings(country: string, rank: number): string {
  return `select id from marking where classification = 0
    union all select r.marking_id from marking_release r join marking rm on rm.id = r.marking_id
    where r.country_code = '${country}' and rm.classification <= ${rank}`
}

function allianceMarkings(rank: number): string {
  return `select id from marking where classification <= ${rank}`
}

function p(engine: Engine, index: number): string {
  return engine === 'sqlite' ? `?${index}` : `$${index}`
}

function visible(alias: string): string {
  return `${alias}.marking_id in (select id from vis)`
}

/** Distinct marking ids of a column, comma-separated. */
function ids(engine: Engine, column: string): string {
  return engine === 'sqlite' ? `group_concat(distinct ${column})` : `string_agg(distinct ${column}, ',')`
}

/** A JSON array text of `expr` rows in `order` (SQLite) or a json value (PostgreSQL). */
function jsonRows(engine: Engine, values: string, order: string): string {
  return engine === 'sqlite'
    ? `json_group_array(json_array(${values}) order by ${order})`
    : `json_agg(json_build_array(${values}) order by ${order})`
}

/** Korea's eligible items: named, or through a framework it belongs to (cooperation-scope eligibleFor). */
const koreaEligible = `select el.item_id from coop_item_eligible el where el.kind = 'partner' and el.code = 'KOR'
  union all select el.item_id from coop_item_eligible el
    join framework_membership fm on fm.framework_id = el.code and fm.country_code = 'KOR'
    where el.kind = 'framework'`

function koreaItem(alias: string): string {
  return `${visible(alias)} and (${alias}.open_to_all = 1 or ${alias}.id in (select item_id from elig))`
}

/** GET /api/v1/cooperation/items?q=<one word>&limit=&offset= as Korea: ?1 the like pattern. */
export function rawItemSearchSql(engine: Engine): string {
  const where = `${koreaItem('i')} and i.search_text like ${p(engine, 1)} escape '\\'`
  return `with vis as (${partnerMarkings('KOR', 2)}), elig as (${koreaEligible}),
  counted as (select count(*) as n, ${ids(engine, 'i.marking_id')} as ids from coop_item i where ${where})
  select i.id, i.code, i.title, i.description, i.provider_kind, i.provider_code, pc.name as provider_country_name,
    i.format, i.priority_areas, i.languages, i.illustrative, i.created_at, i.version, i.classification,
    i.releasable_to,
    (select ${jsonRows(engine, 'el.kind, el.code', 'el.kind, el.code')} from coop_item_eligible el
      where el.item_id = i.id) as eligibility,
    (select n from counted) as total, (select ids from counted) as ids
  from coop_item i left join country pc on pc.code = i.provider_code
  where ${where}
  order by i.title, i.id limit ${p(engine, 2)} offset ${p(engine, 3)}`
}

/** GET /api/v1/cooperation/events?q=<one word>&limit=&offset= as Korea: ?1 the like pattern. */
export function rawEventSearchSql(engine: Engine): string {
  const where = `${visible('ev')} and ${koreaItem('i')}
    and (i.search_text like ${p(engine, 1)} escape '\\' or lower(ev.place) like ${p(engine, 1)})`
  const mine = `cr.event_id = ev.id and ${visible('cr')} and cr.partner_code = 'KOR'`
  return `with vis as (${partnerMarkings('KOR', 2)}), elig as (${koreaEligible}),
  counted as (select count(*) as n, ${ids(engine, 'ev.marking_id')} as event_ids, ${ids(engine, 'i.marking_id')} as item_ids
    from coop_event ev join coop_item i on i.id = ev.item_id where ${where})
  select ev.id, ev.starts_on, ev.ends_on, ev.place, ev.time_zone, ev.capacity, ev.application_deadline,
    ev.status, ev.illustrative, ev.version, ev.classification, ev.releasable_to,
    i.id as item_id, i.code as item_code, i.title as item_title, i.format as item_format, i.provider_kind,
    i.provider_code, i.priority_areas, pc.name as provider_country_name, i.marking_id as item_marking,
    (select count(*) from coop_registration cr where ${mine} and cr.status = 'registered') as registered,
    (select count(*) from coop_registration cr where ${mine} and cr.status = 'waitlisted') as waitlisted,
    (select ${ids(engine, 'cr.marking_id')} from coop_registration cr where ${mine} and cr.status <> 'cancelled')
      as registration_markings,
    (select own.id || ' ' || own.status from coop_request own where own.event_id = ev.id
      and own.partner_code = 'KOR' and ${visible('own')} order by own.created_at desc, own.id desc limit 1)
      as own_request,
    (select n from counted) as total, (select event_ids from counted) as event_ids,
    (select item_ids from counted) as item_ids
  from coop_event ev join coop_item i on i.id = ev.item_id left join country pc on pc.code = i.provider_code
  where ${where}
  order by ev.starts_on, i.code, ev.ends_on, ev.place, ev.id limit ${p(engine, 2)} offset ${p(engine, 3)}`
}

/** GET /api/v1/cooperation/requests?limit=&offset= as Korea: its own requests, newest first. */
export function rawRequestListSql(engine: Engine): string {
  const where = `r.partner_code = 'KOR' and ${visible('r')} and ${visible('ev')} and ${visible('i')}`
  // Korea reads a goal when it is PUBLIC, or visible and of its own programme (programmePartVisibleTo).
  const goal = `(n.marking_id in (select id from marking where classification = 0) or (${visible('n')} and exists (select 1 from programme own
    where own.id = n.programme_id and own.partner_code = 'KOR')))`
  return `with vis as (${partnerMarkings('KOR', 2)}),
  counted as (select count(*) as n, ${ids(engine, 'r.marking_id')} as request_ids,
      ${ids(engine, 'ev.marking_id')} as event_ids, ${ids(engine, 'i.marking_id')} as item_ids
    from coop_request r join coop_event ev on ev.id = r.event_id join coop_item i on i.id = r.item_id
    where ${where})
  select r.id, r.status, r.note, r.partner_code, partner.name as partner_name, r.decided_at, r.decided_by,
    r.decision_note, r.invitation_status, r.invitation_issued_at, r.invitation_message,
    r.invitation_responded_at, r.created_at, r.illustrative, r.version, r.classification, r.releasable_to,
    ev.id as event_id, ev.starts_on, ev.ends_on, ev.place, ev.time_zone, ev.status as event_status,
    ev.application_deadline, ev.marking_id as event_marking,
    i.id as item_id, i.code as item_code, i.title as item_title, i.format as item_format, i.provider_kind,
    i.provider_code, i.priority_areas, i.marking_id as item_marking, pc.name as provider_country_name,
    rep.filed_at as report_filed_at, rep.rating as report_rating,
    (select count(*) from coop_registration cr where cr.request_id = r.id and cr.status = 'registered') as registered,
    (select count(*) from coop_registration cr where cr.request_id = r.id and cr.status = 'waitlisted') as waitlisted,
    (select ${jsonRows(engine, 'n.id, n.title, n.programme_id, n.marking_id', 'n.position')}
      from coop_request_goal rg join programme_node n on n.id = rg.goal_id
      where rg.request_id = r.id and ${goal}) as goals,
    (select n from counted) as total, (select request_ids from counted) as request_ids,
    (select event_ids from counted) as event_ids, (select item_ids from counted) as item_ids
  from coop_request r join coop_event ev on ev.id = r.event_id join coop_item i on i.id = r.item_id
    join country partner on partner.code = r.partner_code left join country pc on pc.code = i.provider_code
    left join coop_report rep on rep.request_id = r.id
  where ${where}
  order by r.created_at desc, r.id desc limit ${p(engine, 1)} offset ${p(engine, 2)}`
}

/**
 * GET /api/v1/cooperation/events/:id/registrations?limit=&offset= as staff (every participant) or
 * as France, the provider (the participants of the items it provides): ?1 the event. One row per
 * participant on the page, each carrying the event's days for the phase; no row when the event is
 * hidden or has no participant on the page (then a second, cheap look decides 404 or empty).
 */
export function rawParticipantListSql(engine: Engine, viewer: 'staff' | 'provider'): string {
  const scope =
    viewer === 'staff'
      ? (alias: string) => visible(alias)
      : (alias: string) =>
          `${visible(alias)} and ${alias}.provider_code = 'FRA' and ${alias}.provider_kind = 'member'`
  return `with vis as (${allianceMarkings(3)}),
  counted as (select count(*) as n, ${ids(engine, 'c.marking_id')} as ids from coop_registration c
    where c.event_id = ${p(engine, 1)} and ${scope('c')})
  select ev.status as event_status, ev.starts_on, ev.ends_on, ev.application_deadline, ev.time_zone,
    g.id, g.request_id, g.event_id, g.partner_code, g.provider_kind, g.provider_code, g.person_name, g.nation,
    g.role, g.status, g.queue_seq, g.attendance, g.created_at, g.illustrative, g.version, g.classification, g.releasable_to,
    case when g.status = 'waitlisted' then (select count(*) from coop_registration w
      where w.event_id = g.event_id and w.status = 'waitlisted' and w.queue_seq <= g.queue_seq
      and ${scope('w')}) else null end as waitlist_position,
    (select n from counted) as total, (select ids from counted) as ids
  from coop_event ev join coop_item i on i.id = ev.item_id
    join coop_registration g on g.event_id = ev.id and ${scope('g')}
  where ev.id = ${p(engine, 1)} and ${visible('ev')} and ${visible('i')}
  order by g.queue_seq limit ${p(engine, 2)} offset ${p(engine, 3)}`
}
