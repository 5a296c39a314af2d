import type { ReactNode } from 'react'
import { useT } from '../../i18n/useT.ts'
import { GoalActivities } from '../cooperation/GoalActivities.tsx'
import { AddForm } from './AddForm.tsx'
import { MilestoneList } from './MilestoneList.tsx'
import { NodeRow } from './NodeRow.tsx'
import type { ActivityData, ProgrammeData } from './queries.ts'

/** What every row of one programme's tree shares. */
interface TreeScope {
  readonly programmeId: string
  readonly canEdit: boolean
  readonly partner: string
  readonly areaOptions: ProgrammeData['areaOptions']
}

/** One level of the tree: its nodes in order, each numbered among its siblings, with what hangs below. */
function Branch<N extends ActivityData>({
  label,
  className,
  nodes,
  tree,
  below,
}: {
  label: string
  className?: string
  nodes: readonly N[]
  tree: TreeScope
  below?: (node: N) => ReactNode
}) {
  return (
    <ol className={className} aria-label={label}>
      {nodes.map((node, index) => (
        <NodeRow key={node.id} node={node} index={index} siblings={nodes.length} {...tree}>
          {below?.(node)}
        </NodeRow>
      ))}
    </ol>
  )
}

/** Adds a part under `parentId` (an objective, at the top: none), for editors only. */
function AddNode({
  tree,
  kind,
  parentId,
  label,
}: {
  tree: TreeScope
  kind: ActivityData['kind']
  parentId: string | null
  label: string
}) {
  if (!tree.canEdit) return null
  return (
    <AddForm
      programmeId={tree.programmeId}
      what="nodes"
      label={label}
      body={(title) => ({ kind, parentId, title })}
    />
  )
}

/** Objectives → goals (with milestones) → activities, numbered, editable in place for editors. */
export function ProgrammeTree({ programme }: { programme: ProgrammeData }) {
  const t = useT()
  const { id, abilities } = programme
  const edit = abilities.edit
  const tree: TreeScope = {
    programmeId: id,
    canEdit: edit,
    partner: programme.partner.code,
    areaOptions: programme.areaOptions,
  }
  return (
    <>
      <Branch
        className="programme-tree"
        label={t('programmes.programmeTree.objectivesGoalsAndActivities')}
        nodes={programme.objectives}
        tree={tree}
        below={(objective) => (
          <>
            <Branch
              label={t('programmes.programmeTree.goalsOfObjective', { number: objective.number })}
              nodes={objective.goals}
              tree={tree}
              below={(goal) => (
                <>
                  <MilestoneList
                    programmeId={id}
                    milestones={goal.milestones}
                    canTrack={abilities.track}
                    canEdit={edit}
                  />
                  <Branch
                    label={t('programmes.programmeTree.activitiesOfGoal', { number: goal.number })}
                    nodes={goal.activities}
                    tree={tree}
                  />
                  <GoalActivities programmeId={id} goalId={goal.id} />
                  {edit ? (
                    <p className="tree-actions">
                      <AddNode
                        tree={tree}
                        kind="activity"
                        parentId={goal.id}
                        label={t('programmes.programmeTree.activityUnder', { number: goal.number })}
                      />
                      <AddForm
                        programmeId={id}
                        what="milestones"
                        label={t('programmes.programmeTree.milestoneFor', { number: goal.number })}
                        withDue
                        body={(title, due) => ({ goalId: goal.id, title, due })}
                      />
                    </p>
                  ) : null}
                </>
              )}
            />
            <AddNode
              tree={tree}
              kind="goal"
              parentId={objective.id}
              label={t('programmes.programmeTree.goalUnder', { number: objective.number })}
            />
          </>
        )}
      />
      <AddNode
        tree={tree}
        kind="objective"
        parentId={null}
        label={t('programmes.programmeTree.strategicObjective')}
      />
    </>
  )
}
