import { type FuzzyDate, fromStored, toPrecision } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Db } from './database.ts'
import { markingFromColumns } from './marking-columns.ts'
import { visibleTo } from './visibility.ts'

export interface MemberRecord {
  readonly code: string
  readonly name: string
  readonly capital: string | null
  readonly timeZone: string
  readonly accession: FuzzyDate
  readonly marking: Marking
}

/** The member states the principal may see (in practice all: membership is public), by accession. */
export async function listVisibleMembers(db: Db, principal: Principal): Promise<MemberRecord[]> {
  const rows = await db.kysely
    .selectFrom('member as m')
    .innerJoin('country as c', 'c.code', 'm.country_code')
    .select([
      'm.country_code',
      'c.name',
      'c.capital',
      'c.time_zone',
      'm.accession_date',
      'm.accession_precision',
      'm.classification',
      'm.releasable_to',
    ])
    .where(visibleTo(principal, 'm'))
    .orderBy('m.accession_date')
    .orderBy('c.name')
    .execute()
  return rows.map((row) => ({
    code: row.country_code,
    name: row.name,
    capital: row.capital,
    timeZone: row.time_zone,
    accession: fromStored(row.accession_date, toPrecision(row.accession_precision)),
    marking: markingFromColumns(row),
  }))
}
