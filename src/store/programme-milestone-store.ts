import { randomUUID } from 'node:crypto'
import { DomainError, staleVersion } from '../domain/errors.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { assertMarkingWithin, type Milestone, type MilestoneStatus } from '../domain/programme.ts'
import { recordAudit } from './audit-store.ts'
import type { Db } from './database.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import { bumpProgramme, invalidField, type ProgrammeRecord } from './programme-store.ts'
import { requireVisibleNode, toMilestoneStatus } from './programme-tree-store.ts'

export interface MilestoneInput {
  readonly goalId: string
  readonly title: string
  readonly due: string
  readonly status: MilestoneStatus
  readonly marking: Marking
}

export async function requireVisibleMilestone(
  db: Executor,
  principal: Principal,
  programmeId: string,
  id: string,
): Promise<Milestone> {
  const row = await db
    .selectFrom('programme_milestone as m')
    .selectAll('m')
    .where('m.programme_id', '=', programmeId)
    .where('m.id', '=', id)
    .where(programmePartVisibleTo(principal, 'm'))
    .executeTakeFirst()
  if (row === undefined) {
    throw new DomainError('not-found', `The programme has no milestone with the id ${id}.`)
  }
  return {
    id: row.id,
    goalId: row.goal_id,
    title: row.title,
    due: row.due,
    status: toMilestoneStatus(row.status),
    illustrative: Number(row.illustrative) === 1,
    marking: markingFromColumns(row),
    version: Number(row.version),
  }
}

/** Adds a milestone to a goal. Milestones are ordered by due date, so there is no position. */
export async function insertMilestone(
  db: Db,
  principal: Principal,
  programme: ProgrammeRecord,
  input: MilestoneInput,
  now: Date,
  options: { id?: string; illustrative?: boolean } = {},
): Promise<string> {
  const id = options.id ?? randomUUID()
  await db.kysely.transaction().execute(async (tx) => {
    await assertGoal(tx, principal, programme, input)
    await tx
      .insertInto('programme_milestone')
      .values({
        id,
        programme_id: programme.id,
        goal_id: input.goalId,
        title: input.title,
        due: input.due,
        status: input.status,
        illustrative: options.illustrative === true ? 1 : 0,
        version: 1,
        ...markingToColumns(input.marking),
      })
      .execute()
    await bumpProgramme(tx, programme.id, null, now)
    await recordAudit(tx, principal, { action: 'create', entity: 'programme_milestone', entityId: id }, now)
  })
  return id
}

/** Replaces a milestone's fields (a move to another goal is a change of goalId). */
export async function updateMilestone(
  db: Db,
  principal: Principal,
  programme: ProgrammeRecord,
  milestone: Milestone,
  expectedVersion: number,
  input: MilestoneInput,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await assertGoal(tx, principal, programme, input)
    const result = await tx
      .updateTable('programme_milestone')
      .set((eb) => ({
        goal_id: input.goalId,
        title: input.title,
        due: input.due,
        status: input.status,
        ...markingToColumns(input.marking),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', milestone.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) throw staleVersion('milestone', milestone.version)
    await bumpProgramme(tx, programme.id, null, now)
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'programme_milestone',
        entityId: milestone.id,
        details: { status: input.status },
      },
      now,
    )
  })
}

export async function deleteMilestone(
  db: Db,
  principal: Principal,
  programme: ProgrammeRecord,
  milestone: Milestone,
  expectedVersion: number,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const result = await tx
      .deleteFrom('programme_milestone')
      .where('id', '=', milestone.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) throw staleVersion('milestone', milestone.version)
    await bumpProgramme(tx, programme.id, null, now)
    await recordAudit(
      tx,
      principal,
      { action: 'delete', entity: 'programme_milestone', entityId: milestone.id },
      now,
    )
  })
}

async function assertGoal(
  tx: Executor,
  principal: Principal,
  programme: ProgrammeRecord,
  input: MilestoneInput,
): Promise<void> {
  const goal = await requireVisibleNode(tx, principal, programme.id, input.goalId, 'goalId')
  if (goal.kind !== 'goal') {
    throw invalidField('goalId', 'Milestones belong to partnership goals')
  }
  assertMarkingWithin(input.marking, goal.marking, 'milestone')
}
