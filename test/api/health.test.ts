import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkReadiness, type ShutdownState } from '../../src/server/health/readiness.ts'
import { openDatabase } from '../../src/store/connect.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { migrations } from '../../src/store/migrations/index.ts'
import { createPostgresDatabase, engines, freshDatabase } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/**
 * /healthz says the process answers (no database); /readyz says the instance should get traffic:
 * the database answers, no migration is pending, and it is not shutting down. Both without a
 * session and never cached.
 */
describe.each(engines)('health probes on %s', (engine) => {
  let server: TestServer
  const shutdown: ShutdownState = { draining: false }

  beforeAll(async () => {
    server = await startTestServer(engine, { shutdown })
  })
  afterAll(async () => {
    await server.close()
  })

  it('answers /healthz 200 without a session, uncached', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('answers /readyz 200 with the engine and the applied migrations', async () => {
    const response = await fetch(`${server.url}/readyz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({
      status: 'ready',
      engine,
      migrations: Object.keys(migrations).length,
    })
  })

  it('answers /readyz 503 problem+json while a migration is pending', async () => {
    const last = Object.keys(migrations).sort().at(-1) ?? ''
    const removed = await sql<{ name: string; timestamp: string }>`
      select name, timestamp from kysely_migration where name = ${last}`.execute(server.db.kysely)
    await sql`delete from kysely_migration where name = ${last}`.execute(server.db.kysely)
    try {
      const response = await fetch(`${server.url}/readyz`)
      expect(response.status).toBe(503)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const body = (await response.json()) as { type: string; detail: string; instance: string }
      expect(body.type).toMatch(/#not-ready$/)
      expect(body.detail).toMatch(/1 database migration/)
      expect(body.instance).toBe('/readyz')
    } finally {
      const row = removed.rows[0]
      if (row !== undefined) {
        await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(
          server.db.kysely,
        )
      }
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })

  it('documents both probes in OpenAPI, open to everyone, with the 503 as a problem', async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        { get?: { security?: unknown[]; responses?: Record<string, { content?: object }> } }
      >
    }
    expect(document.paths['/healthz']?.get?.security).toEqual([])
    expect(document.paths['/readyz']?.get?.security).toEqual([])
    expect(Object.keys(document.paths['/readyz']?.get?.responses?.['503']?.content ?? {})).toEqual([
      'application/problem+json',
    ])
  })

  it('answers /readyz 503 while shutting down, while /healthz stays 200', async () => {
    shutdown.draining = true
    try {
      const ready = await fetch(`${server.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(((await ready.json()) as { detail: string }).detail).toMatch(/shutting down/)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    } finally {
      shutdown.draining = false
    }
  })
})

describe('readiness when the database does not answer', () => {
  it('is not ready on SQLite once the connection is gone', async () => {
    const database = await freshDatabase('sqlite')
    await database.db.close()
    expect(await checkReadiness(database.db, { draining: false })).toEqual({
      ready: false,
      reason: 'The database does not answer.',
    })
    await database.dispose().catch(() => undefined)
  })

  it.runIf(engines.includes('postgres'))('is not ready on PostgreSQL once the pool is gone', async () => {
    const postgres = await createPostgresDatabase()
    try {
      const db = await openDatabase(postgres.url)
      await migrateToLatest(db)
      await db.close()
      expect(await checkReadiness(db, { draining: false })).toEqual({
        ready: false,
        reason: 'The database does not answer.',
      })
    } finally {
      await postgres.drop()
    }
  })

  it('marks the instance as draining when the app closes', async () => {
    const shutdown: ShutdownState = { draining: false }
    const server = await startTestServer('sqlite', { shutdown })
    await server.close()
    expect(shutdown.draining).toBe(true)
  })
})
