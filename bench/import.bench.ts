import { once } from 'node:events'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { operatorPrincipal } from '../src/cli/import.ts'
import { importFile } from '../src/server/imports/import-command.ts'
import type { Engine } from '../src/store/database.ts'
import { findImportKind } from '../src/store/import/import-kinds.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import { freshDatabase } from '../test/support/databases.ts'

/**
 * `npm run bench -- import`: 100,000 relationship events (BENCH_IMPORT_ROWS) from one CSV file,
 * imported all or nothing on SQLite and PostgreSQL (BENCH_ENGINES): the time, the rows per second
 * and the memory it took, sampled every 20 ms (peak RSS and heap above what was in use before),
 * beside the process's maxRSS (resourceUsage, which only ever grows over the run).
 */
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[]
const partners = ['JPN', 'KOR', 'AUS', 'NZL', 'MNG', 'PAK', 'COL', 'IRQ']
const kinds = ['dialogue', 'meeting', 'agreement', 'summit', 'other']

async function writeEvents(path: string): Promise<void> {
  const out = createWriteStream(path)
  out.write('id,partner,kind,title,description,date,source,confidence,classification,releasableTo\n')
  for (let index = 0; index < rows; index += 1) {
    const partner = partners[index % partners.length] ?? 'JPN'
    const year = 1990 + (index % 36)
    const date = index % 3 === 0 ? `${year}` : `${year}-${String((index % 12) + 1).padStart(2, '0')}`
    const marking = index % 4 === 0 ? `RESTRICTED,${partner}` : 'PUBLIC,'
    const line = `bench-ev-${index},${partner},${kinds[index % kinds.length]},Bench event ${index},"Staff talks on cyber defence, round ${index}",${date},https://example.org/${index},high,${marking}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MiB`

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'liaison-import-bench-'))
  const file = join(folder, 'events.csv')
  await writeEvents(file)
  const size = statSync(file).size
  console.log(`${rows} events, ${mib(size)} of CSV`)
  const kind = findImportKind('events')
  if (kind === undefined) throw new Error('no events kind')
  try {
    for (const engine of engines) {
      const database = await freshDatabase(engine)
      try {
        await loadAllDemoData(database.db, new Date('2026-11-27T12:00:00Z'))
        global.gc?.()
        const base = process.memoryUsage()
        let peakRss = base.rss
        let peakHeap = base.heapUsed
        const sampler = setInterval(() => {
          const now = process.memoryUsage()
          peakRss = Math.max(peakRss, now.rss)
          peakHeap = Math.max(peakHeap, now.heapUsed)
        }, 20)
        const started = performance.now()
        const outcome = await importFile(
          database.db,
          operatorPrincipal,
          {
            id: `bench-${engine}`,
            kind,
            dryRun: false,
            source: { format: 'csv', input: createReadStream(file), size },
          },
          new Date('2026-11-27T12:00:00Z'),
          () => undefined,
        )
        const seconds = (performance.now() - started) / 1000
        clearInterval(sampler)
        const stored = await sql<{
          n: number | string
        }>`select count(*) as n from relationship_event where id like 'bench-ev-%'`.execute(
          database.db.kysely,
        )
        if (outcome.status !== 'succeeded' || Number(stored.rows[0]?.n) !== rows) {
          throw new Error(
            `${engine}: import ${outcome.status}, ${stored.rows[0]?.n} rows stored, ${outcome.problemCount} problems`,
          )
        }
        console.log(
          `${engine.padEnd(8)} ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s; peak RSS +${mib(peakRss - base.rss)} (${mib(peakRss)}), peak heap +${mib(peakHeap - base.heapUsed)}; maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
        )
      } finally {
        await database.dispose()
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
