import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { type Principal, publicPrincipal } from '../src/domain/principal.ts'
import { searchWords } from '../src/domain/search-query.ts'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { migrations } from '../src/store/migrations/index.ts'
import { searchIndex } from '../src/store/search-store.ts'
import { visibleMarkings } from '../src/store/visibility.ts'

/**
 * The search benchmark (issue 11 item 6): BENCH_SEARCH_ROWS (default 1,000,000) index entries,
 * generated in SQL straight into `search_entry` (the triggers feed FTS5 on SQLite; PostgreSQL
 * computes the tsvector), with one marking in four released to Korea only and one in four alliance
 * only. Each query is run as Korea and as staff through `searchIndex` (page of 20 and the total),
 * beside the fastest raw statement a person would write with the same marking filter (match, the
 * marking `in` list, order by rank, limit 20, plus its count). Prints the median milliseconds.
 */
const rows = Number(process.env.BENCH_SEARCH_ROWS ?? 1_000_000)
const repeats = Number(process.env.BENCH_REPEATS ?? 15)
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
const postgresAdmin =
  process.env.BENCH_POSTGRES ?? process.env.LIAISON_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'

const korea: Principal = { ...publicPrincipal, kind: 'partner', country: 'KOR', clearance: 'RESTRICTED' }
const staff: Principal = { ...publicPrincipal, kind: 'staff', clearance: 'CONFIDENTIAL' }
/** A rare word (one entry in 1,000), a common one (one in 10) and a prefix of a name. */
const queries = ['quasar7', 'tokyo', 'seo']

async function generate(db: Db): Promise<void> {
  const words = `case n % 10 when 0 then 'Tokyo' when 1 then 'Séoul' else 'Brussels' end`
  const marking = (n: string) => `case ${n} % 4 when 0 then '2|KOR|' when 1 then '3' else '0' end`
  const select = (series: string) => `select 'engagement', 'bench-' || n, ${marking('n')},
      case n % 4 when 0 then 2 when 1 then 3 else 0 end,
      case n % 4 when 0 then '|KOR|' else '' end, null, null,
      'Meeting ' || n || ' in ' || ${words} || case when n % 1000 = 7 then ' quasar7' else '' end,
      'Talks on maritime security and cyber defence, number ' || n || ', held in ' || ${words}
    from ${series}`
  const columns =
    'type, record_id, marking_id, classification, releasable_to, parent_id, owner_code, title, body'
  for (const id of ['0', '2|KOR|', '3']) {
    await sql`insert into marking (id, classification, releasable_to) values (${id}, ${Number(id[0])}, ${id.slice(1)})
      on conflict do nothing`.execute(db.kysely)
  }
  await sql`insert into marking_release (marking_id, country_code) values ('2|KOR|', 'KOR') on conflict do nothing`.execute(
    db.kysely,
  )
  const series =
    db.engine === 'postgres'
      ? `generate_series(1, ${rows}) as n`
      : `(with recursive s(n) as (select 1 union all select n + 1 from s where n < ${rows}) select n from s)`
  await sql.raw(`insert into search_entry (${columns}) ${select(series)}`).execute(db.kysely)
  if (db.engine === 'postgres') {
    await sql`analyze search_entry`.execute(db.kysely)
  }
}

/** The statement a person would write: match, the same marking filter, rank, first page, count. */
async function raw(db: Db, principal: Principal, query: string): Promise<number> {
  const words = searchWords(query)
  if (db.engine === 'postgres') {
    const tsquery = words.map((word) => `${word}:*`).join(' & ')
    await sql`select type, record_id, title, body, classification, releasable_to from search_entry
      where document @@ to_tsquery('simple', ${tsquery}) and marking_id in (${visibleMarkings(principal)})
      order by ts_rank(document, to_tsquery('simple', ${tsquery})) desc, id limit 20`.execute(db.kysely)
    const count = await sql<{ n: string }>`select count(*) as n from search_entry
      where document @@ to_tsquery('simple', ${tsquery}) and marking_id in (${visibleMarkings(principal)})`.execute(
      db.kysely,
    )
    return Number(count.rows[0]?.n)
  }
  const match = words.map((word) => `"${word}"*`).join(' ')
  await sql`select e.type, e.record_id, e.title, e.body, e.classification, e.releasable_to
    from search_fts join search_entry as e on e.id = search_fts.rowid
    where search_fts match ${match} and e.marking_id in (${visibleMarkings(principal)})
    order by bm25(search_fts, 10.0, 1.0), e.id limit 20`.execute(db.kysely)
  const count = await sql<{ n: number }>`select count(*) as n
    from search_fts join search_entry as e on e.id = search_fts.rowid
    where search_fts match ${match} and e.marking_id in (${visibleMarkings(principal)})`.execute(db.kysely)
  return Number(count.rows[0]?.n)
}

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function elapsed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/**
 * Medians of `store` and `raw`, run by turns (which goes first alternates), so that both see the
 * same background load and neither always reads the pages the other just brought into the cache.
 */
async function medians(
  store: () => Promise<unknown>,
  raw: () => Promise<unknown>,
): Promise<[number, number]> {
  const storeTimes: number[] = []
  const rawTimes: number[] = []
  for (let i = 0; i < repeats; i += 1) {
    if (i % 2 === 0) {
      storeTimes.push(await elapsed(store))
      rawTimes.push(await elapsed(raw))
    } else {
      rawTimes.push(await elapsed(raw))
      storeTimes.push(await elapsed(store))
    }
  }
  return [median(storeTimes), median(rawTimes)]
}

async function measureEngine(db: Db, generatedSeconds: number | null): Promise<void> {
  console.log(
    `${db.engine}: ${rows.toLocaleString('en')} entries ${generatedSeconds === null ? 'cached' : `indexed in ${generatedSeconds.toFixed(1)} s`}`,
  )
  // × raw as in the page benchmark: the store's speed over the raw statement's (raw ms ÷ store ms).
  console.log('query     as     hits      store ms   raw ms   × raw')
  for (const query of queries) {
    for (const [name, principal] of [
      ['korea', korea],
      ['staff', staff],
    ] as const) {
      const request = { words: searchWords(query), type: null, limit: 20, offset: 0 }
      const found = await searchIndex(db, principal, request)
      const rawTotal = await raw(db, principal, query)
      if (rawTotal !== found.total) {
        throw new Error(`${query} as ${name}: store total ${found.total}, raw total ${rawTotal}`)
      }
      const [store, yardstick] = await medians(
        () => searchIndex(db, principal, request),
        () => raw(db, principal, query),
      )
      console.log(
        `${query.padEnd(9)} ${name.padEnd(6)} ${String(found.total).padStart(7)}  ${store.toFixed(1).padStart(9)} ${yardstick.toFixed(1).padStart(8)}   ${(yardstick / store).toFixed(2)}`,
      )
    }
  }
}

const cacheFolder = join(dirname(fileURLToPath(import.meta.url)), '.cache')

/** The SQLite index file, generated once per row count and schema (BENCH_REGENERATE rebuilds it). */
async function cachedSqliteIndex(): Promise<{ file: string; generatedSeconds: number | null }> {
  mkdirSync(cacheFolder, { recursive: true })
  const schema = createHash('sha256').update(Object.keys(migrations).join(',')).digest('hex').slice(0, 8)
  const file = join(cacheFolder, `search-${schema}-${rows}.db`)
  if (existsSync(file) && process.env.BENCH_REGENERATE === undefined) {
    return { file, generatedSeconds: null }
  }
  const partial = `${file}.partial`
  rmSync(partial, { force: true })
  const db = await openDatabase(partial)
  try {
    const generatedSeconds =
      (await elapsed(async () => {
        await migrateToLatest(db)
        await generate(db)
      })) / 1000
    await db.close()
    renameSync(partial, file)
    return { file, generatedSeconds }
  } catch (error) {
    await db.close()
    throw error
  }
}

export async function run(): Promise<void> {
  if (engines.includes('sqlite')) {
    const { file, generatedSeconds } = await cachedSqliteIndex()
    const db = await openDatabase(file)
    try {
      await measureEngine(db, generatedSeconds)
    } finally {
      await db.close()
    }
  }
  if (engines.includes('postgres')) {
    const name = `liaison_search_bench_${process.pid}`
    const admin = new pg.Client({ connectionString: postgresAdmin })
    await admin.connect()
    await admin.query(`create database ${name}`)
    const db = await openDatabase(Object.assign(new URL(postgresAdmin), { pathname: `/${name}` }).toString())
    try {
      const generatedSeconds =
        (await elapsed(async () => {
          await migrateToLatest(db)
          await generate(db)
        })) / 1000
      await measureEngine(db, generatedSeconds)
    } finally {
      await db.close()
      await admin.query(`drop database ${name}`)
      await admin.end()
    }
  }
}
