import { randomUUID } from 'node:crypto'
import { DomainError, staleVersion } from '../domain/errors.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { Milestone, MilestoneStatus } from '../domain/programme.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import { toMilestoneStatus } from './programme-tree-store.ts'

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

/** Stores a milestone on a goal, stamped `revision`. Milestones are ordered by due date: no position. */
export async function insertMilestone(
  tx: Executor,
  programmeId: string,
  input: MilestoneInput,
  revision: number,
  options: { id?: string; illustrative?: boolean } = {},
): Promise<string> {
  const id = options.id ?? randomUUID()
  await tx
    .insertInto('programme_milestone')
    .values({
      id,
      programme_id: programmeId,
      goal_id: input.goalId,
      title: input.title,
      due: input.due,
      status: input.status,
      illustrative: options.illustrative === true ? 1 : 0,
      version: 1,
      programme_revision: revision,
      ...markingToColumns(input.marking),
    })
    .execute()
  return id
}

/** Replaces a milestone's fields if it is still at `expectedVersion` (a move to another goal is a change of goalId). */
export async function updateMilestoneRow(
  tx: Executor,
  milestone: Milestone,
  expectedVersion: number,
  input: MilestoneInput,
  revision: number,
): Promise<void> {
  const result = await tx
    .updateTable('programme_milestone')
    .set((eb) => ({
      goal_id: input.goalId,
      title: input.title,
      due: input.due,
      status: input.status,
      ...markingToColumns(input.marking),
      version: eb('version', '+', 1),
      programme_revision: revision,
    }))
    .where('id', '=', milestone.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw staleVersion('milestone', milestone.version)
}

export async function deleteMilestoneRow(
  tx: Executor,
  milestone: Milestone,
  expectedVersion: number,
): Promise<void> {
  const result = await tx
    .deleteFrom('programme_milestone')
    .where('id', '=', milestone.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(result.numDeletedRows) === 0) throw staleVersion('milestone', milestone.version)
}
