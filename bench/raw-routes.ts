import type { Statement } from 'better-sqlite3'
import type { FastifyInstance, FastifyReply } from 'fastify'
import pg from 'pg'
import { highestMarking } from '../src/domain/marking.ts'
import { engagementCalendar } from '../src/server/calendar/ical.ts'
import { engagementLabels } from '../src/server/engagements/labels.ts'
import { presentEngagement } from '../src/server/engagements/present.ts'
import { presentMarking } from '../src/server/present.ts'
import { markingsFromIds } from '../src/store/contributing-markings.ts'
import type { Db } from '../src/store/database.ts'
import type { FeedEngagement } from '../src/store/engagement-calendar-store.ts'
import { fromEngagementRow } from '../src/store/engagement-store.ts'
import type { EngagementTable } from '../src/store/engagement-tables.ts'
import {
  type Engine,
  rawAnalyticsSql,
  rawEngagementListSql,
  rawPartnerFeedSql,
} from './raw-engagement-sql.ts'
import { rawPartnerDetailSql, rawPartnerListSql } from './raw-partner-sql.ts'
import { rawPartnerDetailSqlPostgres, rawPartnerListSqlPostgres } from './raw-partner-sql-postgres.ts'

// The bench's requests send no language, so the API answers its labels in English.
const englishLabels = engagementLabels('en')

/**
 * The raw yardsticks, registered on the real app's Fastify instance (one server, one socket stack,
 * the app's global hooks; called without a cookie, so authentication finds nothing to look up): each
 * route runs one prepared statement and shapes its rows, as a hand-written service would. On SQLite
 * through better-sqlite3 directly; on PostgreSQL through a pool of its own with named statements.
 */
type Row = Record<string, unknown>
export type Run = (name: string, text: string, values: readonly (string | number)[]) => Promise<Row[]>

/** Runs named statements: prepared once per text on SQLite, prepared by name per connection on PostgreSQL. */
export function statementRunner(
  db: Db,
  postgresUrl: string | null,
): { run: Run; close: () => Promise<void> } {
  if (postgresUrl !== null) {
    const pool = new pg.Pool({ connectionString: postgresUrl, max: 10 })
    return {
      run: async (name, text, values) => (await pool.query<Row>({ name, text, values: [...values] })).rows,
      close: () => pool.end(),
    }
  }
  const sqlite = db.sqlite
  if (sqlite === null) {
    throw new Error('The raw routes need SQLite or a PostgreSQL URL')
  }
  const prepared = new Map<string, Statement<unknown[], Row>>()
  return {
    run: async (name, text, values) => {
      let statement = prepared.get(name)
      if (statement === undefined) {
        statement = sqlite.prepare<unknown[], Row>(text)
        prepared.set(name, statement)
      }
      // better-sqlite3 binds numbered placeholders (?1, used more than once) by name, not position.
      return /\?\d/.test(text)
        ? statement.all(Object.fromEntries(values.map((value, index) => [index + 1, value])))
        : statement.all(...values)
    },
    close: async () => undefined,
  }
}

/** A column of comma-separated marking ids, or null. */
function markingIdList(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function sendJson(reply: FastifyReply, body: string): void {
  reply.type('application/json; charset=utf-8').send(body)
}

/** JSON arrays come back as text from SQLite and parsed from PostgreSQL. */
function jsonValue(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value
}

export const rawWindowDays = 30

export function registerRawRoutes(
  app: FastifyInstance,
  db: Db,
  postgresUrl: string | null,
): () => Promise<void> {
  const engine: Engine = postgresUrl === null ? 'sqlite' : 'postgres'
  const { run, close } = statementRunner(db, postgresUrl)
  const partnerList = engine === 'sqlite' ? rawPartnerListSql() : rawPartnerListSqlPostgres()
  const partnerDetail = engine === 'sqlite' ? rawPartnerDetailSql() : rawPartnerDetailSqlPostgres()
  const engagementList = rawEngagementListSql(engine)
  const partnerFeed = rawPartnerFeedSql(engine)
  const analytics = {
    partner: rawAnalyticsSql(engine, 'partner', rawWindowDays),
    framework: rawAnalyticsSql(engine, 'framework', rawWindowDays),
  }
  type Page = { Querystring: { limit?: string; offset?: string } }

  app.get('/bench/bare', async () => ({ ok: true, service: 'liaison' }))

  app.get<Page>('/bench/raw/partners', async (request, reply) => {
    const [row] = await run('raw-partners', partnerList, [
      Number(request.query.limit ?? 100),
      Number(request.query.offset ?? 0),
    ])
    sendJson(reply, String(row?.body))
  })

  app.get<{ Params: { code: string } }>('/bench/raw/partners/:code', async (request, reply) => {
    const [row] = await run('raw-partner', partnerDetail, [request.params.code.toUpperCase()])
    if (row === undefined) {
      reply.code(404).send({ status: 404 })
      return
    }
    sendJson(reply, String(row.body))
  })

  app.get<Page>('/bench/raw/engagements', async (request, reply) => {
    const rows = await run('raw-engagements', engagementList, [
      Number(request.query.limit ?? 50),
      Number(request.query.offset ?? 0),
    ])
    // The API's answer: each row read as a record, with its visible parent and countries, and
    // presented with the app's presenter (times at the place and in the viewer's zone, labels).
    const items = rows.map((row) =>
      presentEngagement(
        Object.assign(fromEngagementRow(row as unknown as EngagementTable), {
          parentId: typeof row.visible_parent_id === 'string' ? row.visible_parent_id : null,
          countries: jsonValue(row.countries) as string[],
        }),
        'UTC',
        englishLabels,
      ),
    )
    const first = rows[0]
    const banner = highestMarking(
      markingsFromIds(
        markingIdList(first?.counted_markings),
        ...rows.flatMap((row) => [
          markingIdList(row.participation_markings),
          markingIdList(row.parent_marking),
        ]),
      ),
    )
    sendJson(
      reply,
      JSON.stringify({ items, total: Number(first?.total ?? 0), marking: presentMarking(banner) }),
    )
  })

  app.get<{ Querystring: { partner?: string; framework?: string } }>(
    '/bench/raw/analytics',
    async (request, reply) => {
      const { partner, framework } = request.query
      const rows =
        partner === undefined
          ? await run('raw-analytics-framework', analytics.framework, [framework ?? ''])
          : await run('raw-analytics-partner', analytics.partner, [partner])
      sendJson(reply, JSON.stringify(rows))
    },
  )

  // The feed's name is the partner's; a hand-written service would know it, so it is looked up once.
  const names = new Map<string, string>()
  app.get<{ Params: { code: string } }>('/bench/raw/feed/:code', async (request, reply) => {
    const code = request.params.code.replace(/\.ics$/, '')
    let name = names.get(code)
    if (name === undefined) {
      const [row] = await run(
        'raw-country-name',
        `select name from country where code = ${engine === 'sqlite' ? '?' : '$1'}`,
        [code],
      )
      name = String(row?.name ?? code)
      names.set(code, name)
    }
    const rows = await run('raw-feed', partnerFeed, [code])
    const engagements: FeedEngagement[] = rows.map((row) => ({
      ...fromEngagementRow(row as unknown as EngagementTable),
      countries: jsonValue(row.countries) as string[],
      // The raw route marks each event by the engagement alone: less work than the API's rule
      // (participations too), so the printed ratio errs against the API.
      participationMarkings: [],
      updatedAt: String(row.updated_at),
    }))
    reply
      .type('text/calendar; charset=utf-8')
      .send(
        engagementCalendar(
          `Engagements: ${name}`,
          { engagements, scopeMarkings: [] },
          'liaison.calendar',
          new Date(),
        ),
      )
  })

  return close
}
