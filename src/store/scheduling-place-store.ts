import type { Principal } from '../domain/principal.ts'
import type { CountryPlace } from '../domain/scheduling/places.ts'
import type { Db } from './database.ts'
import { visibleTo } from './visibility.ts'

/**
 * The member and partner countries among `codes` that the principal may see, with their capitals'
 * zones. A country is a place to schedule with only as a member or partner the caller can see, so a
 * hidden partner is as unknown as a missing one.
 */
export async function findSchedulingCountries(
  db: Db,
  principal: Principal,
  codes: readonly string[],
): Promise<Map<string, CountryPlace>> {
  if (codes.length === 0) {
    return new Map()
  }
  const rows = await db.kysely
    .selectFrom('country as c')
    .select(['c.code', 'c.name', 'c.capital', 'c.time_zone'])
    .where('c.code', 'in', [...new Set(codes)])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('member as m')
            .select('m.country_code')
            .whereRef('m.country_code', '=', 'c.code')
            .where(visibleTo(principal, 'm')),
        ),
        eb.exists(
          eb
            .selectFrom('partner as p')
            .select('p.country_code')
            .whereRef('p.country_code', '=', 'c.code')
            .where(visibleTo(principal, 'p')),
        ),
      ]),
    )
    .execute()
  return new Map(
    rows.map((row) => [
      row.code,
      { code: row.code, name: row.name, capital: row.capital, timeZone: row.time_zone },
    ]),
  )
}
