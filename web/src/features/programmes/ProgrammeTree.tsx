import { AddForm } from './AddForm.tsx'
import { MilestoneList } from './MilestoneList.tsx'
import { NodeRow } from './NodeRow.tsx'
import type { ProgrammeData } from './queries.ts'

/** Objectives → goals (with milestones) → activities, numbered, editable in place for editors. */
export function ProgrammeTree({ programme }: { programme: ProgrammeData }) {
  const { id, abilities } = programme
  const edit = abilities.edit
  const shared = { partner: programme.partner.code, areaOptions: programme.areaOptions }
  return (
    <>
      <ol className="programme-tree" aria-label="Objectives, goals and activities">
        {programme.objectives.map((objective, oi) => (
          <NodeRow
            key={objective.id}
            programmeId={id}
            node={objective}
            index={oi}
            siblings={programme.objectives.length}
            canEdit={edit}
            {...shared}
          >
            <ol aria-label={`Goals of objective ${objective.number}`}>
              {objective.goals.map((goal, gi) => (
                <NodeRow
                  key={goal.id}
                  programmeId={id}
                  node={goal}
                  index={gi}
                  siblings={objective.goals.length}
                  canEdit={edit}
                  {...shared}
                >
                  <MilestoneList
                    programmeId={id}
                    milestones={goal.milestones}
                    canTrack={abilities.track}
                    canEdit={edit}
                  />
                  <ol aria-label={`Activities of goal ${goal.number}`}>
                    {goal.activities.map((activity, ai) => (
                      <NodeRow
                        key={activity.id}
                        programmeId={id}
                        node={activity}
                        index={ai}
                        siblings={goal.activities.length}
                        canEdit={edit}
                        {...shared}
                      />
                    ))}
                  </ol>
                  {edit ? (
                    <p className="tree-actions">
                      <AddForm
                        programmeId={id}
                        what="nodes"
                        label={`Activity under ${goal.number}`}
                        body={(title) => ({ kind: 'activity', parentId: goal.id, title })}
                      />
                      <AddForm
                        programmeId={id}
                        what="milestones"
                        label={`Milestone for ${goal.number}`}
                        withDue
                        body={(title, due) => ({ goalId: goal.id, title, due })}
                      />
                    </p>
                  ) : null}
                </NodeRow>
              ))}
            </ol>
            {edit ? (
              <AddForm
                programmeId={id}
                what="nodes"
                label={`Goal under ${objective.number}`}
                body={(title) => ({ kind: 'goal', parentId: objective.id, title })}
              />
            ) : null}
          </NodeRow>
        ))}
      </ol>
      {edit ? (
        <AddForm
          programmeId={id}
          what="nodes"
          label="Strategic objective"
          body={(title) => ({ kind: 'objective', parentId: null, title })}
        />
      ) : null}
    </>
  )
}
