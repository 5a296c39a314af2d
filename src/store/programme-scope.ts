import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { type Principal, publicPrincipal } from '../domain/principal.ts'
import { visibleTo } from './visibility.ts'

/**
 * Who may see a programme header: the SQL twin of canSeeProgramme (domain/programme-policy.ts).
 * A partner's users read their own country's programmes by the marking rule; another partner's
 * programme they read as the public does (its PUBLIC header only), never kept from what is PUBLIC.
 *
 * @example db.selectFrom('programme as pr').where(programmeVisibleTo(principal, 'pr'))
 */
export function programmeVisibleTo(principal: Principal, alias: string): RawBuilder<SqlBool> {
  if (principal.kind !== 'partner') {
    return visibleTo(principal, alias)
  }
  const own = sql<SqlBool>`${sql.ref(`${alias}.partner_code`)} = ${principal.country ?? ''}`
  return sql<SqlBool>`(${visibleTo(publicPrincipal, alias)} or (${own} and ${visibleTo(principal, alias)}))`
}

/**
 * Who may see a part of a programme (node, milestone, approval, version, version item): the same
 * rule as the header, with the programme found through `programmeId` (a column or expression
 * naming the part's programme; `<alias>.programme_id` unless given).
 *
 * @example db.selectFrom('programme_node as n').where(programmePartVisibleTo(principal, 'n'))
 */
export function programmePartVisibleTo(
  principal: Principal,
  alias: string,
  programmeId: RawBuilder<string> = sql<string>`${sql.ref(`${alias}.programme_id`)}`,
): RawBuilder<SqlBool> {
  if (principal.kind !== 'partner') {
    return visibleTo(principal, alias)
  }
  const own = sql<SqlBool>`exists (select 1 from programme as own where own.id = ${programmeId} and own.partner_code = ${principal.country ?? ''})`
  return sql<SqlBool>`(${visibleTo(publicPrincipal, alias)} or (${visibleTo(principal, alias)} and ${own}))`
}
