import { sql } from 'kysely'
import { earliestDay, type FuzzyDate, fromStoredOrNull } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { MembershipSpanEntry } from '../domain/membership-overlap.ts'
import type { Principal } from '../domain/principal.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { markingToColumns } from './marking-columns.ts'
import { expectWritten } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

export interface FrameworkDraft {
  readonly name: string
  readonly shortName: string
  readonly formal: boolean
  readonly started: FuzzyDate | null
  readonly description: string
  readonly source: string | null
  readonly marking: Marking
}

export interface MembershipDraft {
  readonly from: FuzzyDate | null
  readonly to: FuzzyDate | null
  readonly status: string
  readonly note: string | null
  readonly marking: Marking
}

const day = (date: FuzzyDate | null) => (date === null ? null : earliestDay(date))

function frameworkColumns(draft: FrameworkDraft) {
  return {
    name: draft.name,
    short_name: draft.shortName,
    formal: draft.formal ? 1 : 0,
    started_date: day(draft.started),
    started_precision: draft.started?.precision ?? null,
    description: draft.description,
    source: draft.source,
    ...markingToColumns(draft.marking),
  }
}

/** Whether any framework, visible or not, has the id (ids are chosen by the writer). */
export async function frameworkIdTaken(executor: Executor, id: string): Promise<boolean> {
  const row = await executor.selectFrom('framework').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}

/**
 * Takes the framework's row lock (PostgreSQL; SQLite has one writer): memberships are checked
 * against each other for overlap, so two writes to one framework must not check at once.
 */
export async function lockFramework(executor: Executor, engine: Engine, id: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select id from framework where id = ${id} for update`.execute(executor)
  }
}

export async function insertFramework(executor: Executor, id: string, draft: FrameworkDraft): Promise<void> {
  await executor
    .insertInto('framework')
    .values({ id, version: 1, ...frameworkColumns(draft) })
    .execute()
}

export async function updateFramework(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  draft: FrameworkDraft,
): Promise<number> {
  const result = await executor
    .updateTable('framework')
    .set({ ...frameworkColumns(draft), version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'framework', what: 'framework', id },
    result.numUpdatedRows,
  )
  return expected + 1
}

/**
 * Every span of the country in the framework, visible or not (overlap is a rule of the data, not of
 * a reader), each saying whether the principal may see it so a message can leave its dates out.
 */
export async function membershipSpans(
  executor: Executor,
  principal: Principal,
  frameworkId: string,
  country: string,
): Promise<(MembershipSpanEntry & { visible: boolean })[]> {
  const rows = await executor
    .selectFrom('framework_membership as m')
    .where('m.framework_id', '=', frameworkId)
    .where('m.country_code', '=', country)
    .select([
      'm.id',
      'm.from_date',
      'm.from_precision',
      'm.to_date',
      'm.to_precision',
      sql<number>`case when ${visibleTo(principal, 'm')} then 1 else 0 end`.as('visible'),
    ])
    .execute()
  return rows.map((row) => ({
    id: row.id,
    from: fromStoredOrNull(row.from_date, row.from_precision),
    to: fromStoredOrNull(row.to_date, row.to_precision),
    visible: Number(row.visible) === 1,
  }))
}

function membershipColumns(draft: MembershipDraft) {
  return {
    from_date: day(draft.from),
    from_precision: draft.from?.precision ?? null,
    to_date: day(draft.to),
    to_precision: draft.to?.precision ?? null,
    status: draft.status,
    note: draft.note,
    ...markingToColumns(draft.marking),
  }
}

export async function insertMembership(
  executor: Executor,
  id: string,
  frameworkId: string,
  country: string,
  draft: MembershipDraft,
): Promise<void> {
  await executor
    .insertInto('framework_membership')
    .values({ id, framework_id: frameworkId, country_code: country, version: 1, ...membershipColumns(draft) })
    .execute()
}

export async function updateMembership(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  draft: MembershipDraft,
): Promise<number> {
  const result = await executor
    .updateTable('framework_membership')
    .set({ ...membershipColumns(draft), version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'framework_membership', what: 'membership', id },
    result.numUpdatedRows,
  )
  return expected + 1
}
