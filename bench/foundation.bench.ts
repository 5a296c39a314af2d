import { isDeepStrictEqual } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/server/app.ts'
import type { Db } from '../src/store/database.ts'
import {
  benchPassword,
  defaultGenerateOptions,
  generateFoundationDatabase,
  temporaryDatabaseFile,
} from './generate-foundation.ts'
import { closeAgent, get, type LoadSettings, type Measurement, measure, type Target } from './http-measure.ts'
import { benchPostgres, copyToPostgres } from './postgres-copy.ts'
import { rawPartnerDetailSql, rawPartnerListSql } from './raw-partner-sql.ts'

/**
 * The foundation benchmark: the real partner routes, signed in as the partner user `jpn` (so the
 * session lookup and the marking filter are paid on every request), against a bare Fastify route
 * and "raw" routes that answer the same bodies with one prepared statement each.
 *
 * The bare and raw routes are registered on the real app's Fastify instance, so all of them share
 * one server, one socket stack and the app's global hooks; they are called without a cookie, so
 * the authentication hook finds nothing to look up. The ratio therefore isolates what our own
 * code adds: session lookup, query building, row mapping, presenters and JSON.stringify.
 */

const settings: LoadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  sequentialRequests: 200,
}
const partners = Number(process.env.BENCH_PARTNERS ?? defaultGenerateOptions.partners)
// BENCH_EVENTS_PER_PARTNER=180 makes about 1,000,000 marked rows with the default 5,000 partners.
const eventsPerPartner = Number(
  process.env.BENCH_EVENTS_PER_PARTNER ?? defaultGenerateOptions.eventsPerPartner,
)
const targetRatio = 0.9

function registerYardsticks(app: FastifyInstance, db: Db): void {
  const sqlite = db.sqlite
  if (sqlite === null) {
    throw new Error('The raw routes need SQLite')
  }
  const list = sqlite.prepare<[number, number], { body: string }>(rawPartnerListSql())
  const detail = sqlite.prepare<[string], { body: string }>(rawPartnerDetailSql())
  const constant = { ok: true, service: 'liaison' }
  app.get('/bench/bare', async () => constant)
  app.get<{ Querystring: { limit?: string; offset?: string } }>('/bench/raw/partners', (request, reply) => {
    const row = list.get(Number(request.query.limit ?? 100), Number(request.query.offset ?? 0))
    reply.type('application/json; charset=utf-8').send(row?.body)
  })
  app.get<{ Params: { code: string } }>('/bench/raw/partners/:code', (request, reply) => {
    const row = detail.get(request.params.code.toUpperCase())
    if (row === undefined) {
      reply.code(404).send({ status: 404 })
      return
    }
    reply.type('application/json; charset=utf-8').send(row.body)
  })
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

/** The raw routes are only a fair yardstick if they answer exactly what the API answers. */
async function checkSameBody(baseUrl: string, api: Target, raw: Target): Promise<void> {
  const [real, yardstick] = await Promise.all([get(baseUrl, api), get(baseUrl, raw)])
  if (real.status !== 200 || yardstick.status !== 200) {
    throw new Error(`${api.path} answered ${real.status}, ${raw.path} answered ${yardstick.status}`)
  }
  if (!isDeepStrictEqual(JSON.parse(real.body), JSON.parse(yardstick.body))) {
    throw new Error(
      `${raw.path} does not answer what ${api.path} answers:\n${real.body}\n---\n${yardstick.body}`,
    )
  }
}

function formatTable(measurements: readonly Measurement[], rawFor: ReadonlyMap<string, string>): string {
  const byLabel = new Map(measurements.map((m) => [m.target.label, m]))
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'unloaded ms', 'vs raw', 'failures']
  const rows = measurements.map((m) => {
    const raw = byLabel.get(rawFor.get(m.target.label) ?? '')
    const ratio = raw === undefined ? '—' : (m.requestsPerSecond / raw.requestsPerSecond).toFixed(2)
    return [
      m.target.label,
      m.requestsPerSecond.toFixed(0),
      m.loadedP50Ms.toFixed(2),
      m.loadedP99Ms.toFixed(2),
      m.unloadedMedianMs.toFixed(3),
      ratio,
      String(m.failures),
    ]
  })
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
  const { file, remove } = temporaryDatabaseFile('foundation.db')
  const started = performance.now()
  const generated = await generateFoundationDatabase(file, { partners, eventsPerPartner })
  const { counts } = generated
  console.log(
    `foundation: +${counts.partners} partners, +${counts.memberships} memberships, +${counts.events} events ` +
      `generated in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`,
  )
  // BENCH_POSTGRES: the same data on PostgreSQL. The raw routes are SQLite statements (the body is
  // built by SQLite's JSON functions), so there only the API routes and the bare route are measured.
  let db = generated.db
  let removePostgres: () => Promise<void> = async () => undefined
  if (benchPostgres !== undefined) {
    const copy = await copyToPostgres(generated.db, benchPostgres)
    await generated.db.close()
    db = copy.db
    removePostgres = copy.remove
  }
  console.log(`engine: ${db.engine}`)
  const app = await buildApp({ db })
  try {
    if (db.sqlite !== null) {
      registerYardsticks(app, db)
    } else {
      app.get('/bench/bare', async () => ({ ok: true, service: 'liaison' }))
    }
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') {
      throw new Error('The server has no port')
    }
    const baseUrl = `http://127.0.0.1:${address.port}`
    const cookie = await signIn(baseUrl, 'jpn')
    const targets: Target[] = [
      { label: 'bare Fastify (constant JSON)', path: '/bench/bare', cookie: '' },
      { label: 'raw GET partners?limit=50', path: '/bench/raw/partners?limit=50', cookie: '' },
      { label: 'API GET /api/v1/partners?limit=50 (jpn)', path: '/api/v1/partners?limit=50', cookie },
      { label: 'raw GET partners/JPN', path: '/bench/raw/partners/JPN', cookie: '' },
      { label: 'API GET /api/v1/partners/JPN (jpn)', path: '/api/v1/partners/JPN', cookie },
    ]
    const [bare, rawList, apiList, rawDetail, apiDetail] = targets
    if (bare === undefined || rawList === undefined || apiList === undefined) {
      throw new Error('targets missing')
    }
    if (rawDetail === undefined || apiDetail === undefined) {
      throw new Error('targets missing')
    }
    if (db.sqlite !== null) {
      await checkSameBody(baseUrl, apiList, rawList)
      await checkSameBody(baseUrl, apiDetail, rawDetail)
    }
    console.log(
      `load: ${settings.connections} connections × ${settings.seconds} s per route; ` +
        `unloaded: median of ${settings.sequentialRequests} sequential requests`,
    )
    const measurements: Measurement[] = []
    // BENCH_ONLY=<part of a label> measures just those routes, e.g. under `node --cpu-prof`.
    const only = process.env.BENCH_ONLY
    const measured = targets.filter((t) => db.sqlite !== null || !t.path.startsWith('/bench/raw'))
    for (const target of measured.filter((t) => only === undefined || t.label.includes(only))) {
      measurements.push(await measure(baseUrl, target, settings))
    }
    const rawFor = new Map([
      [apiList.label, rawList.label],
      [apiDetail.label, rawDetail.label],
    ])
    console.log(formatTable(measurements, rawFor))
    const compared = measurements.flatMap((m) => {
      const raw = measurements.find((other) => other.target.label === rawFor.get(m.target.label))
      return raw === undefined
        ? []
        : [{ label: m.target.label, ratio: m.requestsPerSecond / raw.requestsPerSecond }]
    })
    const missed = compared.filter(({ ratio }) => ratio < targetRatio)
    if (compared.length === 0) {
      console.log('no API route was measured beside its raw yardstick')
    } else {
      console.log(
        missed.length === 0
          ? `target met: every API route measured is ≥ ${targetRatio} × raw`
          : `target MISSED (≥ ${targetRatio} × raw): ${missed.map(({ label }) => label).join('; ')}`,
      )
    }
  } finally {
    closeAgent()
    await app.close()
    if (benchPostgres === undefined) {
      await db.close()
    } else {
      await removePostgres()
    }
    remove()
  }
}
