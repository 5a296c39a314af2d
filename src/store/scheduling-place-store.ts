import type { Principal } from '../domain/principal.ts'
import { type CountryPlace, type OfficePlace, officeCityKey } from '../domain/scheduling/places.ts'
import type { Db } from './database.ts'
import './liaison-office-tables.ts'
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

/**
 * The open liaison offices the principal may see that `keys` name, by id or by city key: an office
 * becomes a place to schedule with when it opens, and a hidden one is as unknown as a missing one.
 */
export async function findSchedulingOffices(
  db: Db,
  principal: Principal,
  keys: readonly string[],
): Promise<Map<string, OfficePlace>> {
  if (keys.length === 0) return new Map()
  const rows = await db.kysely
    .selectFrom('liaison_office as o')
    .select(['o.id', 'o.city', 'o.time_zone'])
    .where('o.status', '=', 'open')
    .where(visibleTo(principal, 'o'))
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute()
  const wanted = new Set(keys)
  const found = new Map<string, OfficePlace>()
  for (const row of rows) {
    const place = { id: row.id, city: row.city, zone: row.time_zone }
    for (const key of [row.id.toLowerCase(), officeCityKey(row.city)]) {
      if (wanted.has(key) && !found.has(key)) found.set(key, place)
    }
  }
  return found
}
