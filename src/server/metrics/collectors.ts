import { statSync } from 'node:fs'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Db } from '../../store/database.ts'

/** The HTTP methods the API answers; anything else is counted as "other" so labels stay bounded. */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export interface HttpMetrics {
  readonly registry: Registry
  /** Records one answered request under its route pattern (never the raw URL). */
  observe(method: string, route: string | undefined, status: number, seconds: number): void
}

/**
 * One registry per app (not prom-client's global one), so several apps in one process (tests)
 * never share or double-register series.
 */
export function createMetrics(db: Db): HttpMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const labelNames = ['method', 'route', 'status_class'] as const
  const requests = new Counter({
    name: 'liaison_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class',
    labelNames,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'liaison_http_request_duration_seconds',
    help: 'Time from request to answer, by method, route pattern and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  registerDatabaseGauges(registry, db)
  return {
    registry,
    observe(method, route, status, seconds) {
      const labels = {
        method: knownMethods.has(method) ? method : 'other',
        // Unrouted requests (404s, probes for random paths) share one label instead of one each.
        route: route ?? 'unmatched',
        status_class: `${Math.floor(status / 100)}xx`,
      }
      requests.inc(labels)
      duration.observe(labels, seconds)
    },
  }
}

function registerDatabaseGauges(registry: Registry, db: Db): void {
  const { pgPool } = db
  if (pgPool !== null) {
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read())
        },
      })
    poolGauge(
      'liaison_db_pool_connections_total',
      'PostgreSQL pool connections open',
      () => pgPool.totalCount,
    )
    poolGauge('liaison_db_pool_connections_idle', 'PostgreSQL pool connections idle', () => pgPool.idleCount)
    poolGauge(
      'liaison_db_pool_clients_waiting',
      'Queries waiting for a PostgreSQL pool connection',
      () => pgPool.waitingCount,
    )
    return
  }
  const mainFile = db.location
  new Gauge({
    name: 'liaison_sqlite_file_bytes',
    help: 'Size of the SQLite database file and of its write-ahead log',
    labelNames: ['file'],
    registers: [registry],
    collect() {
      this.set({ file: 'main' }, sizeOf(mainFile))
      this.set({ file: 'wal' }, sizeOf(`${mainFile}-wal`))
    },
  })
}

/** A missing file (the WAL between checkpoints on some systems) counts as empty. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
