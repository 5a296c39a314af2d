import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompiledQueryCache } from '../../src/store/compiled-query-cache.ts'
import type { Db } from '../../src/store/database.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'

const countries = [
  { code: 'AUS', name: 'Australia', capital: 'Canberra', time_zone: 'Australia/Sydney' },
  { code: 'JPN', name: 'Japan', capital: 'Tokyo', time_zone: 'Asia/Tokyo' },
  { code: 'KOR', name: 'Republic of Korea', capital: 'Seoul', time_zone: 'Asia/Seoul' },
  { code: 'NZL', name: 'New Zealand', capital: 'Wellington', time_zone: 'Pacific/Auckland' },
]

/** Counts how often the cache asks for the query to be built. */
function countingBuild(db: Db) {
  const calls = { count: 0 }
  const build = (params: { code: string; zone: string }) => {
    calls.count++
    return db.kysely
      .selectFrom('country')
      .select(['code', 'name'])
      .where('code', '>=', params.code)
      .where('time_zone', '!=', params.zone)
      .where('code', '!=', 'NZL')
      .orderBy('code')
  }
  return { calls, build }
}

describe.each(engines)('CompiledQueryCache on %s', (engine) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await freshDatabase(engine)
    await database.db.kysely.insertInto('country').values(countries).execute()
  })
  afterAll(() => database.dispose())

  it('builds a shape once and binds each call its own values, keeping the constants', async () => {
    const { db } = database
    const cache = new CompiledQueryCache()
    const { calls, build } = countingBuild(db)
    const first = await cache.execute(db, 'countries', { code: 'JPN', zone: 'Asia/Seoul' }, build)
    const second = await cache.execute(db, 'countries', { code: 'AUS', zone: 'Asia/Tokyo' }, build)
    expect(first.map((row) => row.code)).toEqual(['JPN'])
    expect(second.map((row) => row.code)).toEqual(['AUS', 'KOR'])
    expect(calls.count).toBe(1)
    // The same answers as Kysely gives when it builds the query afresh.
    expect(await build({ code: 'AUS', zone: 'Asia/Tokyo' }).execute()).toEqual(second)
  })

  it('binds a value used several times in every place it occurs', async () => {
    const { db } = database
    const cache = new CompiledQueryCache()
    const query = (code: string) =>
      cache.execute(db, 'twice', { code }, (params) =>
        db.kysely
          .selectFrom('country')
          .select('code')
          .where((eb) => eb.or([eb('code', '=', params.code), eb('name', '=', params.code)])),
      )
    expect(await query('KOR')).toEqual([{ code: 'KOR' }])
    expect(await query('Japan')).toEqual([{ code: 'JPN' }])
  })

  it('keeps shapes apart by key and builds again after the least recently used is dropped', async () => {
    const { db } = database
    const cache = new CompiledQueryCache(2)
    const { calls, build } = countingBuild(db)
    const params = { code: 'AUS', zone: 'none' }
    await cache.execute(db, 'a', params, build)
    await cache.execute(db, 'b', params, build)
    await cache.execute(db, 'a', params, build)
    expect(calls.count).toBe(2)
    await cache.execute(db, 'c', params, build) // drops b, the least recently used
    await cache.execute(db, 'a', params, build)
    expect(calls.count).toBe(3)
    await cache.execute(db, 'b', params, build)
    expect(calls.count).toBe(4)
  })

  it('refuses a parameter that is transformed or steers the query instead of being bound', () => {
    const { db } = database
    const cache = new CompiledQueryCache()
    expect(() =>
      cache.bind(db, 'transformed', { name: 'Jap' }, (params) =>
        db.kysely.selectFrom('country').select('code').where('name', 'like', `${params.name}%`),
      ),
    ).toThrow(/transformed/)
    expect(() =>
      cache.bind(db, 'structural', { withCapital: 'yes' }, (params) =>
        db.kysely
          .selectFrom('country')
          .select('code')
          .where('capital', params.withCapital === 'yes' ? 'is not' : 'is', null),
      ),
    ).toThrow(/not bound/)
  })
})
