import type { FastifyInstance } from 'fastify'
import { type AppOptions, buildApp } from '../../src/server/app.ts'
import { clockOf } from '../../src/server/clock.ts'
import type { Db, Engine } from '../../src/store/database.ts'
import { upsertDemoUsers } from '../../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { freshDatabase } from './databases.ts'

export const testPassword = 'correct horse battery staple'
/**
 * The one clock of the test servers, and of the browsers that visit them (browser.ts installs it in
 * every page), so that "today" is the same on both sides. LIAISON_TEST_NOW moves it, to show that no
 * test depends on the day it runs: `LIAISON_TEST_NOW=2031-03-30T01:30:00Z npm test`.
 */
export const fixedNow = testClock(process.env.LIAISON_TEST_NOW)

/**
 * The day the demo data describes (its late and at-risk milestones, current framework members).
 * Tests that assert such facts "as of today" run their server on this clock, not on `fixedNow`, so
 * that moving the test clock cannot change the facts they check.
 */
export const demoNow = new Date('2026-11-27T12:00:00Z')

function testClock(setting: string | undefined): Date {
  const at = new Date(setting === undefined || setting === '' ? '2026-11-27T12:00:00Z' : setting)
  if (Number.isNaN(at.getTime())) {
    throw new Error(`LIAISON_TEST_NOW must be an ISO instant such as 2026-11-27T12:00:00Z; got ${setting}`)
  }
  return at
}

export interface TestServer {
  readonly app: FastifyInstance
  readonly db: Db
  readonly url: string
  /** Signs in and returns the Cookie header value for that user. */
  signIn(username: string): Promise<string>
  close(): Promise<void>
}

/** A real HTTP server on a free port over a fresh database with the demo data and users. */
export async function startTestServer(
  engine: Engine,
  options: Omit<AppOptions, 'db' | 'clock'> & { now?: Date | (() => Date) } = {},
): Promise<TestServer> {
  const { now: setting = fixedNow, ...appOptions } = options
  // A function moves the server's clock during a test (a cycle that spans an event's days).
  const clock = typeof setting === 'function' ? setting : () => setting
  const now = clock()
  const database = await freshDatabase(engine)
  await loadAllDemoData(database.db, now)
  await upsertDemoUsers(database.db, testPassword, now)
  const app = await buildApp({ db: database.db, clock: clockOf(clock), ...appOptions })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') {
    throw new Error('server has no port')
  }
  const url = `http://127.0.0.1:${address.port}`
  const cookies = new Map<string, string>()
  return {
    app,
    db: database.db,
    url,
    async signIn(username) {
      const cached = cookies.get(username)
      if (cached !== undefined) {
        return cached
      }
      const response = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: testPassword }),
      })
      if (response.status !== 200) {
        throw new Error(`sign-in as ${username} failed: ${response.status}`)
      }
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      cookies.set(username, cookie)
      return cookie
    },
    async close() {
      await app.close()
      await database.dispose()
    },
  }
}

/** GET a path as a user (or the public when `cookie` is empty) and return status, type and JSON. */
export async function getJson(
  server: TestServer,
  path: string,
  cookie = '',
): Promise<{ status: number; type: string; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, { headers: cookie === '' ? {} : { cookie } })
  const type = response.headers.get('content-type') ?? ''
  const text = await response.text()
  return { status: response.status, type, body: text === '' ? null : JSON.parse(text) }
}
