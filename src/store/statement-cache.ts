import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/**
 * better-sqlite3 as Kysely sees it, but keeping prepared statements by their SQL text. Kysely
 * prepares every query afresh, and for the partner pages preparing cost as much as running
 * (bench/foundation.bench.ts). Reuse is safe: Kysely's SQLite driver runs one query at a time per
 * connection, so a statement is never asked for again while it is still iterating. The least
 * recently used statement is dropped beyond `capacity`, so queries whose text varies stay bounded.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql)
      if (cached !== undefined) {
        // Moved to the end, so the map stays in least-recently-used order.
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value
        if (oldest !== undefined) {
          statements.delete(oldest)
        }
      }
      return statement
    },
  }
}
