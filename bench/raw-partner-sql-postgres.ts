import { rawVisibleMarkings, timelineCte } from './raw-partner-sql.ts'

/**
 * The PostgreSQL twins of raw-partner-sql.ts: the partner list page and the partner detail answered
 * by ONE hand-written statement each that builds the whole response body with PostgreSQL's JSON
 * functions, for the same raw viewer (`jpn`) and the same marking subquery. The benchmark checks
 * that these bodies equal the real API's before it measures anything.
 */

function visible(alias: string): string {
  return `${alias}.marking_id in (select id from vis)`
}

const classificationNames = `array['PUBLIC','UNCLASSIFIED','RESTRICTED','CONFIDENTIAL']`
const monthNames = `array['January','February','March','April','May','June','July','August','September','October','November','December']`

function classificationName(rank: string): string {
  return `(${classificationNames})[${rank} + 1]`
}

/** Stored "|JPN|KOR|" → JSON ["JPN","KOR"]; "" → []. */
function releasableArray(stored: string): string {
  return `(case ${stored} when '' then '[]'::json else to_json(string_to_array(trim(both '|' from ${stored}), '|')) end)`
}

function markingObject(rank: string, stored: string): string {
  return `json_build_object('classification', ${classificationName(rank)}, 'releasableTo', ${releasableArray(stored)},
    'label', case when ${rank} = 0 then 'PUBLIC' else ${classificationName(rank)} || ' — ' ||
      case ${stored} when '' then 'ALLIANCE ONLY' else 'RELEASABLE TO ' || replace(trim(both '|' from ${stored}), '|', ', ') end end)`
}

function monthName(day: string): string {
  return `(${monthNames})[cast(substr(${day}, 6, 2) as integer)]`
}

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

/** As in raw-partner-sql.ts: `top` and `shared` over the rows of `markings`, and the banner built from them. */
function highestMarkingParts(markings: string): { ctes: string; object: string } {
  const ctes = `top as (select coalesce(max(classification), 0) as rank,
      coalesce(sum((classification > 0)::int), 0) as restricted from ${markings}),
  shared as (select r.code, count(*) as n from ${markings},
      unnest(string_to_array(trim(both '|' from ${markings}.releasable_to), '|')) as r(code)
    where ${markings}.classification > 0 and r.code <> '' group by r.code)`
  const object = `(select json_build_object('classification', ${classificationName('top.rank')},
      'releasableTo', coalesce(json_agg(shared.code order by shared.code) filter (where shared.code is not null), '[]'::json),
      'label', case when top.rank = 0 then 'PUBLIC' else ${classificationName('top.rank')} || ' — ' ||
        coalesce('RELEASABLE TO ' || string_agg(shared.code, ', ' order by shared.code), 'ALLIANCE ONLY') end)
    from top left join shared on shared.n = top.restricted group by top.rank)`
  return { ctes, object }
}

function partnerFields(row: string): string {
  return `'code', ${row}.code, 'name', ${row}.name, 'capital', ${row}.capital, 'timeZone', ${row}.time_zone,
    'status', ${row}.status, 'summary', ${row}.summary,
    'dialogueSince', case when ${row}.dialogue_date is null then null else json_build_object(
      'date', ${edtf(`${row}.dialogue_date`, `${row}.dialogue_precision`)}, 'precision', ${row}.dialogue_precision,
      'label', ${fuzzyLabel(`${row}.dialogue_date`, `${row}.dialogue_precision`)}) end,
    'frameworks', (select coalesce(json_agg(json_build_object('id', f.id, 'shortName', f.short_name,
        'status', m.status) order by f.id), '[]'::json)
      from framework_membership as m join framework as f on f.id = m.framework_id
      where m.country_code = ${row}.code and m.to_date is null and ${visible('m')} and ${visible('f')})`
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

/** GET /api/v1/partners?limit=&offset= as the raw viewer; parameters: $1 limit, $2 offset. */
export function rawPartnerListSqlPostgres(): string {
  const marking = highestMarkingParts('markings')
  return `with vis as (${rawVisibleMarkings}),
  visible as (select p.marking_id, ${partnerColumns} where ${visible('p')}),
  page as (select * from visible order by name limit $1 offset $2),
  markings as (select classification, releasable_to from marking where id in (
    select marking_id from visible
    union select e.marking_id from relationship_event as e where e.partner_code in (select code from page) and ${visible('e')}
    union ${currentMembershipMarkings('(select code from page)')})),
  ${marking.ctes}
  select json_build_object(
    'items', (select coalesce(json_agg(json_build_object(${partnerFields('page')},
        'eventCount', (select count(*) from relationship_event as e where e.partner_code = page.code and ${visible('e')})
      ) order by page.name), '[]'::json) from page),
    'total', (select count(*) from visible),
    'marking', ${marking.object}
  )::text as body`
}

/** GET /api/v1/partners/{code} as the raw viewer; parameter: $1 code. No row means 404. */
export function rawPartnerDetailSqlPostgres(): string {
  const marking = highestMarkingParts('markings')
  return `with vis as (${rawVisibleMarkings}),
  partner_row as (select ${partnerColumns} where p.country_code = $1 and ${visible('p')}),
  ${timelineCte},
  markings as (select classification, releasable_to from partner_row
    union all select classification, releasable_to from timeline
    union all select le_rank, le_releasable from timeline where le_id is not null
    union all select lg_rank, lg_releasable from timeline where le_id is null and lg_id is not null
    union all select classification, releasable_to from marking
      where id in (${currentMembershipMarkings('(select code from partner_row)')})),
  ${marking.ctes}
  select json_build_object(${partnerFields('partner_row')},
    'eventCount', (select count(*) from timeline),
    'timeline', (select coalesce(json_agg(json_build_object('id', t.id, 'kind', t.kind, 'title', t.title,
        'description', t.description, 'date', ${edtf('t.event_date', 't.event_precision')},
        'precision', t.event_precision, 'label', ${fuzzyLabel('t.event_date', 't.event_precision')},
        'source', t.source, 'confidence', t.confidence, 'illustrative', t.illustrative = 1,
        'marking', ${markingObject('t.classification', 't.releasable_to')},
        'version', t.version, 'abilities', json_build_object('edit', false, 'delete', false),
        'link', case when t.le_id is not null then json_build_object('type', 'engagement', 'id', t.le_id, 'title', t.le_title)
          when t.lg_id is not null then json_build_object('type', 'programme', 'id', t.lg_id, 'title', t.lg_title) end
      ) order by t.event_date, t.id), '[]'::json) from timeline as t),
    'recordMarking', ${markingObject('partner_row.classification', 'partner_row.releasable_to')},
    'version', partner_row.version, 'abilities', json_build_object('edit', false, 'addEvent', false),
    'marking', ${marking.object}
  )::text as body from partner_row`
}
