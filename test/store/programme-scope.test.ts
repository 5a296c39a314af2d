import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifications, type Marking } from '../../src/domain/marking.ts'
import { type Principal, principalKinds, publicPrincipal } from '../../src/domain/principal.ts'
import { canSeeProgramme } from '../../src/domain/programme-policy.ts'
import type { Db } from '../../src/store/database.ts'
import { markingToColumns } from '../../src/store/marking-columns.ts'
import { programmePartVisibleTo, programmeVisibleTo } from '../../src/store/programme-scope.ts'
import '../../src/store/programme-tables.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'

const releasabilities: string[][] = [[], ['JPN'], ['KOR'], ['JPN', 'KOR']]
const markings: Marking[] = classifications.flatMap((classification) =>
  releasabilities.map((releasableTo) => ({ classification, releasableTo })),
)
const partners = ['JPN', 'KOR']
const programmes = partners.flatMap((partnerCode) =>
  markings.map((marking, index) => ({ id: `${partnerCode}-${index}`, partnerCode, marking })),
)
/** One node of every marking in each programme whose header is PUBLIC (a part is never above its programme). */
const parts = programmes
  .filter((p) => p.marking.classification === 'PUBLIC')
  .flatMap((p) =>
    markings.map((marking, index) => ({
      id: `${p.id}-n${index}`,
      programmeId: p.id,
      partnerCode: p.partnerCode,
      marking,
    })),
  )
const principals: Principal[] = principalKinds.flatMap((kind) =>
  classifications.flatMap((clearance) =>
    [null, 'JPN', 'KOR', 'FRA'].map((country) => ({ ...publicPrincipal, kind, clearance, country })),
  ),
)

async function seed(db: Db): Promise<void> {
  for (const code of partners) {
    await db.kysely
      .insertInto('country')
      .values({ code, name: code, capital: null, time_zone: 'UTC' })
      .execute()
    await db.kysely
      .insertInto('partner')
      .values({
        country_code: code,
        status: 'active',
        summary: '',
        dialogue_date: null,
        dialogue_precision: null,
        version: 1,
        ...markingToColumns(),
      })
      .execute()
  }
  await db.kysely
    .insertInto('programme')
    .values(
      programmes.map((p) => ({
        id: p.id,
        partner_code: p.partnerCode,
        kind: 'ITPP',
        title: p.id,
        status: 'draft',
        period_from: '2023',
        period_to: '2026',
        starts_on: '2023-01-01',
        ends_on: '2026-12-31',
        agreed_on: null,
        round: 0,
        supersedes_id: null,
        superseded_by_id: null,
        public_diplomacy: '',
        next_review: null,
        illustrative: 0,
        version: 1,
        created_at: '2026-11-27T00:00:00Z',
        updated_at: '2026-11-27T00:00:00Z',
        ...markingToColumns(p.marking),
      })),
    )
    .execute()
  await db.kysely
    .insertInto('programme_node')
    .values(
      parts.map((part, position) => ({
        id: part.id,
        programme_id: part.programmeId,
        parent_id: null,
        kind: 'objective',
        // Sibling positions are unique (migration 2026-12-02T1100).
        position,
        title: part.id,
        description: '',
        priority_areas: '',
        illustrative: 0,
        version: 1,
        ...markingToColumns(part.marking),
      })),
    )
    .execute()
}

describe.each(engines)('programmeVisibleTo on %s', (engine) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await freshDatabase(engine)
    await seed(database.db)
  })
  afterAll(() => database.dispose())

  it('returns exactly the programmes canSeeProgramme allows, for every principal', async () => {
    for (const principal of principals) {
      const rows = await database.db.kysely
        .selectFrom('programme as pr')
        .select('pr.id')
        .where(programmeVisibleTo(principal, 'pr'))
        .execute()
      const expected = programmes.filter((p) => canSeeProgramme(principal, p)).map((p) => p.id)
      expect(rows.map((r) => r.id).sort(), JSON.stringify(principal)).toEqual(expected.sort())
    }
  })

  it('returns exactly the parts canSeeProgramme allows, for every principal', async () => {
    for (const principal of principals) {
      const rows = await database.db.kysely
        .selectFrom('programme_node as n')
        .select('n.id')
        .where(programmePartVisibleTo(principal, 'n'))
        .execute()
      const expected = parts
        .filter((part) =>
          canSeeProgramme(principal, { partnerCode: part.partnerCode, marking: part.marking }),
        )
        .map((part) => part.id)
      expect(rows.map((r) => r.id).sort(), JSON.stringify(principal)).toEqual(expected.sort())
    }
  })

  it('shows a partner another partner’s PUBLIC programmes and parts, and none of its others', async () => {
    const korea: Principal = {
      ...publicPrincipal,
      kind: 'partner',
      country: 'KOR',
      clearance: 'CONFIDENTIAL',
    }
    const rows = await database.db.kysely
      .selectFrom('programme as pr')
      .select(['pr.partner_code', 'pr.classification'])
      .where(programmeVisibleTo(korea, 'pr'))
      .execute()
    const japans = rows.filter((r) => r.partner_code === 'JPN')
    expect(japans).toHaveLength(releasabilities.length)
    expect(new Set(japans.map((r) => Number(r.classification)))).toEqual(new Set([0]))
    const koreas = markings.filter((m) => m.classification === 'PUBLIC' || m.releasableTo.includes('KOR'))
    expect(rows.filter((r) => r.partner_code === 'KOR')).toHaveLength(koreas.length)
    const nodes = await database.db.kysely
      .selectFrom('programme_node as n')
      .select(['n.id', 'n.classification'])
      .where('n.programme_id', 'like', 'JPN-%')
      .where(programmePartVisibleTo(korea, 'n'))
      .execute()
    expect(nodes.length).toBeGreaterThan(0)
    expect(nodes.every((n) => Number(n.classification) === 0)).toBe(true)
  })
})
