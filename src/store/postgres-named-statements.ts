import { createHash } from 'node:crypto'
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import type pg from 'pg'

/**
 * PostgreSQL parses and plans an unnamed statement on every execution; for the JSON-building reads
 * of the busiest pages that costs as much as running them (bench/pages.bench.ts). A named statement
 * is parsed once per connection and then only bound and executed, as a hand-written service's
 * prepared statements are.
 *
 * Only texts registered here are named: the templates of the compiled query cache, whose number is
 * bounded by that cache's capacity. Other queries (with `in` lists of any length, say) stay unnamed,
 * so no connection accumulates prepared statements without bound.
 */
const namesByText = new Map<string, string>()
/** A ceiling beyond the caches' capacities, in case a caller registers texts it should not. */
const maxNamedTexts = 5000

/** Marks a SQL text as run often: it is prepared by name on each connection that runs it. */
export function prepareByName(sql: string): void {
  if (namesByText.has(sql) || namesByText.size >= maxNamedTexts) return
  namesByText.set(sql, `liaison_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`)
}

function namedClient(client: pg.PoolClient): PostgresPoolClient {
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
  function query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      // A streamed query (Kysely's cursor) passes through untouched.
      return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>
    }
    const values = [...(parameters ?? [])]
    const name = namesByText.get(sqlOrCursor)
    const result =
      name === undefined
        ? client.query(sqlOrCursor, values)
        : client.query({ name, text: sqlOrCursor, values })
    return result as unknown as Promise<PostgresQueryResult<R>>
  }
  return { query, release: (destroy?: boolean) => client.release(destroy) }
}

/** The pool Kysely uses: the same connections, with registered texts run as named statements. */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => namedClient(await pool.connect()),
    end: () => pool.end(),
  }
}
