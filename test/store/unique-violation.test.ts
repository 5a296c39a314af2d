import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isUniqueViolation } from '../../src/store/unique-violation.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'

/** The errors each real driver raises, not made-up objects: the 409 safety net keys on their codes. */
describe.each(engines)('unique violations on %s', (engine) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await freshDatabase(engine)
  })
  afterAll(() => database.dispose())

  async function errorOf(write: () => Promise<unknown>): Promise<unknown> {
    try {
      await write()
    } catch (error) {
      return error
    }
    throw new Error('the write succeeded')
  }

  it('recognises a duplicate key and nothing else', async () => {
    const country = { code: 'XUV', name: 'Uniqueland', capital: null, time_zone: 'UTC' }
    const { kysely } = database.db
    const insert = () => kysely.insertInto('country').values(country).execute()
    await insert()
    expect(isUniqueViolation(await errorOf(insert))).toBe(true)
    const missingName = () =>
      kysely
        .insertInto('country')
        .values({ ...country, code: 'XUW', name: null as unknown as string })
        .execute()
    expect(isUniqueViolation(await errorOf(missingName))).toBe(false)
    expect(isUniqueViolation(new Error('23505'))).toBe(false)
  })
})
