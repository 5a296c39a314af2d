/**
 * The yardstick of the foundation benchmark: the partner list page and the partner detail answered
 * by ONE hand-written SQLite statement each, which builds the whole response body as JSON text, so
 * the route only binds parameters and sends the string. The marking filter is the one `visibleTo`
 * produces for a partner user, with that user's country and clearance written in as constants.
 * The benchmark checks that these bodies equal the real API's before it measures anything.
 */

/** Who the raw statements answer for: the demo partner user `jpn`. */
export const rawViewer = { country: 'JPN', clearanceRank: 2 } as const

/**
 * The markings the raw viewer may read, as a subquery over the marking table (migration
 * 2026-12-02T0400-markings): what a person would hand-write over that design.
 */
export const rawVisibleMarkings = `select id from marking where classification = 0
  union all select r.marking_id from marking_release as r join marking as rm on rm.id = r.marking_id
  where r.country_code = '${rawViewer.country}' and rm.classification <= ${rawViewer.clearanceRank}`

/** The SQL marking filter for the raw viewer on the table `alias`: the statement's one `vis` CTE. */
function visible(alias: string): string {
  return `${alias}.marking_id in (select id from vis)`
}

/**
 * The partner's visible timeline with each event's link read through the link's own marking filter
 * (an engagement by the marking rule, a programme as the API reads another partner's: its PUBLIC
 * header, or its own country's by the rule): the same text on both engines.
 */
export const timelineCte = `timeline as (select e.*, le.id as le_id, le.title as le_title, le.classification as le_rank,
      le.releasable_to as le_releasable, lg.id as lg_id, lg.title as lg_title, lg.classification as lg_rank,
      lg.releasable_to as lg_releasable
    from relationship_event as e
    left join engagement as le on le.id = e.engagement_id and ${visible('le')}
    left join programme as lg on lg.id = e.programme_id and (lg.marking_id in (select id from marking where classification = 0)
      or (lg.partner_code = '${rawViewer.country}' and ${visible('lg')}))
    where e.partner_code = (select code from partner_row) and ${visible('e')})`

const classificationNames = `'["PUBLIC","UNCLASSIFIED","RESTRICTED","CONFIDENTIAL"]'`
const monthNames = `'["January","February","March","April","May","June","July","August","September","October","November","December"]'`

function classificationName(rank: string): string {
  return `json_extract(${classificationNames}, '$[' || ${rank} || ']')`
}

/** Stored "|JPN|KOR|" → JSON ["JPN","KOR"]; "" → []. */
function releasableArray(stored: string): string {
  return `json(case ${stored} when '' then '[]' else '["' || replace(trim(${stored}, '|'), '|', '","') || '"]' end)`
}

function markingObject(rank: string, stored: string): string {
  return `json_object('classification', ${classificationName(rank)}, 'releasableTo', ${releasableArray(stored)},
    'label', case when ${rank} = 0 then 'PUBLIC' else ${classificationName(rank)} || ' — ' ||
      case ${stored} when '' then 'ALLIANCE ONLY' else 'RELEASABLE TO ' || replace(trim(${stored}, '|'), '|', ', ') end end)`
}

function monthName(day: string): string {
  return `json_extract(${monthNames}, '$[' || (cast(substr(${day}, 6, 2) as integer) - 1) || ']')`
}

/** EDTF text from the stored earliest day and precision ("1990-01-01", decade → "199X"). */
function edtf(day: string, precision: string): string {
  return `case ${precision} when 'decade' then substr(${day}, 1, 3) || 'X' when 'year' then substr(${day}, 1, 4)
    when 'month' then substr(${day}, 1, 7) else substr(${day}, 1, 10) end`
}

function fuzzyLabel(day: string, precision: string): string {
  return `case ${precision} when 'decade' then 'the ' || substr(${day}, 1, 3) || '0s'
    when 'year' then substr(${day}, 1, 4)
    when 'month' then ${monthName(day)} || ' ' || substr(${day}, 1, 4)
    else cast(substr(${day}, 9, 2) as integer) || ' ' || ${monthName(day)} || ' ' || substr(${day}, 1, 4) end`
}

/**
 * CTEs `top` and `shared` that compute `highestMarking` over the rows of `markings` (columns
 * classification, releasable_to) in two passes, and the JSON object built from them. A code is
 * shared when every non-public row releases to it.
 */
function highestMarkingParts(markings: string): { ctes: string; object: string } {
  const ctes = `top as (select coalesce(max(classification), 0) as rank,
      coalesce(sum(classification > 0), 0) as restricted from ${markings}),
  shared as (select j.value as code, count(*) as n from ${markings}, json_each(${releasableArray(`${markings}.releasable_to`)}) as j
    where ${markings}.classification > 0 group by j.value)`
  const object = `(select json_object('classification', ${classificationName('top.rank')},
      'releasableTo', json(json_group_array(shared.code order by shared.code) filter (where shared.code is not null)),
      'label', case when top.rank = 0 then 'PUBLIC' else ${classificationName('top.rank')} || ' — ' ||
        coalesce('RELEASABLE TO ' || group_concat(shared.code, ', ' order by shared.code), 'ALLIANCE ONLY') end)
    from top left join shared on shared.n = top.restricted)`
  return { ctes, object }
}

function partnerFields(row: string): string {
  return `'code', ${row}.code, 'name', ${row}.name, 'capital', ${row}.capital, 'timeZone', ${row}.time_zone,
    'status', ${row}.status, 'summary', ${row}.summary,
    'dialogueSince', json(case when ${row}.dialogue_date is null then null else json_object(
      'date', ${edtf(`${row}.dialogue_date`, `${row}.dialogue_precision`)}, 'precision', ${row}.dialogue_precision,
      'label', ${fuzzyLabel(`${row}.dialogue_date`, `${row}.dialogue_precision`)}) end),
    'frameworks', json((select coalesce(json_group_array(json_object('id', f.id, 'shortName', f.short_name,
        'status', m.status) order by f.id), '[]')
      from framework_membership as m join framework as f on f.id = m.framework_id
      where m.country_code = ${row}.code and m.to_date is null and ${visible('m')} and ${visible('f')}))`
}

/**
 * The marking ids of the current memberships of the partners `codes` (a subquery) and of their
 * frameworks: the page shows both, so both raise the banner, as in the API.
 */
function currentMembershipMarkings(codes: string): string {
  const current = `from framework_membership as m join framework as f on f.id = m.framework_id
    where m.country_code in ${codes} and m.to_date is null and ${visible('m')} and ${visible('f')}`
  return `select m.marking_id ${current} union select f.marking_id ${current}`
}

const partnerColumns = `p.country_code as code, c.name, c.capital, c.time_zone, p.status, p.summary,
  p.dialogue_date, p.dialogue_precision, p.classification, p.releasable_to, p.version
  from partner as p join country as c on c.code = p.country_code`

/** GET /api/v1/partners?limit=&offset= as the raw viewer; parameters: limit, offset. */
export function rawPartnerListSql(): string {
  const marking = highestMarkingParts('markings')
  // The page is read in name order from the join and the total counted on the narrow partner rows;
  // a CTE of every visible partner, read three times, made SQLite copy all 5,000 whole rows first.
  return `with vis as (${rawVisibleMarkings}),
  page as (select p.marking_id, ${partnerColumns} where ${visible('p')} order by c.name, p.country_code limit ? offset ?),
  markings as (select classification, releasable_to from marking where id in (
    select p.marking_id from partner as p where ${visible('p')}
    union select e.marking_id from relationship_event as e where e.partner_code in (select code from page) and ${visible('e')}
    union ${currentMembershipMarkings('(select code from page)')})),
  ${marking.ctes}
  select json_object(
    'items', json((select coalesce(json_group_array(json_object(${partnerFields('page')},
        'eventCount', (select count(*) from relationship_event as e where e.partner_code = page.code and ${visible('e')})
      ) order by page.name, page.code), '[]') from page)),
    'total', (select count(*) from partner as p where ${visible('p')}),
    'marking', json(${marking.object})
  ) as body`
}

/** GET /api/v1/partners/{code} as the raw viewer; parameter: code. No row means 404. */
export function rawPartnerDetailSql(): string {
  const marking = highestMarkingParts('markings')
  return `with vis as (${rawVisibleMarkings}),
  partner_row as (select ${partnerColumns} where p.country_code = ? and ${visible('p')}),
  ${timelineCte},
  markings as (select classification, releasable_to from partner_row
    union all select classification, releasable_to from timeline
    union all select le_rank, le_releasable from timeline where le_id is not null
    union all select lg_rank, lg_releasable from timeline where le_id is null and lg_id is not null
    union all select classification, releasable_to from marking
      where id in (${currentMembershipMarkings('(select code from partner_row)')})),
  ${marking.ctes}
  select json_object(${partnerFields('partner_row')},
    'eventCount', (select count(*) from timeline),
    'timeline', json((select coalesce(json_group_array(json_object('id', t.id, 'kind', t.kind, 'title', t.title,
        'description', t.description, 'date', ${edtf('t.event_date', 't.event_precision')},
        'precision', t.event_precision, 'label', ${fuzzyLabel('t.event_date', 't.event_precision')},
        'source', t.source, 'confidence', t.confidence,
        'illustrative', json(case when t.illustrative = 1 then 'true' else 'false' end),
        'marking', ${markingObject('t.classification', 't.releasable_to')},
        'version', t.version, 'abilities', json('{"edit":false,"delete":false}'),
        'link', json(case when t.le_id is not null then json_object('type', 'engagement', 'id', t.le_id, 'title', t.le_title)
          when t.lg_id is not null then json_object('type', 'programme', 'id', t.lg_id, 'title', t.lg_title) end)
      ) order by t.event_date, t.id), '[]') from timeline as t)),
    'recordMarking', ${markingObject('partner_row.classification', 'partner_row.releasable_to')},
    'version', partner_row.version, 'abilities', json('{"edit":false,"addEvent":false}'),
    'marking', json(${marking.object})
  ) as body from partner_row`
}
