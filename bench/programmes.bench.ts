import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { publicPrincipal } from '../src/domain/principal.ts'
import { diffSnapshots } from '../src/domain/programme-diff.ts'
import { buildApp } from '../src/server/app.ts'
import { clockOf } from '../src/server/clock.ts'
import { openDatabase } from '../src/store/connect.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { loadVersionItems } from '../src/store/programme-version-store.ts'
import { upsertDemoUsers } from '../src/store/seed/demo-users.ts'
import { loadAllDemoData } from '../src/store/seed/seed-all.ts'
import { benchProgrammeId, generateBenchProgramme } from './generate-programme.ts'

/**
 * The programme benchmark: a programme of 20 objectives, 200 goals, 2,000 activities and 2,000
 * milestones on SQLite (or PostgreSQL with BENCH_POSTGRES). Measures, one request at a time (unloaded), the tree over HTTP, the diff of
 * two versions (over HTTP and in-process), and the DOCX and PDF renders over HTTP.
 * Targets (issue 3): tree ≤ 50 ms, diff ≤ 100 ms, DOCX and PDF ≤ 1 s each.
 */
const runs = Number(process.env.BENCH_RUNS ?? 20)
const password = 'bench-password-programmes'

interface Timing {
  readonly median: number
  readonly p95: number
  /** Process CPU time (user + system) per run: client and server share this process, so it is an
   * upper bound on the server's work, and far less sensitive than wall time to other load. */
  readonly cpu: number
}

async function timeIt(times: number, work: () => Promise<unknown>): Promise<Timing> {
  await work()
  const samples: number[] = []
  const before = process.cpuUsage()
  for (let i = 0; i < times; i += 1) {
    const start = performance.now()
    await work()
    samples.push(performance.now() - start)
  }
  const used = process.cpuUsage(before)
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0
  return { median: at(0.5), p95: at(0.95), cpu: (used.user + used.system) / 1000 / times }
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'liaison-bench-programmes-'))
  // BENCH_POSTGRES=postgres://… runs the same benchmark on a throw-away PostgreSQL database.
  const admin = process.env.BENCH_POSTGRES
  const pgName = `liaison_bench_${process.pid}`
  if (admin !== undefined) {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`create database ${pgName}`)
    await client.end()
  }
  const pgUrl =
    admin === undefined ? null : Object.assign(new URL(admin), { pathname: `/${pgName}` }).toString()
  const db = await openDatabase(pgUrl ?? join(folder, 'bench.db'))
  console.log(`engine: ${db.engine}`)
  const now = new Date('2026-11-27T12:00:00Z')
  try {
    await migrateToLatest(db)
    await loadAllDemoData(db, now)
    await upsertDemoUsers(db, password, now)
    const size = await generateBenchProgramme(db, now)
    const app = await buildApp({ db, clock: clockOf(() => now) })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const base = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : ''
    const signIn = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff', password }),
    })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const fetchOk = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } })
      const body = await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
      return body.byteLength
    }
    const path = `/api/v1/programmes/${benchProgrammeId}`
    console.log(
      `programme: ${size.nodes} nodes (20 objectives, 200 goals, 2000 activities), ${size.milestones} milestones`,
    )
    const { loadavg } = await import('node:os')
    console.log(
      `load average before: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    )
    const rows: Array<[string, Timing, number, number]> = []
    rows.push([
      'tree over HTTP (GET /programmes/:id)',
      await timeIt(runs, () => fetchOk(path)),
      50,
      await fetchOk(path),
    ])
    rows.push([
      'diff v1→v2 over HTTP',
      await timeIt(runs, () => fetchOk(`${path}/diff?from=1&to=2`)),
      100,
      await fetchOk(`${path}/diff?from=1&to=2`),
    ])
    const staff = { ...publicPrincipal, kind: 'staff' as const, clearance: 'CONFIDENTIAL' as const }
    rows.push([
      'diff v1→v2 in-process (load + diff)',
      await timeIt(runs, async () =>
        diffSnapshots(
          await loadVersionItems(db.kysely, staff, benchProgrammeId, 1),
          await loadVersionItems(db.kysely, staff, benchProgrammeId, 2),
        ),
      ),
      100,
      0,
    ])
    const docRuns = Math.max(3, Math.floor(runs / 4))
    rows.push([
      'DOCX over HTTP',
      await timeIt(docRuns, () => fetchOk(`${path}/document.docx`)),
      1000,
      await fetchOk(`${path}/document.docx`),
    ])
    rows.push([
      'PDF over HTTP',
      await timeIt(docRuns, () => fetchOk(`${path}/document.pdf`)),
      1000,
      await fetchOk(`${path}/document.pdf`),
    ])
    rows.push([
      'Markdown over HTTP',
      await timeIt(docRuns, () => fetchOk(`${path}/document.md`)),
      1000,
      await fetchOk(`${path}/document.md`),
    ])
    for (const [label, t, target, bytes] of rows) {
      const verdict = t.median <= target ? 'ok' : 'OVER TARGET'
      const size = bytes > 0 ? `, ${(bytes / 1024).toFixed(0)} KiB` : ''
      console.log(
        `${label.padEnd(40)} median ${t.median.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms  cpu ${t.cpu.toFixed(1).padStart(7)} ms  (target ≤ ${target} ms: ${verdict}${size})`,
      )
    }
    await app.close()
  } finally {
    await db.close()
    rmSync(folder, { recursive: true, force: true })
    if (admin !== undefined) {
      const client = new pg.Client({ connectionString: admin })
      await client.connect()
      await client.query(`drop database if exists ${pgName} with (force)`)
      await client.end()
    }
  }
}
