import { openDataset } from './generate-dataset.ts'
import { copyToPostgres } from './postgres-copy.ts'

/**
 * `node --import tsx bench/copy-dataset-to-postgres.ts`: copies the benchmark dataset into a new
 * PostgreSQL database and keeps it, printing its URL, for `BENCH_POSTGRES_DATABASE=<url> npm run bench`
 * runs that skip the copy, and for EXPLAIN ANALYZE between runs. Drop it by hand afterwards.
 */
const admin =
  process.env.BENCH_POSTGRES ?? process.env.LIAISON_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'
const dataset = await openDataset()
const copy = await copyToPostgres(dataset.db, admin)
await copy.db.close()
await dataset.db.close()
console.log(copy.url)
