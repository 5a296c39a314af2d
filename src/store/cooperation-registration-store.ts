import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Attendance, ParticipantRole, RegistrationStatus } from '../domain/cooperation/vocabulary.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import { distinctMarkingIds, markingsFromIds } from './contributing-markings.ts'
import { cooperationScope, cooperationShape } from './cooperation-scope.ts'
import './cooperation-tables.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { expectWritten } from './versioned-row.ts'

const compiledQueries = new CompiledQueryCache()

export interface RegistrationRecord {
  readonly id: string
  readonly requestId: string
  readonly eventId: string
  readonly partner: string
  readonly provider: { readonly kind: 'member' | 'body'; readonly code: string }
  readonly personName: string
  readonly nation: string
  readonly role: ParticipantRole
  readonly status: RegistrationStatus
  readonly queueSeq: number
  /** Place among the waiting registrations the reader may see, from 1. */
  readonly waitlistPosition: number | null
  readonly attendance: Attendance | null
  readonly createdAt: string
  /** Demo content, not an actual participant. */
  readonly illustrative: boolean
  readonly marking: Marking
  readonly version: number
}

const columns = [
  'g.id',
  'g.request_id',
  'g.event_id',
  'g.partner_code',
  'g.provider_kind',
  'g.provider_code',
  'g.person_name',
  'g.nation',
  'g.role',
  'g.status',
  'g.queue_seq',
  'g.attendance',
  'g.created_at',
  'g.illustrative',
  'g.version',
  'g.classification',
  'g.releasable_to',
] as const

function selectRegistrations(executor: Executor, principal: Principal) {
  return executor.selectFrom('coop_registration as g').where(cooperationScope(principal, 'g')).select(columns)
}

type RegistrationRow = Awaited<ReturnType<ReturnType<typeof selectRegistrations>['execute']>>[number]

function toRecord(row: RegistrationRow, waitlistPosition: number | null): RegistrationRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    eventId: row.event_id,
    partner: row.partner_code,
    provider: { kind: row.provider_kind as 'member' | 'body', code: row.provider_code },
    personName: row.person_name,
    nation: row.nation,
    role: row.role as ParticipantRole,
    status: row.status as RegistrationStatus,
    queueSeq: Number(row.queue_seq),
    waitlistPosition,
    attendance: row.attendance as Attendance | null,
    createdAt: row.created_at,
    illustrative: Number(row.illustrative) === 1,
    marking: markingFromColumns(row),
    version: Number(row.version),
  }
}

/** A waiting registration's place among those the reader may see, counted in SQL. */
async function positionOf(
  executor: Executor,
  principal: Principal,
  row: RegistrationRow,
): Promise<number | null> {
  if (row.status !== 'waitlisted') return null
  const ahead = await executor
    .selectFrom('coop_registration as g')
    .where('g.event_id', '=', row.event_id)
    .where('g.status', '=', 'waitlisted')
    .where('g.queue_seq', '<', Number(row.queue_seq))
    .where(cooperationScope(principal, 'g'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(ahead.n) + 1
}

export async function findVisibleRegistration(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<RegistrationRecord | null> {
  const row = await selectRegistrations(executor, principal).where('g.id', '=', id).executeTakeFirst()
  return row === undefined ? null : toRecord(row, await positionOf(executor, principal, row))
}

export interface RegistrationFilter {
  readonly request?: string | undefined
  readonly status?: RegistrationStatus | undefined
  readonly limit: number
  readonly offset: number
}

function conditions(
  alias: string,
  eventId: string,
  filter: Omit<RegistrationFilter, 'limit' | 'offset'>,
): RawBuilder<SqlBool>[] {
  const ref = (column: string) => sql.ref(`${alias}.${column}`)
  const found: RawBuilder<SqlBool>[] = [sql<SqlBool>`${ref('event_id')} = ${eventId}`]
  if (filter.request !== undefined) found.push(sql<SqlBool>`${ref('request_id')} = ${filter.request}`)
  if (filter.status !== undefined) found.push(sql<SqlBool>`${ref('status')} = ${filter.status}`)
  return found
}

/** The visible registrations of the filter (conditions over the alias `c`), to count. */
function countedOver(executor: Executor, principal: Principal, where: RawBuilder<SqlBool>[]) {
  let count = executor.selectFrom('coop_registration as c').where(cooperationScope(principal, 'c'))
  for (const condition of where) count = count.where(condition)
  return count
}

/**
 * An event's participants the reader may see, in arrival order, with the total and markings. The
 * waiting positions are ranks among the visible waiting rows, so they reveal no one else's. The
 * total and markings ride on the page's statement (one round trip, as a hand-written query would
 * do); only an empty page asks for them separately, so past the last page the total stays true.
 */
export async function listVisibleRegistrations(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  eventId: string,
  filter: RegistrationFilter,
): Promise<{ items: RegistrationRecord[]; total: number; markings: Marking[] }> {
  const counted = conditions('c', eventId, filter)
  // Only the filters given are bound (the cache binds every name it is handed).
  const params = {
    eventId,
    limit: filter.limit,
    offset: filter.offset,
    ...(filter.request === undefined ? {} : { request: filter.request }),
    ...(filter.status === undefined ? {} : { status: filter.status }),
  }
  const key = `registrations:${cooperationShape(principal)}:${filter.request !== undefined}:${filter.status !== undefined}`
  const compiled = compiledQueries.bindOn(executor, engine, key, params, (bound) => {
    const where = conditions('c', bound.eventId, bound)
    let page = selectRegistrations(executor, principal).select([
      sql<
        string | number | null
      >`case when g.status = 'waitlisted' then (select count(*) from coop_registration as w
        where w.event_id = g.event_id and w.status = 'waitlisted' and w.queue_seq <= g.queue_seq
        and ${cooperationScope(principal, 'w')}) else null end`.as('waitlist_position'),
      countedOver(executor, principal, where)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .$asScalar()
        .as('total'),
      countedOver(executor, principal, where)
        .select(distinctMarkingIds(engine, 'c.marking_id').as('ids'))
        .$asScalar()
        .as('ids'),
    ])
    for (const condition of conditions('g', bound.eventId, bound)) page = page.where(condition)
    return page.orderBy('g.queue_seq').orderBy('g.id').limit(bound.limit).offset(bound.offset)
  })
  const { rows } = await executor.executeQuery(compiled)
  const first = rows[0]
  const total =
    first === undefined
      ? await countedOver(executor, principal, counted)
          .select((eb) => [
            eb.fn.countAll<number | string>().as('total'),
            distinctMarkingIds(engine, 'c.marking_id').as('ids'),
          ])
          .executeTakeFirstOrThrow()
      : { total: first.total, ids: first.ids }
  return {
    items: rows.map((row) =>
      toRecord(row, row.waitlist_position === null ? null : Number(row.waitlist_position)),
    ),
    total: Number(total.total ?? 0),
    markings: markingsFromIds(total.ids),
  }
}

export interface NewRegistration {
  readonly id: string
  readonly requestId: string
  readonly eventId: string
  readonly partner: string
  readonly provider: { readonly kind: string; readonly code: string }
  readonly personName: string
  readonly nation: string
  readonly role: ParticipantRole
  readonly status: RegistrationStatus
  readonly queueSeq: number
  readonly marking: Marking
  /** Only the demo loader sets it. */
  readonly illustrative?: boolean
}

export async function insertRegistration(
  executor: Executor,
  registration: NewRegistration,
  now: Date,
): Promise<void> {
  await executor
    .insertInto('coop_registration')
    .values({
      id: registration.id,
      request_id: registration.requestId,
      event_id: registration.eventId,
      partner_code: registration.partner,
      provider_kind: registration.provider.kind,
      provider_code: registration.provider.code,
      person_name: registration.personName,
      nation: registration.nation,
      role: registration.role,
      status: registration.status,
      queue_seq: registration.queueSeq,
      attendance: null,
      illustrative: registration.illustrative === true ? 1 : 0,
      version: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...markingToColumns(registration.marking),
    })
    .execute()
}

/** Writes a registration's status or attendance under its version; returns the new version. */
export async function updateRegistration(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  change: { readonly status?: RegistrationStatus; readonly attendance?: Attendance },
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('coop_registration')
    .set({
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.attendance === undefined ? {} : { attendance: change.attendance }),
      version: expected + 1,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'coop_registration', what: 'registration', id },
    result.numUpdatedRows,
  )
  return expected + 1
}

/** The event's waiting registrations in arrival order (every one: the system promotes, not a reader). */
export async function waitingQueue(executor: Executor, eventId: string): Promise<{ id: string }[]> {
  return executor
    .selectFrom('coop_registration')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('queue_seq')
    .execute()
}

/** Moves waiting registrations to a seat, as the system does when one frees (no If-Match). */
export async function promote(executor: Executor, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return
  await executor
    .updateTable('coop_registration')
    .set((eb) => ({ status: 'registered', version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('id', 'in', [...ids])
    .execute()
}

/** Cancels every live registration of a withdrawn request; returns whether a seat was freed. */
export async function cancelAllOfRequest(executor: Executor, requestId: string, now: Date): Promise<boolean> {
  const seated = await executor
    .selectFrom('coop_registration')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', '=', 'registered')
    .executeTakeFirst()
  await executor
    .updateTable('coop_registration')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('request_id', '=', requestId)
    .where('status', '<>', 'cancelled')
    .execute()
  return seated !== undefined
}
