import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { buildApp } from '../../src/server/app.ts'
import { clockOf } from '../../src/server/clock.ts'
import { changeFeedFor, type ProposalChangeFeed } from '../../src/server/proposals/live/change-feed.ts'
import { openDatabase } from '../../src/store/connect.ts'
import type { Db, Engine } from '../../src/store/database.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { upsertDemoUsers } from '../../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../../src/store/seed/seed-all.ts'
import { createPostgresDatabase, engines } from '../support/databases.ts'
import { eventually } from '../support/deadline-fixtures.ts'
import { openEventStream } from '../support/event-stream.ts'
import { fixedNow, testPassword } from '../support/server.ts'

/**
 * Live updates over real HTTP: a change made through one instance reaches an event stream opened
 * on another (PostgreSQL: LISTEN/NOTIFY; SQLite: two apps cannot share the file's writer, so both
 * streams are on the one instance). Only id and version travel.
 */
describe.each(engines)('proposal event streams on %s', (engine: Engine) => {
  let location = ''
  let drop: () => Promise<void> = async () => {}
  interface Instance {
    db: Db
    app: FastifyInstance
    url: string
    /** How many streams listen to the feed now: each must stop when its client leaves. */
    subscribers(): number
    closed: boolean
  }
  const instances: Instance[] = []
  const clock = clockOf(() => fixedNow)
  let staff = ''
  let fra = ''

  /** The engine's feed, counting its subscribers. */
  function countedFeed(feed: ProposalChangeFeed): { feed: ProposalChangeFeed; count: () => number } {
    let count = 0
    return {
      count: () => count,
      feed: {
        start: () => feed.start(),
        stop: () => feed.stop(),
        subscribe(id, listener) {
          count += 1
          const unsubscribe = feed.subscribe(id, listener)
          let done = false
          return () => {
            if (!done) count -= 1
            done = true
            unsubscribe()
          }
        },
      },
    }
  }

  async function start(): Promise<Instance> {
    const db = await openDatabase(location)
    const counted = countedFeed(changeFeedFor(db, location, () => undefined))
    const app = await buildApp({ db, clock, heartbeatMs: 300, proposalChanges: counted.feed })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const instance = {
      db,
      app,
      url: `http://127.0.0.1:${address.port}`,
      subscribers: counted.count,
      closed: false,
    }
    instances.push(instance)
    return instance
  }

  async function signIn(url: string, username: string): Promise<string> {
    const response = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: testPassword }),
    })
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  }

  beforeAll(async () => {
    if (engine === 'postgres') {
      const database = await createPostgresDatabase()
      location = database.url
      drop = database.drop
    } else {
      const folder = mkdtempSync(join(tmpdir(), 'liaison-events-'))
      location = join(folder, 'events.db')
      drop = async () => rmSync(folder, { recursive: true, force: true })
    }
    const setup = await openDatabase(location)
    await migrateToLatest(setup)
    await loadAllDemoData(setup, fixedNow)
    await upsertDemoUsers(setup, testPassword, fixedNow)
    await setup.close()
    const first = await start()
    if (engine === 'postgres') await start()
    staff = await signIn(first.url, 'staff')
    fra = await signIn(first.url, 'fra')
  }, 60_000)

  afterAll(async () => {
    for (const instance of instances) {
      if (!instance.closed) await instance.app.close()
      await instance.db.close()
    }
    await drop()
  })

  async function send(
    url: string,
    method: string,
    path: string,
    cookie: string,
    body?: unknown,
    version?: number,
  ) {
    const headers: Record<string, string> = { cookie }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (version !== undefined) headers['if-match'] = `"${version}"`
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: await response.json() }
  }

  async function created(url: string, classification: string) {
    const made = await send(url, 'POST', '/api/v1/proposals', staff, {
      title: `Live ${classification}`,
      kind: 'other',
      procedure: 'consensus',
      marking: { classification, releasableTo: [] },
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    return ProposalDetail.parse(made.body)
  }

  it('tells a stream on the other instance of each change, with id and version only, and heartbeats', async () => {
    const writer = instances[0]
    const reader = instances.at(-1)
    if (writer === undefined || reader === undefined) throw new Error('no instances')
    const proposal = await created(writer.url, 'PUBLIC')
    const stream = await openEventStream(`${reader.url}/api/v1/proposals/${proposal.id}/events`, fra)
    const publicStream = await openEventStream(`${reader.url}/api/v1/proposals/${proposal.id}/events`, '')
    try {
      expect(stream.status).toBe(200)
      expect(stream.type).toContain('text/event-stream')
      await eventually(async () => stream.comments.includes('connected'), 2_000)
      const opened = await send(
        writer.url,
        'POST',
        `/api/v1/proposals/${proposal.id}/open`,
        staff,
        undefined,
        proposal.version,
      )
      const openedVersion = ProposalDetail.parse(opened.body).version
      await send(
        writer.url,
        'PUT',
        `/api/v1/proposals/${proposal.id}/positions/FRA`,
        fra,
        { position: 'object' },
        openedVersion,
      )
      const latest = openedVersion + 1
      const arrived = await eventually(
        async () =>
          stream.changes.at(-1)?.version === latest && publicStream.changes.at(-1)?.version === latest,
        5_000,
      )
      expect(arrived).toBe(true)
      // PostgreSQL sends every commit; SQLite's poller may fold changes of one interval into the latest.
      const expected =
        engine === 'postgres'
          ? [
              { id: proposal.id, version: openedVersion },
              { id: proposal.id, version: latest },
            ]
          : expect.arrayContaining([{ id: proposal.id, version: latest }])
      expect(stream.changes).toEqual(expected)
      expect(publicStream.changes).toEqual(expected)
      expect(await eventually(async () => stream.comments.includes('heartbeat'), 2_000)).toBe(true)
    } finally {
      await stream.close()
      await publicStream.close()
    }
  })

  it('answers 404 for a proposal the caller may not see, alike for a missing one', async () => {
    const reader = instances.at(-1)
    const writer = instances[0]
    if (writer === undefined || reader === undefined) throw new Error('no instances')
    const hidden = await created(writer.url, 'CONFIDENTIAL')
    for (const [id, cookie] of [
      [hidden.id, ''],
      ['no-such-proposal', fra],
    ] as const) {
      const stream = await openEventStream(`${reader.url}/api/v1/proposals/${id}/events`, cookie)
      expect(stream.status).toBe(404)
      await stream.close()
    }
    const seen = await openEventStream(`${reader.url}/api/v1/proposals/${hidden.id}/events`, staff)
    expect(seen.status).toBe(200)
    await seen.close()
  })

  it('tells nothing of a write that did not commit', async () => {
    const writer = instances[0]
    const reader = instances.at(-1)
    if (writer === undefined || reader === undefined) throw new Error('no instances')
    const proposal = await created(writer.url, 'PUBLIC')
    const stream = await openEventStream(`${reader.url}/api/v1/proposals/${proposal.id}/events`, fra)
    try {
      await eventually(async () => stream.comments.includes('connected'), 2_000)
      // Rolled back after the version moved: the trigger's NOTIFY is dropped with it.
      await writer.db.kysely
        .transaction()
        .execute(async (tx) => {
          await tx.updateTable('proposal').set({ version: 99 }).where('id', '=', proposal.id).execute()
          throw new Error('roll back')
        })
        .catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(stream.changes).toEqual([])
    } finally {
      await stream.close()
    }
  })

  it('stops following a proposal when the client goes away', async () => {
    const writer = instances[0]
    const reader = instances.at(-1)
    if (writer === undefined || reader === undefined) throw new Error('no instances')
    const proposal = await created(writer.url, 'PUBLIC')
    const before = reader.subscribers()
    const stream = await openEventStream(`${reader.url}/api/v1/proposals/${proposal.id}/events`, fra)
    expect(await eventually(async () => stream.comments.includes('connected'), 2_000)).toBe(true)
    expect(reader.subscribers()).toBe(before + 1)
    await stream.close()
    expect(await eventually(async () => reader.subscribers() === before, 2_000)).toBe(true)
  })

  // Last: it closes the reading instance while a stream is open, as a stopping server does.
  it('ends its open streams when the app closes, so the close does not wait on them', async () => {
    const writer = instances[0]
    const reader = instances.at(-1)
    if (writer === undefined || reader === undefined) throw new Error('no instances')
    const proposal = await created(writer.url, 'PUBLIC')
    const streams = await Promise.all(
      [fra, staff, ''].map((cookie) =>
        openEventStream(`${reader.url}/api/v1/proposals/${proposal.id}/events`, cookie),
      ),
    )
    expect(await eventually(async () => streams.every((s) => s.comments.includes('connected')), 2_000)).toBe(
      true,
    )
    const started = Date.now()
    reader.closed = true
    await reader.app.close()
    const took = Date.now() - started
    // The heartbeat is 300 ms and keeps a stream busy; a close that waited on it would never end.
    expect(took).toBeLessThan(3_000)
    // Each client sees its stream end (the browser's EventSource then reconnects elsewhere).
    await Promise.all(streams.map((s) => s.ended))
    expect(reader.subscribers()).toBe(0)
  })
})
