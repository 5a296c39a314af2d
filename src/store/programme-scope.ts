import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Principal } from '../domain/principal.ts'
import { visibleTo } from './visibility.ts'

/**
 * Who may know a programme exists: the marking rule (visibleTo) AND co-ownership scope. A partner's
 * users see their own country's programmes only; another partner sees nothing of them, not even
 * PUBLIC parts (those are for the public portal), so every read answers 404 for them.
 *
 * @example db.selectFrom('programme as pr').where(programmeVisibleTo(principal, 'pr'))
 */
export function programmeVisibleTo(principal: Principal, alias: string): RawBuilder<SqlBool> {
  const marking = visibleTo(principal, alias)
  if (principal.kind !== 'partner') {
    return marking
  }
  return sql<SqlBool>`(${marking} and ${sql.ref(`${alias}.partner_code`)} = ${principal.country ?? ''})`
}
