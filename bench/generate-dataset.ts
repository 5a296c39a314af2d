import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/store/connect.ts'
import type { Db } from '../src/store/database.ts'
import { markedTables } from '../src/store/marked-tables.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { migrations } from '../src/store/migrations/index.ts'
import { upsertDemoUsers } from '../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import { insertSyntheticEngagements } from './engagements-generate.ts'
import {
  benchNow,
  benchPassword,
  insertSyntheticPartners,
  temporaryDatabaseFile,
} from './generate-foundation.ts'

/**
 * The one dataset of the page benchmark (issue 7, Deliver 6): the demo data, then 100,000
 * engagements over the 40 demo partners with ~200,000 participations, 100,000 statements with
 * ~200,000 associations, and 5,000 synthetic partners with ~10,000 memberships and 400,000 timeline
 * events: over 1,000,000 marked rows. Written by better-sqlite3 with prepared statements in one
 * transaction per part (the migrations' triggers fill `marking_id`), then cached under
 * bench/.cache (gitignored) keyed by its options and the migration list, so a second run starts in
 * seconds; each run works on a copy, since signing in writes sessions.
 */
export interface DatasetOptions {
  readonly engagements: number
  readonly statementsPerEngagement: number
  readonly partners: number
  readonly eventsPerPartner: number
}

export const defaultDataset: DatasetOptions = {
  engagements: 100_000,
  statementsPerEngagement: 1,
  partners: 5000,
  eventsPerPartner: 80,
}

const generatorVersion = 1
const cacheFolder = join(dirname(fileURLToPath(import.meta.url)), '.cache')

function cacheName(options: DatasetOptions): string {
  // A new migration changes the schema the file was made with, so it gets a new name.
  const schema = createHash('sha256').update(Object.keys(migrations).join(',')).digest('hex').slice(0, 8)
  const { engagements, statementsPerEngagement, partners, eventsPerPartner } = options
  return `dataset-v${generatorVersion}-${schema}-${engagements}e-${statementsPerEngagement}s-${partners}p-${eventsPerPartner}ev.db`
}

async function generate(file: string, options: DatasetOptions): Promise<void> {
  const db = await openDatabase(file)
  try {
    await migrateToLatest(db)
    await loadAllDemoData(db, benchNow)
    await upsertDemoUsers(db, benchPassword, benchNow)
    // Engagements first, so they go to the 40 demo partners only (as a partner's feed would).
    insertSyntheticEngagements(
      db,
      { count: options.engagements, firstYear: 2006, years: 20 },
      options.statementsPerEngagement,
    )
    insertSyntheticPartners(db, { partners: options.partners, eventsPerPartner: options.eventsPerPartner })
  } finally {
    await db.close()
  }
}

/** Rows per marked table, and their sum. */
export function markedRowCounts(db: Db): { total: number; byTable: Record<string, number> } {
  const sqlite = db.sqlite
  if (sqlite === null) {
    throw new Error('markedRowCounts reads the SQLite dataset')
  }
  const byTable: Record<string, number> = {}
  let total = 0
  for (const table of markedTables) {
    const n = sqlite.prepare<[], { n: number }>(`select count(*) as n from ${table}`).get()?.n ?? 0
    byTable[table] = n
    total += n
  }
  return { total, byTable }
}

/**
 * A fresh copy of the dataset, open, in a throwaway folder: generated into the cache first when the
 * cache has none (or BENCH_REGENERATE is set).
 */
export async function openDataset(
  options: DatasetOptions = defaultDataset,
): Promise<{ db: Db; remove: () => void; generatedSeconds: number | null; file: string }> {
  mkdirSync(cacheFolder, { recursive: true })
  const cached = join(cacheFolder, cacheName(options))
  let generatedSeconds: number | null = null
  if (!existsSync(cached) || process.env.BENCH_REGENERATE !== undefined) {
    const started = performance.now()
    const partial = `${cached}.partial`
    rmSync(partial, { force: true })
    await generate(partial, options)
    renameSync(partial, cached)
    generatedSeconds = (performance.now() - started) / 1000
  }
  const { file, remove } = temporaryDatabaseFile('dataset.db')
  copyFileSync(cached, file)
  return { db: await openDatabase(file), remove, generatedSeconds, file: cached }
}
