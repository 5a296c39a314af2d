import { isDeepStrictEqual } from 'node:util'
import { buildApp } from '../src/server/app.ts'
import type { Db } from '../src/store/database.ts'
import {
  type CooperationDatasetOptions,
  cooperationDatasetAt,
  openCooperationDataset,
} from './cooperation-generate.ts'
import { benchPassword } from './generate-foundation.ts'
import { closeAgent, get, type LoadSettings, type Measurement, measure, type Target } from './http-measure.ts'
import { copyToPostgres } from './postgres-copy.ts'
import { registerRawCooperationRoutes } from './raw-cooperation-routes.ts'
import { statementRunner } from './raw-routes.ts'

/**
 * The cooperation benchmark of issue 13 (Deliver 6): 200,000 events and 1,000,000 registrations
 * (cooperation-generate.ts), on SQLite and then on a PostgreSQL copy. Over real HTTP: catalogue
 * search (items and events) and the request list as Korea's mission (`kor`), and one event's
 * participant list as staff and as its provider (France's delegation, `fra`), each beside a raw
 * route answering the same JSON with one prepared statement (raw-cooperation-sql.ts). Each page is
 * measured BENCH_REPEATS times, raw and API alternately; the table gives medians, and "× raw" is
 * the median of each repeat's API req/s over raw req/s.
 *
 * Scale: BENCH_SCALE (default 1) or `--small` (0.05); BENCH_ENGINES=sqlite or postgres for one.
 */
const settings: LoadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  sequentialRequests: Number(process.env.BENCH_SEQUENTIAL ?? 10),
}
const repeats = Number(process.env.BENCH_REPEATS ?? 3)
const scale = process.argv.includes('--small') ? 0.05 : Number(process.env.BENCH_SCALE ?? 1)
const postgresAdmin =
  process.env.BENCH_POSTGRES ?? process.env.LIAISON_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
const targetRatio = 0.9

interface Page {
  readonly name: string
  readonly api: Target
  readonly raw: Target
}

/** The raw route is a fair yardstick only if it answers the same JSON: rows, total, abilities and banner. */
function checkSame(page: Page, api: string, raw: string): void {
  if (isDeepStrictEqual(JSON.parse(api), JSON.parse(raw))) return
  throw new Error(
    `${page.name}: the raw body differs from the API body:\n${api.slice(0, 3000)}\n---\n${raw.slice(0, 3000)}`,
  )
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

/** The event France provides with the most participants: the provider's fullest participant list. */
function busiestProvidedEvent(source: Db): { id: string; participants: number } {
  const row = source.sqlite
    ?.prepare<[], { id: string; n: number }>(
      `select g.event_id as id, count(*) as n from coop_registration g
        join coop_event ev on ev.id = g.event_id and ev.marking_id = '0'
        where g.provider_code = 'FRA' and g.provider_kind = 'member'
        group by g.event_id order by n desc, g.event_id limit 1`,
    )
    .get()
  if (row === undefined) throw new Error('No event provided by France in the dataset')
  return { id: row.id, participants: row.n }
}

function pagesFor(cookies: Record<'kor' | 'staff' | 'fra', string>, eventId: string): Page[] {
  const raw = (path: string): Target => ({ label: `raw ${path}`, path, cookie: '' })
  return [
    {
      name: 'items ?q=cyber (kor)',
      api: { label: 'items', path: '/api/v1/cooperation/items?q=cyber&limit=50', cookie: cookies.kor },
      raw: raw('/bench/raw/coop/items?q=cyber&limit=50'),
    },
    {
      name: 'events ?q=maritime (kor)',
      api: { label: 'events', path: '/api/v1/cooperation/events?q=maritime&limit=50', cookie: cookies.kor },
      raw: raw('/bench/raw/coop/events?q=maritime&limit=50'),
    },
    {
      name: 'requests (kor)',
      api: { label: 'requests', path: '/api/v1/cooperation/requests?limit=50', cookie: cookies.kor },
      raw: raw('/bench/raw/coop/requests?limit=50'),
    },
    {
      name: 'participants (staff)',
      api: {
        label: 'participants staff',
        path: `/api/v1/cooperation/events/${eventId}/registrations?limit=100`,
        cookie: cookies.staff,
      },
      raw: raw(`/bench/raw/coop/staff/events/${eventId}/registrations?limit=100`),
    },
    {
      name: 'participants (fra, provider)',
      api: {
        label: 'participants provider',
        path: `/api/v1/cooperation/events/${eventId}/registrations?limit=100`,
        cookie: cookies.fra,
      },
      raw: raw(`/bench/raw/coop/provider/events/${eventId}/registrations?limit=100`),
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
  readonly api: Summary
  readonly raw: Summary
  readonly ratio: number
  readonly failures: number
}

interface Summary {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly unloaded: number
}

function summarise(measured: readonly Measurement[]): Summary {
  return {
    rps: median(measured.map((m) => m.requestsPerSecond)),
    p50: median(measured.map((m) => m.loadedP50Ms)),
    p99: median(measured.map((m) => m.loadedP99Ms)),
    unloaded: median(measured.map((m) => m.unloadedMedianMs)),
  }
}

async function benchEngine(db: Db, postgresUrl: string | null, eventId: string): Promise<Row[]> {
  const app = await buildApp({ db })
  const runner = statementRunner(db, postgresUrl)
  registerRawCooperationRoutes(app, postgresUrl === null ? 'sqlite' : 'postgres', runner.run)
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('The server has no port')
    const baseUrl = `http://127.0.0.1:${address.port}`
    const cookies = {
      kor: await signIn(baseUrl, 'kor'),
      staff: await signIn(baseUrl, 'staff'),
      fra: await signIn(baseUrl, 'fra'),
    }
    const only = process.env.BENCH_ONLY
    const pages = pagesFor(cookies, eventId).filter((page) => only === undefined || page.name.includes(only))
    for (const page of pages) {
      const [api, raw] = [await get(baseUrl, page.api), await get(baseUrl, page.raw)]
      if (api.status !== 200 || raw.status !== 200) {
        throw new Error(
          `${page.api.path} answered ${api.status}, ${page.raw.path} answered ${raw.status}: ${api.body.slice(0, 500)}`,
        )
      }
      checkSame(page, api.body, raw.body)
      const body = JSON.parse(api.body) as { items: unknown[]; total: number; marking: { label: string } }
      console.log(
        `  ${db.engine} ${page.name}: ${body.items.length} rows of ${body.total}, ${(api.body.length / 1024).toFixed(0)} KiB, banner ${body.marking.label}`,
      )
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
        api: summarise(api),
        raw: summarise(raw),
        ratio: median(
          api.map((m, index) => m.requestsPerSecond / (raw[index]?.requestsPerSecond ?? Number.NaN)),
        ),
        failures: [...api, ...raw].reduce((sum, m) => sum + m.failures, 0),
      }
    })
  } finally {
    closeAgent()
    await app.close()
    await runner.close()
  }
}

function formatTable(rows: readonly Row[]): string {
  const header = [
    'engine',
    'page',
    'API req/s',
    'p50',
    'p99',
    '1-user ms',
    'raw req/s',
    'p50',
    'p99',
    '1-user ms',
    '× raw',
    'fail',
  ]
  const cells = rows.map((row) => [
    row.engine,
    row.page,
    row.api.rps.toFixed(0),
    row.api.p50.toFixed(1),
    row.api.p99.toFixed(1),
    row.api.unloaded.toFixed(2),
    row.raw.rps.toFixed(0),
    row.raw.p50.toFixed(1),
    row.raw.p99.toFixed(1),
    row.raw.unloaded.toFixed(2),
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

function describe(options: CooperationDatasetOptions, db: Db): string {
  const count = (table: string) =>
    db.sqlite?.prepare<[], { n: number }>(`select count(*) as n from ${table}`).get()?.n ?? 0
  return (
    `${count('coop_item')} items, ${options.events} events, ${count('coop_request')} requests from ` +
    `${count('partner')} nations, ${count('coop_registration')} registrations`
  )
}

export async function run(): Promise<void> {
  const options = cooperationDatasetAt(scale)
  const dataset = await openCooperationDataset(options)
  console.log(
    `dataset: ${describe(options, dataset.db)} ` +
      (dataset.generatedSeconds === null
        ? `(cached: ${dataset.file}; BENCH_REGENERATE=1 to time the generation)`
        : `(generated on SQLite in ${dataset.generatedSeconds.toFixed(1)} s, cached: ${dataset.file})`),
  )
  const event = busiestProvidedEvent(dataset.db)
  console.log(`participant list: event ${event.id}, ${event.participants} registrations, provided by FRA`)
  console.log(
    `each page: ${repeats} repeats of ${settings.connections} connections × ${settings.seconds} s; ` +
      `p50/p99 under that load; 1-user ms = median of ${settings.sequentialRequests} sequential requests`,
  )
  const rows: Row[] = []
  try {
    if (engines.includes('sqlite')) {
      rows.push(...(await benchEngine(dataset.db, null, event.id)))
    }
    if (engines.includes('postgres')) {
      const started = performance.now()
      const copy = await copyToPostgres(dataset.db, postgresAdmin)
      console.log(`copied to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      try {
        rows.push(...(await benchEngine(copy.db, copy.url, event.id)))
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
