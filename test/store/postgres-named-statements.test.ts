import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompiledQueryCache } from '../../src/store/compiled-query-cache.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'

/**
 * The compiled query cache's templates run as named (prepared) statements on PostgreSQL, and other
 * queries stay unnamed, so a connection's prepared statements stay bounded.
 */
describe.each(engines.filter((engine) => engine === 'postgres'))('named statements on %s', (engine) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await freshDatabase(engine)
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('prepares a cached template by name on the connection that runs it, and nothing else', async () => {
    const { db } = database
    const cache = new CompiledQueryCache()
    const bound = cache.bind(db, 'named-test', { code: 'JPN' }, (params) =>
      db.kysely.selectFrom('country').select('code').where('code', '=', params.code),
    )
    const prepared = await db.kysely.connection().execute(async (connection) => {
      await connection.executeQuery(bound)
      await connection.executeQuery(bound)
      await connection.executeQuery(CompiledQuery.raw('select 1 as one where 1 = $1', [1]))
      const result = await connection.executeQuery<{ statement: string }>(
        CompiledQuery.raw('select statement from pg_prepared_statements'),
      )
      return result.rows.map((row) => row.statement)
    })
    expect(prepared).toEqual([bound.sql])
  })
})
