import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase } from '../../src/store/connect.ts'
import type { Db, Engine } from '../../src/store/database.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'

/** The PostgreSQL server the tests use; each test database is created on it and dropped after. */
export const postgresAdminUrl = process.env.LIAISON_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

const postgresUp = await postgresReachable()
if (!postgresUp) {
  if (process.env.CI === 'true' || process.env.LIAISON_REQUIRE_POSTGRES === '1') {
    throw new Error(`PostgreSQL is required here but ${postgresAdminUrl} is not reachable`)
  }
  console.warn(
    `PostgreSQL at ${postgresAdminUrl} is not reachable: the PostgreSQL half of the tests was NOT run.`,
  )
}

/** The engines to run storage and API tests on: SQLite always, PostgreSQL when it is reachable. */
export const engines: readonly Engine[] = postgresUp ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestDatabase {
  readonly db: Db
  /** Drops the PostgreSQL database or deletes the SQLite file. */
  dispose(): Promise<void>
}

/** A fresh, migrated, empty database on the engine: a temporary SQLite file or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'liaison-test-'))
    const db = await openDatabase(join(folder, 'test.db'))
    await migrateToLatest(db)
    return {
      db,
      dispose: async () => {
        await db.close()
        rmSync(folder, { recursive: true, force: true })
      },
    }
  }
  const postgres = await createPostgresDatabase()
  const db = await openDatabase(postgres.url)
  await migrateToLatest(db)
  return {
    db,
    dispose: async () => {
      await db.close()
      await postgres.drop()
    },
  }
}

/** Creates an empty PostgreSQL database with a random name; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `liaison_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresAdminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
