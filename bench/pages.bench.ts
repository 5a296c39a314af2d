import { isDeepStrictEqual } from 'node:util'
import { highestMarking, markingLabel } from '../src/domain/marking.ts'
import { buildApp } from '../src/server/app.ts'
import { openDatabase } from '../src/store/connect.ts'
import { markingsFromIds } from '../src/store/contributing-markings.ts'
import type { Db } from '../src/store/database.ts'
import { markedRowCounts, openDataset } from './generate-dataset.ts'
import { benchPassword } from './generate-foundation.ts'
import { closeAgent, get, type LoadSettings, type Measurement, measure, type Target } from './http-measure.ts'
import { copyToPostgres } from './postgres-copy.ts'
import { registerRawRoutes } from './raw-routes.ts'

/**
 * The page benchmark of issue 7 (Deliver 6): every page a partner user (`jpn`) reads at scale —
 * partner list and detail, the engagement list, analytics of a partner and of a framework, and a
 * partner's iCalendar feed — beside a raw route answering the same page with one hand-written
 * prepared statement, on SQLite and then on PostgreSQL, over one dataset of 100,000 engagements and
 * over 1,000,000 marked rows (generate-dataset.ts). Each page is measured BENCH_REPEATS times (raw
 * and API alternately, so both see the same background load); the table gives medians, and
 * "× raw" is the median of each repeat's API req/s over raw req/s.
 *
 * BENCH_POSTGRES (default: the test server's admin URL) names the PostgreSQL server to copy the
 * dataset to, in a throwaway database; BENCH_ENGINES=sqlite (or postgres) runs one engine only.
 */
const settings: LoadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  sequentialRequests: Number(process.env.BENCH_SEQUENTIAL ?? 30),
}
const repeats = Number(process.env.BENCH_REPEATS ?? 3)
const postgresAdmin =
  process.env.BENCH_POSTGRES ?? process.env.LIAISON_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
const targetRatio = 0.9

interface Page {
  readonly name: string
  readonly api: Target
  readonly raw: Target
  /** Throws unless the raw route answers the same page as the API. */
  readonly check: (api: string, raw: string) => void
}

function sameJson(api: string, raw: string): void {
  // Banners included: a yardstick that skipped some contributing rows would do less work than the API.
  if (isDeepStrictEqual(JSON.parse(api), JSON.parse(raw))) return
  throw new Error(
    `The raw body differs from the API body:\n${api.slice(0, 2000)}\n---\n${raw.slice(0, 2000)}`,
  )
}

function sameAnalytics(api: string, raw: string): void {
  type View = {
    years: {
      year: number
      total: number
      intensity: number
      outsideSummitWindow: number
      activeMonths: number
    }[]
    milestones: { count: number; first: { id: string } | null }[]
    marking: { label: string }
  }
  type RawRow = {
    part: string
    key: string
    rank: number | null
    a: number | string
    b: number | string
    c: number | string
  }
  const view = JSON.parse(api) as View
  const rows = JSON.parse(raw) as RawRow[]
  const years = new Map<string, number[]>()
  for (const row of rows.filter((r) => r.part === 'cell')) {
    const sums = years.get(row.key) ?? [0, 0, 0]
    years.set(row.key, [
      (sums[0] ?? 0) + Number(row.a),
      (sums[1] ?? 0) + Number(row.c),
      (sums[2] ?? 0) + Number(row.a) - Number(row.b),
    ])
  }
  const months = new Map(rows.filter((r) => r.part === 'days').map((r) => [r.key, Number(r.a)]))
  const fromApi = view.years
    .filter((year) => year.total > 0)
    .map((y) => `${y.year}:${y.total}/${y.intensity}/${y.outsideSummitWindow}/${y.activeMonths}`)
    .join(' ')
  const fromRaw = [...years.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([year, [total, intensity, outside]]) => `${year}:${total}/${intensity}/${outside}/${months.get(year)}`,
    )
    .join(' ')
  const firstApi = view.milestones
    .filter((m) => m.count > 0)
    .map((m) => `${m.count}:${m.first?.id}`)
    .join(' ')
  const firstRaw = rows
    .filter((r) => r.part === 'milestone')
    .sort((x, y) => Number(x.rank) - Number(y.rank))
    .map((r) => `${Number(r.a)}:${r.key.slice(11)}`)
    .join(' ')
  const rawBanner = markingLabel(
    highestMarking(markingsFromIds(...rows.filter((r) => r.part === 'marking').map((r) => r.key))),
  )
  if (fromApi !== fromRaw || firstApi !== firstRaw || view.marking.label !== rawBanner) {
    throw new Error(
      `The raw analytics differ:\n${fromApi}\n${fromRaw}\n${firstApi}\n${firstRaw}\n${view.marking.label}\n${rawBanner}`,
    )
  }
}

function sameFeed(api: string, raw: string): void {
  const uids = (body: string) =>
    body
      .split('\r\n')
      .filter((line) => line.startsWith('UID:'))
      .join(' ')
  if (uids(api) !== uids(raw) || uids(api) === '')
    throw new Error('The raw feed has other events than the API feed')
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: benchPassword }),
  })
  if (response.status !== 200) throw new Error(`Sign-in as ${username} failed with ${response.status}`)
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

function pagesFor(cookie: string, token: string): Page[] {
  const api = (label: string, path: string): Target => ({ label, path, cookie })
  const raw = (label: string, path: string): Target => ({ label: `raw ${label}`, path, cookie: '' })
  return [
    {
      name: 'partner list (50)',
      api: api('partner list', '/api/v1/partners?limit=50'),
      raw: raw('partner list', '/bench/raw/partners?limit=50'),
      check: sameJson,
    },
    {
      name: 'partner detail JPN',
      api: api('partner detail', '/api/v1/partners/JPN'),
      raw: raw('partner detail', '/bench/raw/partners/JPN'),
      check: sameJson,
    },
    {
      name: 'engagement list (50)',
      api: api('engagement list', '/api/v1/engagements?limit=50'),
      raw: raw('engagement list', '/bench/raw/engagements?limit=50'),
      check: sameJson,
    },
    {
      name: 'analytics partner JPN',
      api: api('analytics partner', '/api/v1/analytics/engagements?partner=JPN'),
      raw: raw('analytics partner', '/bench/raw/analytics?partner=JPN'),
      check: sameAnalytics,
    },
    {
      name: 'analytics framework ip4',
      api: api('analytics framework', '/api/v1/analytics/engagements?framework=ip4'),
      raw: raw('analytics framework', '/bench/raw/analytics?framework=ip4'),
      check: sameAnalytics,
    },
    {
      name: 'iCalendar feed KOR',
      api: { label: 'feed', path: `/api/v1/calendar/${token}/partners/KOR.ics`, cookie: '' },
      raw: raw('feed', '/bench/raw/feed/KOR.ics'),
      check: sameFeed,
    },
  ]
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

interface Row {
  readonly engine: string
  readonly page: string
  readonly apiMs: number
  readonly apiRps: number
  readonly rawMs: number
  readonly rawRps: number
  readonly ratio: number
  readonly failures: number
}

async function benchEngine(db: Db, postgresUrl: string | null): Promise<Row[]> {
  const app = await buildApp({ db })
  const closeRaw = registerRawRoutes(app, db, postgresUrl)
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('The server has no port')
    const baseUrl = `http://127.0.0.1:${address.port}`
    const cookie = await signIn(baseUrl, 'jpn')
    const created = await fetch(`${baseUrl}/api/v1/calendar-feed`, { method: 'POST', headers: { cookie } })
    const { token } = (await created.json()) as { token: string }
    const only = process.env.BENCH_ONLY
    const pages = pagesFor(cookie, token).filter((page) => only === undefined || page.name.includes(only))
    for (const page of pages) {
      const [api, raw] = await Promise.all([get(baseUrl, page.api), get(baseUrl, page.raw)])
      if (api.status !== 200 || raw.status !== 200) {
        throw new Error(`${page.api.path} answered ${api.status}, ${page.raw.path} answered ${raw.status}`)
      }
      page.check(api.body, raw.body)
    }
    const runs = new Map<string, { api: Measurement[]; raw: Measurement[] }>()
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const page of pages) {
        const entry = runs.get(page.name) ?? { api: [], raw: [] }
        // Alternate which goes first, so neither always follows the other's garbage.
        const order = repeat % 2 === 0 ? [page.raw, page.api] : [page.api, page.raw]
        for (const target of order) {
          const measured = await measure(baseUrl, target, settings)
          ;(target === page.api ? entry.api : entry.raw).push(measured)
        }
        runs.set(page.name, entry)
        console.log(
          `  ${db.engine} ${page.name} #${repeat + 1}: API ${entry.api.at(-1)?.requestsPerSecond.toFixed(0)} req/s, raw ${entry.raw.at(-1)?.requestsPerSecond.toFixed(0)} req/s`,
        )
      }
    }
    return pages.map((page) => {
      const { api, raw } = runs.get(page.name) ?? { api: [], raw: [] }
      return {
        engine: db.engine,
        page: page.name,
        apiMs: median(api.map((m) => m.unloadedMedianMs)),
        apiRps: median(api.map((m) => m.requestsPerSecond)),
        rawMs: median(raw.map((m) => m.unloadedMedianMs)),
        rawRps: median(raw.map((m) => m.requestsPerSecond)),
        ratio: median(
          api.map((m, index) => m.requestsPerSecond / (raw[index]?.requestsPerSecond ?? Number.NaN)),
        ),
        failures: [...api, ...raw].reduce((sum, m) => sum + m.failures, 0),
      }
    })
  } finally {
    closeAgent()
    await app.close()
    await closeRaw()
  }
}

function formatTable(rows: readonly Row[]): string {
  const header = ['engine', 'page', 'API ms', 'API req/s', 'raw ms', 'raw req/s', '× raw', 'failures']
  const cells = rows.map((row) => [
    row.engine,
    row.page,
    row.apiMs.toFixed(2),
    row.apiRps.toFixed(0),
    row.rawMs.toFixed(2),
    row.rawRps.toFixed(0),
    row.ratio.toFixed(2),
    String(row.failures),
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)),
  )
  const line = (values: readonly string[]) =>
    values
      .map((value, column) =>
        column < 2 ? value.padEnd(widths[column] ?? 0) : value.padStart(widths[column] ?? 0),
      )
      .join('  ')
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n')
}

/**
 * The dataset on PostgreSQL: copied into a throwaway database, or with BENCH_POSTGRES_DATABASE, a
 * database a previous copy left (for profiling with EXPLAIN ANALYZE between runs), kept afterwards.
 */
async function postgresCopy(source: Db): Promise<{ db: Db; url: string; remove: () => Promise<void> }> {
  const kept = process.env.BENCH_POSTGRES_DATABASE
  if (kept !== undefined) {
    const db = await openDatabase(kept)
    return { db, url: kept, remove: () => db.close() }
  }
  const started = performance.now()
  const copy = await copyToPostgres(source, postgresAdmin)
  console.log(`copied to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return copy
}

export async function run(): Promise<void> {
  const dataset = await openDataset()
  const { total, byTable } = markedRowCounts(dataset.db)
  console.log(
    `dataset: ${byTable.engagement} engagements, ${byTable.engagement_participant} participations, ` +
      `${byTable.engagement_statement} statements, ${byTable.engagement_statement_association} associations, ` +
      `${byTable.partner} partners, ${byTable.relationship_event} events: ${total} marked rows ` +
      (dataset.generatedSeconds === null
        ? `(cached: ${dataset.file})`
        : `(generated in ${dataset.generatedSeconds.toFixed(1)} s, cached: ${dataset.file})`),
  )
  console.log(
    `each page: ${repeats} repeats of ${settings.connections} connections × ${settings.seconds} s, ` +
      `ms = median of ${settings.sequentialRequests} sequential requests`,
  )
  const rows: Row[] = []
  try {
    if (engines.includes('sqlite')) {
      rows.push(...(await benchEngine(dataset.db, null)))
    }
    if (engines.includes('postgres')) {
      const copy = await postgresCopy(dataset.db)
      try {
        rows.push(...(await benchEngine(copy.db, copy.url)))
      } finally {
        await copy.remove()
      }
    }
  } finally {
    await dataset.db.close()
    dataset.remove()
  }
  console.log(formatTable(rows))
  const missed = rows.filter((row) => row.ratio < targetRatio)
  console.log(
    missed.length === 0
      ? `target met: every page ≥ ${targetRatio} × raw`
      : `target MISSED (≥ ${targetRatio} × raw): ${missed.map((row) => `${row.engine} ${row.page}`).join('; ')}`,
  )
}
