/**
 * `npm run bench [-- name ...]`: runs every benchmark listed here, or only the named ones, one after
 * another. Each benchmark module exports `run(): Promise<void>`, prints its own numbers and stops
 * by itself (bounded durations, loopback only). Add a benchmark by appending a line. Arguments
 * beginning with `--` (such as `--small`) are left to the benchmarks.
 */
const benchmarks: ReadonlyArray<readonly [string, () => Promise<{ run(): Promise<void> }>]> = [
  ['foundation', () => import('./foundation.bench.ts')],
  ['programmes', () => import('./programmes.bench.ts')],
  ['engagements', () => import('./engagements.bench.ts')],
  ['pages', () => import('./pages.bench.ts')],
  ['scheduling', () => import('./scheduling.bench.ts')],
  ['search', () => import('./search.bench.ts')],
  ['proposals', () => import('./proposals.bench.ts')],
  ['deadlines', () => import('./deadlines.bench.ts')],
  ['import', () => import('./import.bench.ts')],
  ['cooperation', () => import('./cooperation.bench.ts')],
]

// Arguments starting with -- are options the benchmarks read themselves (e.g. --small).
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const unknown = wanted.filter((name) => !benchmarks.some(([known]) => known === name))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map(([name]) => name).join(', ')}`,
  )
  process.exit(2)
}

for (const [name, load] of benchmarks) {
  if (wanted.length > 0 && !wanted.includes(name)) {
    continue
  }
  console.log(`\n== ${name} ==`)
  const { run } = await load()
  await run()
}
