import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'
import { fixedNow } from '../support/server.ts'

/**
 * visibleTo reads only `marking_id` and the marking tables; these are kept by triggers from the
 * columns the stores write. Checked over the demo data on every table that carries a marking, so
 * a marked table added without the triggers (or a write that bypasses them) fails here.
 */
describe.each(engines)('marking tables on %s', (engine) => {
  let database: TestDatabase
  let markedTables: string[]

  beforeAll(async () => {
    database = await freshDatabase(engine)
    await loadAllDemoData(database.db, fixedNow)
    const tables = await database.db.kysely.introspection.getTables()
    markedTables = tables
      .filter((table) => table.columns.some((column) => column.name === 'releasable_to'))
      .map((table) => table.name)
      .filter((name) => name !== 'marking')
  })
  afterAll(() => database.dispose())

  it('gives every marked table a marking_id', () => {
    expect(markedTables.length).toBeGreaterThanOrEqual(15)
  })

  it('keeps every row’s marking_id equal to its classification and releasability, and recorded', async () => {
    for (const table of markedTables) {
      const { rows } = await sql<{ wrong: number; unrecorded: number; total: number }>`
        select
          cast(count(*) filter (where t.marking_id <> t.classification || t.releasable_to) as integer) as wrong,
          cast(count(*) filter (where t.marking_id not in (select id from marking)) as integer) as unrecorded,
          cast(count(*) as integer) as total
        from ${sql.table(table)} as t`.execute(database.db.kysely)
      expect({ table, ...rows[0], total: undefined }).toEqual({
        table,
        wrong: 0,
        unrecorded: 0,
        total: undefined,
      })
    }
  })

  it('records each release set as rows of marking_release', async () => {
    const { rows } = await sql<{ id: string; codes: string | null }>`
      select m.id, (select string_agg(r.country_code, '|' order by r.country_code) from marking_release as r
        where r.marking_id = m.id) as codes
      from marking as m`.execute(database.db.kysely)
    expect(rows.length).toBeGreaterThan(1)
    for (const row of rows) {
      const stored = row.id.replace(/^\d/, '')
      expect(row.codes === null ? '' : `|${row.codes}|`, row.id).toBe(stored)
    }
  })
})
