import { isDeepStrictEqual } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../src/server/app.ts'
import type { Db, Engine } from '../src/store/database.ts'
import { upsertDemoUsers } from '../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import { freshDatabase, postgresAdminUrl, type TestDatabase } from '../test/support/databases.ts'
import { closeAgent, get, type LoadSettings, type Measurement, measure, type Target } from './http-measure.ts'

/**
 * The decisions benchmark of issue 9 (Deliver 9): 10,000 proposals with the positions of all 32
 * members (and a changed mind on every tenth), read by alliance staff — the list page with every
 * item's positions, and one proposal's grid with its history — beside a raw route that answers the
 * same page with ONE hand-written prepared statement (better-sqlite3 on SQLite, a named statement
 * on PostgreSQL) and shapes its rows in JavaScript, on both engines. "× raw" is the median over
 * BENCH_REPEATS of API req/s over raw req/s, measured alternately under the same load.
 */
const settings: LoadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  sequentialRequests: Number(process.env.BENCH_SEQUENTIAL ?? 30),
}
const repeats = Number(process.env.BENCH_REPEATS ?? 3)
const proposalCount = Number(process.env.BENCH_PROPOSALS ?? 10_000)
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[]
const password = 'bench password, loopback only'
const now = new Date('2026-11-27T12:00:00Z')
const statuses = ['open', 'blocked', 'adopted', 'withdrawn', 'open'] as const
const classifications = [1, 1, 2, 3] as const

/** Writes the proposals and their positions in batches, in one transaction per batch. */
async function generate(db: Db): Promise<{ members: string[]; sampleId: string }> {
  const members = (
    await db.kysely.selectFrom('member').select('country_code').orderBy('country_code').execute()
  ).map((row) => row.country_code)
  const batch = 250
  for (let start = 0; start < proposalCount; start += batch) {
    await db.kysely.transaction().execute(async (tx) => {
      const proposals = []
      const positions = []
      for (let index = start; index < Math.min(proposalCount, start + batch); index++) {
        const id = `bench-proposal-${String(index).padStart(6, '0')}`
        const status = statuses[index % statuses.length] ?? 'open'
        const created = new Date(now.getTime() - (proposalCount - index) * 3_600_000).toISOString()
        proposals.push({
          id,
          title: `Proposal ${index + 1}`,
          text: 'Generated for the decisions benchmark.',
          kind: 'other',
          partner_code: null,
          programme_id: null,
          liaison_office_id: null,
          engagement_id: null,
          procedure: 'consensus',
          deadline: null,
          status,
          version: 1,
          created_at: created,
          updated_at: created,
          classification: classifications[index % classifications.length] ?? 1,
          releasable_to: index % 7 === 0 ? '|JPN|' : '',
        })
        let seq = 0
        for (const [m, member] of members.entries()) {
          const position =
            status === 'blocked' && m === 9 ? 'object' : (m + index) % 5 === 0 ? 'reserve' : 'concur'
          positions.push({
            proposal_id: id,
            seq: ++seq,
            member_code: member,
            position: index % 10 === 0 && m < 3 ? 'reserve' : position,
            note: null,
            recorded_by: 'staff',
            on_behalf: 1,
            recorded_at: created,
          })
        }
        if (index % 10 === 0) {
          for (const member of members.slice(0, 3)) {
            positions.push({
              proposal_id: id,
              seq: ++seq,
              member_code: member,
              position: 'concur',
              note: 'Changed after consultation',
              recorded_by: 'staff',
              on_behalf: 1,
              recorded_at: created,
            })
          }
        }
      }
      await tx.insertInto('proposal').values(proposals).execute()
      for (let p = 0; p < positions.length; p += 1000) {
        await tx
          .insertInto('proposal_position')
          .values(positions.slice(p, p + 1000))
          .execute()
      }
    })
  }
  return { members, sampleId: 'bench-proposal-000010' }
}

/**
 * Raw rows of one statement: the page's proposals, the visible total and each member's latest
 * position, found once for the page (DISTINCT ON on PostgreSQL; SQLite's bare columns of max()).
 */
function rawListSql(engine: Engine): string {
  const sqlite = engine === 'sqlite'
  const limit = sqlite ? '?' : '$1'
  const day = sqlite ? '?' : 'cast($2 as text)'
  const latest = sqlite
    ? `select proposal_id, member_code, position, max(seq) from proposal_position
        where proposal_id in (select id from page) group by proposal_id, member_code`
    : `select distinct on (proposal_id, member_code) proposal_id, member_code, position from proposal_position
        where proposal_id in (select id from page) order by proposal_id, member_code, seq desc`
  const cells = `select page.id as pid, m.country_code as member, coalesce(l.position, 'none') as position
      from page cross join member m left join latest l on l.proposal_id = page.id and l.member_code = m.country_code
      where m.accession_date <= (select day from d)`
  const grid = sqlite
    ? `select pid, json_group_array(json_object('member', member, 'position', position)) as positions
        from (${cells} order by page.id, m.country_code) group by pid`
    : `select pid, json_agg(json_build_object('member', member, 'position', position) order by member) as positions
        from (${cells}) cells group by pid`
  return `with d as (select ${day} as day),
    vis as (select id from marking where classification <= 3),
    page as (select p.id, p.title, p.kind, p.status, p.procedure, p.deadline, p.partner_code, p.programme_id,
        p.engagement_id, p.liaison_office_id, p.classification, p.releasable_to, p.marking_id, p.version, p.created_at
      from proposal p where p.marking_id in (select id from vis)
      order by p.created_at desc, p.title, p.id limit ${limit}),
    counted as (select count(*) as total from proposal p where p.marking_id in (select id from vis)),
    latest as (${latest}),
    grid as (${grid})
    select page.*, counted.total, grid.positions
    from page join grid on grid.pid = page.id cross join counted order by page.created_at desc, page.title, page.id`
}

/** One proposal with the members of the day and its whole history, in one statement. */
function rawGridSql(engine: Engine): string {
  if (engine === 'sqlite') {
    return `select p.id, p.title, p.status, p.procedure, p.deadline,
      (select json_group_array(country_code) from
        (select country_code from member where accession_date <= ? order by country_code)) as members,
      (select json_group_array(json_object('member', member_code, 'position', position, 'note', note,
          'recordedBy', recorded_by, 'onBehalf', json(case on_behalf when 1 then 'true' else 'false' end),
          'at', recorded_at, 'event', event))
        from (select * from proposal_position where proposal_id = p.id order by seq)) as history
      from proposal p where p.id = ? and p.marking_id in (select id from marking where classification <= 3)`
  }
  return `select p.id, p.title, p.status, p.procedure, p.deadline,
      (select json_agg(country_code order by country_code) from member where accession_date <= cast($2 as text)) as members,
      (select json_agg(json_build_object('member', member_code, 'position', position, 'note', note,
          'recordedBy', recorded_by, 'onBehalf', on_behalf = 1, 'at', recorded_at, 'event', event) order by seq)
        from proposal_position where proposal_id = p.id) as history
      from proposal p where p.id = $1 and p.marking_id in (select id from marking where classification <= 3)`
}

interface RawGridRow {
  id: string
  title: string
  status: string
  procedure: string
  deadline: string | null
  members: string | string[]
  history: string | { member: string; position: string; event: string }[]
}

function parsed<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

/** The raw grid: one statement, and the latest position per member and the blockers worked out here. */
function rawGridRoute(database: Db, pool: pg.Pool | null) {
  const text = rawGridSql(database.engine)
  const statement = database.sqlite?.prepare(text)
  return async (id: string, day: string) => {
    const [row] =
      statement !== undefined
        ? (statement.all(day, id) as RawGridRow[])
        : ((await pool?.query<RawGridRow>({ name: 'raw-proposal-grid', text, values: [id, day] }))?.rows ??
          [])
    if (row === undefined) return null
    const members = parsed<string[]>(row.members)
    const history = parsed<{ member: string; position: string; event: string }[]>(row.history ?? '[]')
    const latest = new Map<string, string>()
    for (const entry of history) if (entry.event === 'position') latest.set(entry.member, entry.position)
    const positions = members.map((member) => ({ member, position: latest.get(member) ?? 'none' }))
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      procedure: row.procedure,
      deadline: row.deadline,
      positions,
      history,
      blockers: positions.filter((entry) => entry.position === 'object').map((entry) => entry.member),
    }
  }
}

function sameGrid(api: string, raw: string): void {
  const keys = ['id', 'title', 'status', 'procedure', 'deadline', 'positions', 'history', 'blockers']
  const pick = (body: string) => {
    const value = JSON.parse(body) as Record<string, unknown>
    return Object.fromEntries(keys.map((key) => [key, value[key]]))
  }
  if (!isDeepStrictEqual(pick(api), pick(raw))) {
    throw new Error(`The raw grid differs:\n${api.slice(0, 1500)}\n---\n${raw.slice(0, 1500)}`)
  }
}

interface RawRow {
  id: string
  title: string
  kind: string
  status: string
  procedure: string
  deadline: string | null
  partner_code: string | null
  programme_id: string | null
  engagement_id: string | null
  liaison_office_id: string | null
  version: number
  total: number | string
  positions: string | { member: string; position: string }[]
}

/** The raw route: one prepared statement, shaped into the page's items as a hand-written service would. */
function rawRoute(database: Db, adminPool: pg.Pool | null) {
  const text = rawListSql(database.engine)
  const statement = database.sqlite?.prepare(text)
  return async (limit: number, day: string) => {
    const rows =
      statement !== undefined
        ? (statement.all(day, limit) as RawRow[])
        : ((await adminPool?.query<RawRow>({ name: 'raw-proposals', text, values: [limit, day] }))?.rows ??
          [])
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        kind: row.kind,
        status: row.status,
        procedure: row.procedure,
        deadline: row.deadline,
        partner: row.partner_code,
        programme: row.programme_id,
        engagement: row.engagement_id,
        liaisonOffice: row.liaison_office_id,
        positions: typeof row.positions === 'string' ? JSON.parse(row.positions) : row.positions,
        version: Number(row.version),
      })),
      total: Number(rows[0]?.total ?? 0),
    }
  }
}

async function rawPool(db: Db): Promise<pg.Pool> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db.kysely)
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${rows[0]?.name ?? ''}`
  return new pg.Pool({ connectionString: url.toString(), max: 10 })
}

function samePage(api: string, raw: string): void {
  type Page = { items: Record<string, unknown>[]; total: number }
  const strip = (page: Page) => ({
    total: page.total,
    items: page.items.map(({ marking: _marking, ...rest }) => rest),
  })
  const a = strip(JSON.parse(api) as Page)
  const b = strip(JSON.parse(raw) as Page)
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(`The raw proposal page differs:\n${api.slice(0, 1500)}\n---\n${raw.slice(0, 1500)}`)
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function benchEngine(engine: Engine): Promise<string[]> {
  const database: TestDatabase = await freshDatabase(engine)
  const { db } = database
  // The raw route's own pool on PostgreSQL, to the same database, as raw-routes.ts has.
  const adminPool = engine === 'postgres' ? await rawPool(db) : null
  try {
    await loadAllDemoData(db, now)
    await upsertDemoUsers(db, password, now)
    const started = performance.now()
    const { members, sampleId } = await generate(db)
    console.log(
      `  ${engine}: ${proposalCount} proposals × ${members.length} members generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    const app = await buildApp({ db, clock: { now: () => now, today: () => '2026-11-27' } })
    const raw = rawRoute(db, adminPool)
    app.get('/bench/raw/proposals', async (request) => {
      const limit = Number((request.query as { limit?: string }).limit ?? 50)
      return raw(limit, '2026-11-27')
    })
    const rawGrid = rawGridRoute(db, adminPool)
    app.get('/bench/raw/proposals/:id', async (request, reply) => {
      const found = await rawGrid((request.params as { id: string }).id, '2026-11-27')
      return found ?? reply.code(404).send()
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('The server has no port')
    const baseUrl = `http://127.0.0.1:${address.port}`
    const signIn = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff', password }),
    })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const pages: { name: string; api: Target; raw: Target | null }[] = [
      {
        name: 'list (50) with positions',
        api: { label: 'list', path: '/api/v1/proposals?limit=50', cookie },
        raw: { label: 'raw list', path: '/bench/raw/proposals?limit=50', cookie: '' },
      },
      {
        name: 'proposal grid + history',
        api: { label: 'grid', path: `/api/v1/proposals/${sampleId}`, cookie },
        raw: { label: 'raw grid', path: `/bench/raw/proposals/${sampleId}`, cookie: '' },
      },
    ]
    const [apiList, rawList] = await Promise.all([
      get(baseUrl, pages[0]?.api as Target),
      get(baseUrl, pages[0]?.raw as Target),
    ])
    samePage(apiList.body, rawList.body)
    const [apiGrid, rawGridBody] = await Promise.all([
      get(baseUrl, pages[1]?.api as Target),
      get(baseUrl, pages[1]?.raw as Target),
    ])
    sameGrid(apiGrid.body, rawGridBody.body)
    const lines: string[] = []
    for (const page of pages) {
      const api: Measurement[] = []
      const rawRuns: Measurement[] = []
      for (let repeat = 0; repeat < repeats; repeat++) {
        if (page.raw !== null && repeat % 2 === 0) rawRuns.push(await measure(baseUrl, page.raw, settings))
        api.push(await measure(baseUrl, page.api, settings))
        if (page.raw !== null && repeat % 2 === 1) rawRuns.push(await measure(baseUrl, page.raw, settings))
      }
      const ratio =
        rawRuns.length === 0
          ? 'n/a'
          : median(
              api.map((m, i) => m.requestsPerSecond / (rawRuns[i]?.requestsPerSecond ?? Number.NaN)),
            ).toFixed(2)
      lines.push(
        `${engine.padEnd(8)}  ${page.name.padEnd(26)}  API ${median(api.map((m) => m.unloadedMedianMs)).toFixed(2)} ms, ` +
          `${median(api.map((m) => m.requestsPerSecond)).toFixed(0)} req/s` +
          (rawRuns.length === 0
            ? ''
            : `  raw ${median(rawRuns.map((m) => m.unloadedMedianMs)).toFixed(2)} ms, ${median(rawRuns.map((m) => m.requestsPerSecond)).toFixed(0)} req/s  × raw ${ratio}`),
      )
      console.log(`  ${lines.at(-1)}`)
    }
    closeAgent()
    await app.close()
    return lines
  } finally {
    await adminPool?.end()
    await database.dispose()
  }
}

export async function run(): Promise<void> {
  console.log(
    `each page: ${repeats} repeats of ${settings.connections} connections × ${settings.seconds} s, ms = median of ${settings.sequentialRequests} sequential requests`,
  )
  const lines: string[] = []
  for (const engine of engines) lines.push(...(await benchEngine(engine)))
  console.log(lines.join('\n'))
}
