import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canRead, classifications, type Marking } from '../../src/domain/marking.ts'
import { type Principal, principalKinds, publicPrincipal } from '../../src/domain/principal.ts'
import type { Db } from '../../src/store/database.ts'
import { markingFromColumns, markingToColumns } from '../../src/store/marking-columns.ts'
import {
  visibilityShape,
  visibleMarkingsCte,
  visibleThroughCte,
  visibleTo,
} from '../../src/store/visibility.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'

const releasabilities: string[][] = [[], ['JPN'], ['KOR'], ['JPN', 'KOR']]
const markings: Marking[] = classifications.flatMap((classification) =>
  releasabilities.map((releasableTo) => ({ classification, releasableTo })),
)

const principals: Principal[] = principalKinds.flatMap((kind) =>
  classifications.flatMap((clearance) =>
    [null, 'JPN', 'KOR', 'FRA'].map((country) => ({ ...publicPrincipal, kind, clearance, country })),
  ),
)

async function seedMatrix(db: Db): Promise<void> {
  await db.kysely
    .insertInto('country')
    .values({ code: 'JPN', name: 'Japan', capital: null, time_zone: 'Asia/Tokyo' })
    .execute()
  await db.kysely
    .insertInto('partner')
    .values({
      country_code: 'JPN',
      status: 'active',
      summary: '',
      dialogue_date: null,
      dialogue_precision: null,
      version: 1,
      ...markingToColumns(),
    })
    .execute()
  await db.kysely
    .insertInto('relationship_event')
    .values(
      markings.map((marking, index) => ({
        id: `e${index}`,
        partner_code: 'JPN',
        kind: 'other',
        title: `event ${index}`,
        description: '',
        event_date: '2020-01-01',
        event_precision: 'day',
        source: null,
        confidence: 'high',
        illustrative: 0,
        version: 1,
        ...markingToColumns(marking),
      })),
    )
    .execute()
}

describe('visibilityShape', () => {
  it('is the same exactly when visibleTo compiles to the same SQL and parameters', async () => {
    const database = await freshDatabase(engines[0] ?? 'sqlite')
    try {
      const compiled = (principal: Principal) => {
        const query = database.db.kysely
          .selectFrom('relationship_event as e')
          .select('e.id')
          .where(visibleTo(principal, 'e'))
          .compile()
        return JSON.stringify([query.sql, query.parameters])
      }
      const shapes = new Map<string, string>()
      const conditions = new Map<string, string>()
      for (const principal of principals) {
        const shape = visibilityShape(principal)
        const condition = compiled(principal)
        expect(shapes.get(shape) ?? condition, shape).toBe(condition)
        expect(conditions.get(condition) ?? shape, condition).toBe(shape)
        shapes.set(shape, condition)
        conditions.set(condition, shape)
      }
    } finally {
      await database.dispose()
    }
  })
})

describe.each(engines)('visibleTo on %s', (engine) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await freshDatabase(engine)
    await seedMatrix(database.db)
  })
  afterAll(() => database.dispose())

  it('stores and reads back every marking unchanged', async () => {
    const rows = await database.db.kysely.selectFrom('relationship_event').selectAll().orderBy('id').execute()
    const read = rows.map(markingFromColumns)
    expect(new Set(read.map((m) => JSON.stringify(m)))).toEqual(
      new Set(markings.map((m) => JSON.stringify(m))),
    )
  })

  it('returns exactly the rows canRead allows, for every kind of principal and clearance', async () => {
    const rows = await database.db.kysely.selectFrom('relationship_event').selectAll().execute()
    for (const principal of principals) {
      const visible = await database.db.kysely
        .selectFrom('relationship_event as e')
        .select('e.id')
        .where(visibleTo(principal, 'e'))
        .execute()
      const expected = rows.filter((row) => canRead(principal, markingFromColumns(row))).map((row) => row.id)
      expect(visible.map((row) => row.id).sort(), JSON.stringify({ ...principal, roles: [] })).toEqual(
        expected.sort(),
      )
    }
  })

  it('selects the same rows through the statement-level vis CTE, for every principal', async () => {
    const rows = await database.db.kysely.selectFrom('relationship_event').selectAll().execute()
    for (const principal of principals) {
      const visible = await sql<{ id: string }>`with ${visibleMarkingsCte(principal)}
        select e.id from relationship_event as e where ${visibleThroughCte('e')}`.execute(database.db.kysely)
      const expected = rows.filter((row) => canRead(principal, markingFromColumns(row))).map((row) => row.id)
      expect(visible.rows.map((row) => row.id).sort(), JSON.stringify({ ...principal, roles: [] })).toEqual(
        expected.sort(),
      )
    }
  })

  it('sees a marking first carried by an update at once, on the next statement', async () => {
    const moved: Marking = { classification: 'CONFIDENTIAL', releasableTo: ['FRA'] }
    const original = await database.db.kysely
      .selectFrom('relationship_event')
      .select(['classification', 'releasable_to'])
      .where('id', '=', 'e4')
      .executeTakeFirstOrThrow()
    const reader: Principal = {
      ...publicPrincipal,
      kind: 'partner',
      clearance: 'CONFIDENTIAL',
      country: 'FRA',
    }
    const visibleIds = async () =>
      (
        await database.db.kysely
          .selectFrom('relationship_event as e')
          .select('e.id')
          .where(visibleTo(reader, 'e'))
          .execute()
      ).map((row) => row.id)
    expect(await visibleIds()).not.toContain('e4')
    await database.db.kysely
      .updateTable('relationship_event')
      .set(markingToColumns(moved))
      .where('id', '=', 'e4')
      .execute()
    try {
      expect(await visibleIds()).toContain('e4')
    } finally {
      await database.db.kysely
        .updateTable('relationship_event')
        .set(original)
        .where('id', '=', 'e4')
        .execute()
    }
  })
})
