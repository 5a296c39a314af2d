import { EventEmitter } from 'node:events'
import pg from 'pg'
import type { Db } from '../../../store/database.ts'

/** A proposal changed: its id and new version, never its content (the page re-reads it). */
export interface ProposalChange {
  readonly id: string
  readonly version: number
}

/**
 * Tells this instance's event streams when a proposal changes, whoever changed it (a request on
 * any instance, or a deadline). PostgreSQL: a trigger NOTIFYs inside the writing transaction
 * (delivered only on commit) and one dedicated client per instance LISTENs. SQLite: one process
 * owns the database, so a poller over the versions of the proposals being watched feeds an
 * in-process emitter (no hook runs after a better-sqlite3 commit).
 */
export interface ProposalChangeFeed {
  subscribe(id: string, listener: (change: ProposalChange) => void): () => void
  start(): Promise<void>
  stop(): Promise<void>
}

export const proposalChannel = 'liaison_proposal_changed'

/** Parses a NOTIFY payload, "id:version"; anything else is ignored. */
export function parseChange(payload: string | undefined): ProposalChange | null {
  if (payload === undefined) return null
  const at = payload.lastIndexOf(':')
  const version = Number(payload.slice(at + 1))
  return at > 0 && Number.isInteger(version) ? { id: payload.slice(0, at), version } : null
}

function emitterFeed() {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    emitter,
    subscribe(id: string, listener: (change: ProposalChange) => void) {
      emitter.on(id, listener)
      return () => emitter.off(id, listener)
    },
  }
}

export function listeningFeed(
  connectionString: string,
  onError: (error: unknown) => void,
): ProposalChangeFeed {
  const { emitter, subscribe } = emitterFeed()
  let client: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null
  let stopped = false

  // A lost connection is opened again, every second until it works: a page must not stop updating.
  function reconnectSoon(): void {
    if (stopped || retry !== null) return
    retry = setTimeout(() => {
      retry = null
      connect().catch((error: unknown) => {
        onError(error)
        reconnectSoon()
      })
    }, 1_000).unref()
  }

  async function connect(): Promise<void> {
    if (stopped) return
    const next = new pg.Client({ connectionString, application_name: 'liaison-listen' })
    next.on('notification', (message) => {
      const change = parseChange(message.payload)
      if (change !== null) emitter.emit(change.id, change)
    })
    next.on('error', (error) => {
      onError(error)
      if (client === next) client = null
      void next.end().catch(() => undefined)
      reconnectSoon()
    })
    try {
      await next.connect()
      await next.query(`listen ${proposalChannel}`)
    } catch (error) {
      await next.end().catch(() => undefined)
      throw error
    }
    // Stopped while connecting: this client must not outlive the app.
    if (stopped) await next.end()
    else client = next
  }

  return {
    subscribe,
    start: connect,
    async stop() {
      stopped = true
      if (retry !== null) clearTimeout(retry)
      retry = null
      const last = client
      client = null
      await last?.end().catch(() => undefined)
      emitter.removeAllListeners()
    },
  }
}

export function pollingFeed(db: Db, intervalMs = 500): ProposalChangeFeed {
  const { emitter, subscribe } = emitterFeed()
  const versions = new Map<string, number>()
  let timer: NodeJS.Timeout | null = null

  async function poll(): Promise<void> {
    const watched = emitter.eventNames().map(String)
    if (watched.length === 0) return
    const rows = await db.kysely
      .selectFrom('proposal')
      .select(['id', 'version'])
      .where('id', 'in', watched)
      .execute()
    for (const row of rows) {
      const version = Number(row.version)
      const seen = versions.get(row.id)
      versions.set(row.id, version)
      if (seen !== undefined && seen !== version) emitter.emit(row.id, { id: row.id, version })
    }
    for (const id of versions.keys()) if (!watched.includes(id)) versions.delete(id)
  }

  return {
    subscribe(id, listener) {
      const unsubscribe = subscribe(id, listener)
      // The version when watching began, so the first change after it is reported.
      void db.kysely
        .selectFrom('proposal')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirst()
        .then((row) => {
          if (row !== undefined && !versions.has(id)) versions.set(id, Number(row.version))
        })
      return unsubscribe
    },
    async start() {
      timer = setInterval(() => void poll().catch(() => undefined), intervalMs)
      timer.unref()
    },
    async stop() {
      if (timer !== null) clearInterval(timer)
      timer = null
      emitter.removeAllListeners()
      versions.clear()
    },
  }
}

/** The engine's feed: LISTEN on PostgreSQL (at `location`), the poller on SQLite. */
export function changeFeedFor(
  db: Db,
  location: string,
  onError: (error: unknown) => void,
): ProposalChangeFeed {
  return db.engine === 'postgres' ? listeningFeed(location, onError) : pollingFeed(db)
}
