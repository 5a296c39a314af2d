import { type ExpressionBuilder, sql } from 'kysely'
import { type FuzzyDate, fromStoredOrNull } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { distinctMarkingIds, markingsFromIds } from './contributing-markings.ts'
import type { Database, Db, Engine, FrameworkTable } from './database.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns } from './marking-columns.ts'
import { memberStatuses } from './partner-store.ts'
import { visibleTo } from './visibility.ts'

export interface FrameworkRecord {
  readonly id: string
  readonly name: string
  readonly shortName: string
  readonly formal: boolean
  readonly started: FuzzyDate | null
  readonly description: string
  readonly source: string | null
  readonly marking: Marking
  readonly memberCount: number
  readonly version: number
  /** The markings of the memberships counted in `memberCount`. */
  readonly memberMarkings: readonly Marking[]
}

export interface MembershipRecord {
  readonly id: string
  readonly frameworkId: string
  readonly version: number
  readonly code: string
  readonly name: string
  readonly from: FuzzyDate | null
  readonly to: FuzzyDate | null
  readonly status: string
  readonly note: string | null
  readonly marking: Marking
}

function selectFrameworks(executor: Executor, engine: Engine, principal: Principal) {
  const currentMembers = (eb: ExpressionBuilder<Database & { f: FrameworkTable }, 'f'>) =>
    eb
      .selectFrom('framework_membership as m')
      .whereRef('m.framework_id', '=', 'f.id')
      .where('m.to_date', 'is', null)
      .where('m.status', 'in', memberStatuses)
      .where(visibleTo(principal, 'm'))
  return executor
    .selectFrom('framework as f')
    .where(visibleTo(principal, 'f'))
    .selectAll('f')
    .select((eb) => [
      currentMembers(eb).select(sql<number>`cast(count(*) as integer)`.as('n')).as('member_count'),
      // The memberships counted are part of the answer: their markings go into its banner.
      currentMembers(eb).select(distinctMarkingIds(engine, 'm.marking_id').as('ids')).as('member_markings'),
    ])
}

type FrameworkRow = Awaited<ReturnType<ReturnType<typeof selectFrameworks>['executeTakeFirstOrThrow']>>

function toFrameworkRecord(row: FrameworkRow): FrameworkRecord {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    formal: Number(row.formal) === 1,
    started: fromStoredOrNull(row.started_date, row.started_precision),
    description: row.description,
    source: row.source,
    marking: markingFromColumns(row),
    memberCount: Number(row.member_count ?? 0),
    version: Number(row.version),
    memberMarkings: markingsFromIds(row.member_markings),
  }
}

/** The frameworks the principal may see, formal ones first, with their visible current member count. */
export async function listVisibleFrameworks(db: Db, principal: Principal): Promise<FrameworkRecord[]> {
  const rows = await selectFrameworks(db.kysely, db.engine, principal)
    .orderBy('f.formal', 'desc')
    .orderBy('f.name')
    .execute()
  return rows.map(toFrameworkRecord)
}

export async function findVisibleFramework(
  db: Db,
  principal: Principal,
  id: string,
): Promise<FrameworkRecord | null> {
  return findVisibleFrameworkIn(db.kysely, db.engine, principal, id)
}

/** The same, inside a command's transaction. */
export async function findVisibleFrameworkIn(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  id: string,
): Promise<FrameworkRecord | null> {
  const row = await selectFrameworks(executor, engine, principal).where('f.id', '=', id).executeTakeFirst()
  return row === undefined ? null : toFrameworkRecord(row)
}

function selectMemberships(executor: Executor, principal: Principal) {
  return executor
    .selectFrom('framework_membership as m')
    .innerJoin('country as c', 'c.code', 'm.country_code')
    .where(visibleTo(principal, 'm'))
    .select([
      'm.id',
      'm.framework_id',
      'm.version',
      'm.country_code',
      'c.name',
      'm.from_date',
      'm.from_precision',
      'm.to_date',
      'm.to_precision',
      'm.status',
      'm.note',
      'm.classification',
      'm.releasable_to',
    ])
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof selectMemberships>['execute']>>[number]

/** Every membership span of the framework that the principal may see, earliest first. */
export async function listVisibleMemberships(
  executor: Executor,
  principal: Principal,
  frameworkId: string,
): Promise<MembershipRecord[]> {
  const rows = await selectMemberships(executor, principal)
    .where('m.framework_id', '=', frameworkId)
    .orderBy('c.name')
    .orderBy('m.from_date')
    .orderBy('m.id')
    .execute()
  return rows.map(toMembershipRecord)
}

/** One membership of the framework, or null when it is missing or hidden. */
export async function findVisibleMembership(
  executor: Executor,
  principal: Principal,
  frameworkId: string,
  id: string,
): Promise<MembershipRecord | null> {
  const row = await selectMemberships(executor, principal)
    .where('m.framework_id', '=', frameworkId)
    .where('m.id', '=', id)
    .executeTakeFirst()
  return row === undefined ? null : toMembershipRecord(row)
}

function toMembershipRecord(row: MembershipRow): MembershipRecord {
  return {
    id: row.id,
    frameworkId: row.framework_id,
    version: Number(row.version),
    code: row.country_code,
    name: row.name,
    from: fromStoredOrNull(row.from_date, row.from_precision),
    to: fromStoredOrNull(row.to_date, row.to_precision),
    status: row.status,
    note: row.note,
    marking: markingFromColumns(row),
  }
}
