import type { z } from 'zod'
import type { MilestoneCreate, MilestonePatch } from '../../../contract/programme.ts'
import { staleVersion } from '../../../domain/errors.ts'
import { type Marking, sameMarking } from '../../../domain/marking.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { assertMarkingWithin } from '../../../domain/programme.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import type { Executor } from '../../../store/executor.ts'
import {
  deleteMilestoneRow,
  insertMilestone,
  requireVisibleMilestone,
  updateMilestoneRow,
} from '../../../store/programme-milestone-store.ts'
import { nextRevision, recordTombstone } from '../../../store/programme-revision-store.ts'
import { invalidField } from '../../../store/programme-store.ts'
import { requireVisibleNode } from '../../../store/programme-tree-store.ts'
import { toMarking } from './marking-input.ts'
import { inProgrammeTransaction, openProgramme, programmeResource } from './open-programme.ts'

interface MilestoneRef {
  readonly programmeId: string
  readonly milestoneId: string
}

/** Adds a milestone to a goal. Returns its id. */
export async function addMilestone(
  db: Db,
  principal: Principal,
  input: { programmeId: string; milestone: z.infer<typeof MilestoneCreate> },
  _expected: null,
  now: Date,
): Promise<string> {
  return inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    const { milestone } = input
    const goal = await requireGoal(tx, principal, programme.id, milestone.goalId)
    const marking =
      milestone.marking === undefined ? goal.marking : toMarking(principal, milestone.marking, goal.marking)
    assertMarkingWithin(marking, goal.marking, 'milestone')
    const revision = await nextRevision(tx, programme.id, now)
    const id = await insertMilestone(tx, programme.id, { ...milestone, marking }, revision)
    await recordAudit(tx, principal, { action: 'create', entity: 'programme_milestone', entityId: id }, now)
    return id
  })
}

/**
 * Changes a milestone. A status-only change is progress tracking, allowed until the programme is
 * superseded; any other change is a change of the text.
 */
export async function changeMilestone(
  db: Db,
  principal: Principal,
  input: MilestoneRef & { patch: z.infer<typeof MilestonePatch> },
  expected: number,
  now: Date,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    const milestone = await requireVisibleMilestone(tx, principal, programme.id, input.milestoneId)
    const { patch } = input
    const change = {
      goalId: patch.goalId ?? milestone.goalId,
      title: patch.title ?? milestone.title,
      due: patch.due ?? milestone.due,
      status: patch.status ?? milestone.status,
      marking:
        patch.marking === undefined
          ? milestone.marking
          : toMarking(principal, patch.marking, milestone.marking),
    }
    const onlyStatus =
      change.goalId === milestone.goalId &&
      change.title === milestone.title &&
      change.due === milestone.due &&
      patch.marking === undefined
    authorize(principal, onlyStatus ? 'programme.track' : 'programme.edit', programmeResource(programme))
    const goal = await requireGoal(tx, principal, programme.id, change.goalId)
    assertMarkingWithin(change.marking, goal.marking, 'milestone')
    const revision = await nextRevision(tx, programme.id, now)
    await updateMilestoneRow(tx, milestone, expected, change, revision)
    if (!sameMarking(change.marking, milestone.marking)) {
      await recordTombstone(tx, programme.id, milestone.marking, revision)
    }
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'programme_milestone',
        entityId: milestone.id,
        details: { status: change.status },
      },
      now,
    )
  })
}

export async function deleteMilestone(
  db: Db,
  principal: Principal,
  input: MilestoneRef,
  expected: number,
  now: Date,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    const milestone = await requireVisibleMilestone(tx, principal, programme.id, input.milestoneId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    if (milestone.version !== expected) throw staleVersion('milestone', milestone.version)
    await deleteMilestoneRow(tx, milestone, expected)
    await recordTombstone(tx, programme.id, milestone.marking, await nextRevision(tx, programme.id, now))
    await recordAudit(
      tx,
      principal,
      { action: 'delete', entity: 'programme_milestone', entityId: milestone.id },
      now,
    )
  })
}

/** The visible goal a milestone hangs on; 400 naming goalId when it is not a goal. */
async function requireGoal(
  tx: Executor,
  principal: Principal,
  programmeId: string,
  goalId: string,
): Promise<{ marking: Marking }> {
  const goal = await requireVisibleNode(tx, principal, programmeId, goalId, 'goalId')
  if (goal.kind !== 'goal') {
    throw invalidField('goalId', 'Milestones belong to partnership goals')
  }
  return goal
}
