import type { FastifyInstance, FastifyReply } from 'fastify'
import pg from 'pg'
import { buildApp } from '../src/server/app.ts'
import type { Db } from '../src/store/database.ts'
import { defaultEngagementBench, generateEngagementDatabase } from './engagements-generate.ts'
import { benchPassword, temporaryDatabaseFile } from './generate-foundation.ts'
import { closeAgent, get, type LoadSettings, type Measurement, measure, type Target } from './http-measure.ts'
import { benchPostgres, copyToPostgres } from './postgres-copy.ts'
import { rawEngagementListSql } from './raw-engagement-sql.ts'

/**
 * The engagement benchmark: 100,000 engagements over 40 partners and 20 years. Signed in as the
 * partner user `jpn`, so the session lookup and the marking filter are paid on every request.
 * Measures the list page beside a raw route (one prepared statement answering the same page), the
 * analytics of one partner and of a framework, and the iCalendar feed of a partner.
 */

const settings: LoadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  sequentialRequests: Number(process.env.BENCH_SEQUENTIAL ?? 50),
}
const count = Number(process.env.BENCH_ENGAGEMENTS ?? defaultEngagementBench.count)

type RawRow = Record<string, unknown> & { total: number; countries: string | string[] }

function sendPage(reply: FastifyReply, rows: readonly RawRow[]): void {
  const items = rows.map(({ total: _total, countries, ...row }) => ({
    ...row,
    countries: typeof countries === 'string' ? JSON.parse(countries) : countries,
  }))
  reply.type('application/json; charset=utf-8').send(JSON.stringify({ items, total: rows[0]?.total ?? 0 }))
}

function registerRaw(app: FastifyInstance, db: Db, postgresUrl: string | null): () => Promise<void> {
  type Query = { Querystring: { limit?: string; offset?: string } }
  if (postgresUrl !== null) {
    // A pool of its own, as a hand-written service would have, with the statement prepared by name.
    const pool = new pg.Pool({ connectionString: postgresUrl, max: 10 })
    app.get<Query>('/bench/raw/engagements', async (request, reply) => {
      const result = await pool.query<RawRow>({
        name: 'raw-engagement-page',
        text: rawEngagementListSql('postgres'),
        values: [Number(request.query.limit ?? 50), Number(request.query.offset ?? 0)],
      })
      sendPage(reply, result.rows)
    })
    return () => pool.end()
  }
  const sqlite = db.sqlite
  if (sqlite === null) {
    throw new Error('The raw route needs SQLite or BENCH_POSTGRES')
  }
  const list = sqlite.prepare<[number, number], RawRow>(rawEngagementListSql('sqlite'))
  app.get<Query>('/bench/raw/engagements', (request, reply) => {
    sendPage(reply, list.all(Number(request.query.limit ?? 50), Number(request.query.offset ?? 0)))
  })
  return async () => undefined
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: benchPassword }),
  })
  if (response.status !== 200) {
    throw new Error(`Sign-in as ${username} failed with ${response.status}`)
  }
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

/** The raw route is a fair yardstick only if it answers the same page: same engagements, same order, same total. */
async function checkSamePage(baseUrl: string, api: Target, raw: Target): Promise<void> {
  const [real, yardstick] = await Promise.all([get(baseUrl, api), get(baseUrl, raw)])
  const a = JSON.parse(real.body) as { items: { id: string; countries: string[] }[]; total: number }
  const b = JSON.parse(yardstick.body) as { items: { id: string; countries: string[] }[]; total: number }
  const ids = (page: typeof a) => page.items.map((item) => `${item.id}:${item.countries.join(',')}`).join(' ')
  if (ids(a) !== ids(b) || a.total !== b.total) {
    throw new Error(`The raw page differs from the API page:\n${ids(a)}\n${ids(b)}\n${a.total} vs ${b.total}`)
  }
}

function formatTable(measurements: readonly Measurement[]): string {
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'unloaded ms', 'failures']
  const rows = measurements.map((m) => [
    m.target.label,
    m.requestsPerSecond.toFixed(0),
    m.loadedP50Ms.toFixed(2),
    m.loadedP99Ms.toFixed(2),
    m.unloadedMedianMs.toFixed(2),
    String(m.failures),
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

export async function run(): Promise<void> {
  const { file, remove } = temporaryDatabaseFile('engagements.db')
  const started = performance.now()
  const generated = await generateEngagementDatabase(file, { ...defaultEngagementBench, count })
  const { engagements, participants } = generated
  console.log(
    `engagements: ${engagements} engagements, ${participants} participations over 40 partners and 20 years, ` +
      `generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  let db = generated.db
  let removePostgres: () => Promise<void> = async () => undefined
  let postgresUrl: string | null = null
  if (benchPostgres !== undefined) {
    const copyStarted = performance.now()
    const copy = await copyToPostgres(generated.db, benchPostgres)
    await generated.db.close()
    db = copy.db
    removePostgres = copy.remove
    postgresUrl = copy.url
    console.log(`copied to PostgreSQL in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s`)
  }
  console.log(`engine: ${db.engine}`)
  const app = await buildApp({ db })
  const closeRaw = registerRaw(app, db, postgresUrl)
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') {
      throw new Error('The server has no port')
    }
    const baseUrl = `http://127.0.0.1:${address.port}`
    const cookie = await signIn(baseUrl, 'jpn')
    const feed = await fetch(`${baseUrl}/api/v1/calendar-feed`, { method: 'POST', headers: { cookie } })
    const { token } = (await feed.json()) as { token: string }
    const raw: Target = {
      label: 'raw list page (one prepared statement)',
      path: '/bench/raw/engagements?limit=50',
      cookie: '',
    }
    const list: Target = {
      label: 'API GET /api/v1/engagements?limit=50 (jpn)',
      path: '/api/v1/engagements?limit=50',
      cookie,
    }
    const targets: Target[] = [
      raw,
      list,
      {
        label: 'API list, partner=KOR page 3 (jpn)',
        path: '/api/v1/engagements?partner=KOR&limit=50&offset=100',
        cookie,
      },
      { label: 'API analytics partner=JPN (jpn)', path: '/api/v1/analytics/engagements?partner=JPN', cookie },
      {
        label: 'API analytics framework=ip4 (jpn)',
        path: '/api/v1/analytics/engagements?framework=ip4',
        cookie,
      },
      {
        label: 'iCalendar feed partner KOR (jpn token)',
        path: `/api/v1/calendar/${token}/partners/KOR.ics`,
        cookie: '',
      },
    ]
    await checkSamePage(baseUrl, list, raw)
    const icsSize = (await get(baseUrl, targets[5] ?? raw)).body.length
    console.log(`feed size: ${(icsSize / 1024).toFixed(0)} KiB`)
    console.log(
      `load: ${settings.connections} connections × ${settings.seconds} s per route; ` +
        `unloaded: median of ${settings.sequentialRequests} sequential requests`,
    )
    const only = process.env.BENCH_ONLY
    const measurements: Measurement[] = []
    for (const target of targets.filter((t) => only === undefined || t.label.includes(only))) {
      measurements.push(await measure(baseUrl, target, settings))
    }
    console.log(formatTable(measurements))
    const rawResult = measurements.find((m) => m.target === raw)
    const listResult = measurements.find((m) => m.target === list)
    if (rawResult !== undefined && listResult !== undefined) {
      const ratio = listResult.requestsPerSecond / rawResult.requestsPerSecond
      console.log(
        `list page vs raw: ${ratio.toFixed(2)} × (target ≥ 0.90) ${ratio >= 0.9 ? 'met' : 'MISSED'}`,
      )
    }
    const framework = measurements.find((m) => m.target.path.includes('framework=ip4'))
    if (framework !== undefined) {
      const ms = framework.unloadedMedianMs
      console.log(
        `framework analytics unloaded: ${ms.toFixed(1)} ms (target ≤ 50 ms) ${ms <= 50 ? 'met' : 'MISSED'}`,
      )
    }
  } finally {
    closeAgent()
    await app.close()
    await closeRaw()
    if (benchPostgres === undefined) {
      await db.close()
    } else {
      await removePostgres()
    }
    remove()
  }
}
