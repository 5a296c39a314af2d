import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { cooperationReach } from '../domain/cooperation/access.ts'
import { permissionsOf } from '../domain/policy.ts'
import { isAlliance, type Principal } from '../domain/principal.ts'
import { visibilityShape, visibleTo } from './visibility.ts'

/**
 * The SQL of who reads what in the cooperation menu (docs/cooperation.md), on top of the marking
 * filter: items by eligibility, requests and registrations by the part the reader plays.
 */

/** Whether the item `alias` may be requested by `country` (null: open to every partner only). */
export function eligibleFor(country: string | null, alias: string): RawBuilder<SqlBool> {
  const open = sql<SqlBool>`${sql.ref(`${alias}.open_to_all`)} = 1`
  if (country === null) return open
  return sql<SqlBool>`(${open} or ${sql.ref(`${alias}.id`)} in (
    select el.item_id from coop_item_eligible as el where el.kind = 'partner' and el.code = ${country}
    union all select el.item_id from coop_item_eligible as el
      join framework_membership as fm on fm.framework_id = el.code and fm.country_code = ${country}
      where el.kind = 'framework'))`
}

/** Items: alliance readers see every item their clearance allows; others those they may request. */
export function itemVisibleTo(principal: Principal, alias: string): RawBuilder<SqlBool> {
  if (isAlliance(principal)) return visibleTo(principal, alias)
  return sql<SqlBool>`(${visibleTo(principal, alias)} and ${eligibleFor(principal.country, alias)})`
}

/**
 * Requests and registrations (`alias` carries partner_code, provider_kind, provider_code): staff
 * read all, a partner its own country's, a member's delegation those of the items it provides.
 */
export function cooperationScope(principal: Principal, alias: string): RawBuilder<SqlBool> {
  const reach = cooperationReach(principal, permissionsOf(principal))
  const marked = visibleTo(principal, alias)
  if (reach.all) return marked
  const parts: RawBuilder<SqlBool>[] = []
  if (reach.asPartner !== null)
    parts.push(sql<SqlBool>`${sql.ref(`${alias}.partner_code`)} = ${reach.asPartner}`)
  if (reach.asProvider !== null) {
    parts.push(
      sql<SqlBool>`(${sql.ref(`${alias}.provider_code`)} = ${reach.asProvider} and ${sql.ref(`${alias}.provider_kind`)} = 'member')`,
    )
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`(${marked} and (${sql.join(parts, sql` or `)}))`
}

/**
 * Everything `cooperationScope` and `itemVisibleTo` read from the principal, as text: the key part
 * of a compiled query (compiled-query-cache.ts), since the country and reach are bound as constants.
 */
export function cooperationShape(principal: Principal): string {
  const reach = cooperationReach(principal, permissionsOf(principal))
  return `${visibilityShape(principal)}:${reach.all}:${reach.asPartner}:${reach.asProvider}:${principal.country}`
}
