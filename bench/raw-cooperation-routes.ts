import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ItemFormat, ProviderKind, RequestStatus } from '../src/domain/cooperation/vocabulary.ts'
import { highestMarking, type Marking } from '../src/domain/marking.ts'
import type { Principal } from '../src/domain/principal.ts'
import { phaseAt } from '../src/server/cooperation/commands/cooperation-context.ts'
import {
  presentEvent,
  presentItem,
  presentRegistration,
  presentRequest,
} from '../src/server/cooperation/present.ts'
import { presentMarking } from '../src/server/present.ts'
import { markingFromId, markingsFromIds } from '../src/store/contributing-markings.ts'
import type { EventRecord } from '../src/store/cooperation-event-store.ts'
import { itemSummaryOf } from '../src/store/cooperation-event-store.ts'
import { providerName } from '../src/store/cooperation-item-store.ts'
import type { RegistrationRecord } from '../src/store/cooperation-registration-store.ts'
import type { RequestRecord } from '../src/store/cooperation-request-store.ts'
import { decodeList } from '../src/store/list-column.ts'
import { markingFromColumns } from '../src/store/marking-columns.ts'
import {
  rawEventSearchSql,
  rawItemSearchSql,
  rawParticipantListSql,
  rawRequestListSql,
} from './raw-cooperation-sql.ts'
import type { Engine } from './raw-engagement-sql.ts'
import type { Run } from './raw-routes.ts'

/**
 * The raw routes of the cooperation benchmark, on the real app's Fastify instance: each runs ONE
 * prepared statement (raw-cooperation-sql.ts) for a fixed viewer and shapes its rows with the app's
 * presenters, so the JSON (abilities and banner included) is the API's by construction and the
 * difference measured is the store: query building, extra statements, count and N+1 queries.
 */
type Row = Record<string, unknown>

/** The demo users the raw routes answer for, as the session would make them (demo-users.ts). */
export const rawCooperationPrincipals: Readonly<Record<'partner' | 'provider' | 'staff', Principal>> = {
  partner: {
    kind: 'partner',
    country: 'KOR',
    clearance: 'RESTRICTED',
    userId: null,
    username: 'kor',
    displayName: 'Mission of the Republic of Korea',
    roles: new Set(['partner-mission']),
  },
  provider: {
    kind: 'ally',
    country: 'FRA',
    clearance: 'CONFIDENTIAL',
    userId: null,
    username: 'fra',
    displayName: 'Delegation of France',
    roles: new Set(['delegation']),
  },
  staff: {
    kind: 'staff',
    country: null,
    clearance: 'CONFIDENTIAL',
    userId: null,
    username: 'staff',
    displayName: 'Partnership desk officer',
    roles: new Set(['desk-officer', 'administrator']),
  },
}

const text = (value: unknown): string => String(value)
const textOrNull = (value: unknown): string | null => (value === null ? null : String(value))
const idList = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** JSON arrays come back as text from SQLite and parsed from PostgreSQL; null for no rows. */
function jsonRows(value: unknown): unknown[][] {
  if (value === null || value === undefined) return []
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown[][]
}

function sendJson(reply: FastifyReply, body: unknown): void {
  reply.type('application/json; charset=utf-8').send(JSON.stringify(body))
}

function likePattern(q: string | undefined): string {
  const word = (q ?? '').trim().toLowerCase()
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function summaryOf(row: Row) {
  return itemSummaryOf({
    item_id: text(row.item_id),
    item_code: text(row.item_code),
    item_title: text(row.item_title),
    item_format: text(row.item_format),
    provider_kind: text(row.provider_kind),
    provider_code: text(row.provider_code),
    provider_country_name: textOrNull(row.provider_country_name),
    priority_areas: text(row.priority_areas),
  })
}

function markingOf(row: Row): Marking {
  return markingFromColumns({
    classification: Number(row.classification),
    releasable_to: text(row.releasable_to),
  })
}

function eventRecord(row: Row): EventRecord {
  const own = row.own_request === null ? null : text(row.own_request).split(' ')
  return {
    id: text(row.id),
    item: summaryOf(row),
    startsOn: text(row.starts_on),
    endsOn: text(row.ends_on),
    place: text(row.place),
    timeZone: text(row.time_zone),
    capacity: Number(row.capacity),
    applicationDeadline: text(row.application_deadline),
    status: text(row.status) as EventRecord['status'],
    illustrative: Number(row.illustrative) === 1,
    marking: markingOf(row),
    registered: Number(row.registered),
    waitlisted: Number(row.waitlisted),
    ownRequest: own === null ? null : { id: own[0] ?? '', status: (own[1] ?? 'requested') as RequestStatus },
    linkMarkings: [
      markingFromId(text(row.item_marking)),
      ...markingsFromIds(idList(row.registration_markings)),
    ],
    version: Number(row.version),
  }
}

function requestRecord(row: Row): RequestRecord {
  const goals = jsonRows(row.goals)
  return {
    id: text(row.id),
    event: {
      id: text(row.event_id),
      startsOn: text(row.starts_on),
      endsOn: text(row.ends_on),
      place: text(row.place),
      timeZone: text(row.time_zone),
      status: text(row.event_status) as RequestRecord['event']['status'],
      applicationDeadline: text(row.application_deadline),
    },
    item: summaryOf(row),
    partner: { code: text(row.partner_code), name: text(row.partner_name) },
    status: text(row.status) as RequestStatus,
    note: text(row.note),
    goals: goals.map(([id, title, programmeId]) => ({
      id: text(id),
      title: text(title),
      programmeId: text(programmeId),
    })),
    decision:
      row.decided_at === null
        ? null
        : {
            at: text(row.decided_at),
            by: textOrNull(row.decided_by) ?? '',
            note: textOrNull(row.decision_note) ?? '',
          },
    invitation:
      row.invitation_status === null || row.invitation_issued_at === null
        ? null
        : {
            status: text(row.invitation_status) as NonNullable<RequestRecord['invitation']>['status'],
            issuedAt: text(row.invitation_issued_at),
            message: textOrNull(row.invitation_message) ?? '',
            respondedAt: textOrNull(row.invitation_responded_at),
          },
    registered: Number(row.registered),
    waitlisted: Number(row.waitlisted),
    report:
      row.report_filed_at === null || row.report_rating === null
        ? null
        : { filedAt: text(row.report_filed_at), rating: Number(row.report_rating) },
    createdAt: text(row.created_at),
    illustrative: Number(row.illustrative) === 1,
    marking: markingOf(row),
    linkMarkings: [
      markingFromId(text(row.event_marking)),
      markingFromId(text(row.item_marking)),
      ...goals.map((goal) => markingFromId(text(goal[3]))),
    ],
    version: Number(row.version),
  }
}

function registrationRecord(row: Row): RegistrationRecord {
  return {
    id: text(row.id),
    requestId: text(row.request_id),
    eventId: text(row.event_id),
    partner: text(row.partner_code),
    provider: { kind: text(row.provider_kind) as 'member' | 'body', code: text(row.provider_code) },
    personName: text(row.person_name),
    nation: text(row.nation),
    role: text(row.role) as RegistrationRecord['role'],
    status: text(row.status) as RegistrationRecord['status'],
    queueSeq: Number(row.queue_seq),
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    illustrative: Number(row.illustrative) === 1,
    attendance: textOrNull(row.attendance) as RegistrationRecord['attendance'],
    createdAt: text(row.created_at),
    marking: markingOf(row),
    version: Number(row.version),
  }
}

type Page = { Querystring: { q?: string; limit?: string; offset?: string } }

/** Registers the raw routes; `run` executes a named statement (raw-routes.ts statementRunner). */
export function registerRawCooperationRoutes(app: FastifyInstance, engine: Engine, run: Run): void {
  const { partner, provider, staff } = rawCooperationPrincipals
  const sql = {
    items: rawItemSearchSql(engine),
    events: rawEventSearchSql(engine),
    requests: rawRequestListSql(engine),
    staffParticipants: rawParticipantListSql(engine, 'staff'),
    providerParticipants: rawParticipantListSql(engine, 'provider'),
  }
  const paging = (query: Page['Querystring']) => [Number(query.limit ?? 100), Number(query.offset ?? 0)]

  app.get<Page>('/bench/raw/coop/items', async (request, reply) => {
    const rows = await run('raw-coop-items', sql.items, [
      likePattern(request.query.q),
      ...paging(request.query),
    ])
    const items = rows.map((row) => {
      const eligibility = jsonRows(row.eligibility)
      return presentItem(partner, {
        id: text(row.id),
        code: text(row.code),
        title: text(row.title),
        description: text(row.description),
        provider: {
          kind: text(row.provider_kind) as ProviderKind,
          code: text(row.provider_code),
          name: providerName(
            text(row.provider_kind),
            text(row.provider_code),
            textOrNull(row.provider_country_name),
          ),
        },
        format: text(row.format) as ItemFormat,
        priorityAreas: decodeList(text(row.priority_areas)),
        languages: decodeList(text(row.languages)),
        eligibility: {
          partners: eligibility.filter(([kind]) => kind === 'partner').map(([, code]) => text(code)),
          frameworks: eligibility.filter(([kind]) => kind === 'framework').map(([, code]) => text(code)),
        },
        // Every item Korea is shown is one it may request (itemVisibleTo).
        eligibleForMe: true,
        illustrative: Number(row.illustrative) === 1,
        createdAt: text(row.created_at),
        marking: markingOf(row),
        version: Number(row.version),
      })
    })
    const first = rows[0]
    sendJson(reply, {
      items,
      total: Number(first?.total ?? 0),
      marking: presentMarking(highestMarking(markingsFromIds(idList(first?.ids)))),
    })
  })

  app.get<Page>('/bench/raw/coop/events', async (request, reply) => {
    const rows = await run('raw-coop-events', sql.events, [
      likePattern(request.query.q),
      ...paging(request.query),
    ])
    const records = rows.map(eventRecord)
    const now = new Date()
    const first = rows[0]
    const markings = [
      ...markingsFromIds(idList(first?.event_ids), idList(first?.item_ids)),
      ...records.flatMap((record) => record.linkMarkings),
    ]
    sendJson(reply, {
      items: records.map((record) => presentEvent(partner, record, now)),
      total: Number(first?.total ?? 0),
      marking: presentMarking(highestMarking(markings)),
    })
  })

  app.get<Page>('/bench/raw/coop/requests', async (request, reply) => {
    const rows = await run('raw-coop-requests', sql.requests, paging(request.query))
    const records = rows.map(requestRecord)
    const now = new Date()
    const first = rows[0]
    const markings = [
      ...markingsFromIds(idList(first?.request_ids), idList(first?.event_ids), idList(first?.item_ids)),
      ...records.flatMap((record) => record.linkMarkings),
    ]
    sendJson(reply, {
      items: records.map((record) => presentRequest(partner, record, now)),
      total: Number(first?.total ?? 0),
      marking: presentMarking(highestMarking(markings)),
    })
  })

  for (const [viewer, principal, statement] of [
    ['staff', staff, sql.staffParticipants],
    ['provider', provider, sql.providerParticipants],
  ] as const) {
    app.get<Page & { Params: { id: string } }>(
      `/bench/raw/coop/${viewer}/events/:id/registrations`,
      async (request, reply) => {
        const rows = await run(`raw-coop-participants-${viewer}`, statement, [
          request.params.id,
          ...paging(request.query),
        ])
        const first = rows[0]
        if (first === undefined) {
          // The benchmark's event is visible and has participants; an empty page is not measured.
          reply.code(404).send({ status: 404 })
          return
        }
        const phase = phaseAt(
          {
            status: text(first.event_status) as EventRecord['status'],
            startsOn: text(first.starts_on),
            endsOn: text(first.ends_on),
            applicationDeadline: text(first.application_deadline),
            timeZone: text(first.time_zone),
          },
          new Date(),
        )
        sendJson(reply, {
          items: rows.map((row) => presentRegistration(principal, registrationRecord(row), phase)),
          total: Number(first.total),
          marking: presentMarking(highestMarking(markingsFromIds(idList(first.ids)))),
        })
      },
    )
  }
}
