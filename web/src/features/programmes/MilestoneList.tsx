import { useId, useState } from 'react'
import { ErrorState } from '../../components/states.tsx'
import { MarkingTagFor } from './MarkingTag.tsx'
import { healthLabels, type MilestoneData, useRefreshProgrammes, writeProgramme } from './queries.ts'

const statuses: ReadonlyArray<MilestoneData['status']> = ['planned', 'in-progress', 'done', 'cancelled']

export function HealthBadge({ health }: { health: MilestoneData['health'] }) {
  return <span className={`health health-${health}`}>{healthLabels[health]}</span>
}

/** The milestones of one goal with due dates, derived health, and a status picker for editors. */
export function MilestoneList({
  programmeId,
  milestones,
  canTrack,
}: {
  programmeId: string
  milestones: readonly MilestoneData[]
  canTrack: boolean
}) {
  if (milestones.length === 0) return null
  return (
    <ul className="milestone-list" aria-label="Milestones">
      {milestones.map((milestone) => (
        <MilestoneItem
          key={milestone.id}
          programmeId={programmeId}
          milestone={milestone}
          canTrack={canTrack}
        />
      ))}
    </ul>
  )
}

function MilestoneItem({
  programmeId,
  milestone,
  canTrack,
}: {
  programmeId: string
  milestone: MilestoneData
  canTrack: boolean
}) {
  const refresh = useRefreshProgrammes()
  const [problem, setProblem] = useState<unknown>(null)
  const id = useId()
  return (
    <li className="milestone-item" data-milestone-id={milestone.id}>
      <span aria-hidden="true">◆</span>
      <span>{milestone.title}</span>
      <span className="muted">
        due <time dateTime={milestone.due}>{milestone.due}</time>
      </span>
      <HealthBadge health={milestone.health} />
      <MarkingTagFor marking={milestone.marking} />
      {canTrack ? (
        <>
          <label htmlFor={`${id}-status`} className="visually-hidden">
            Status of {milestone.title}
          </label>
          <select
            id={`${id}-status`}
            className="input"
            value={milestone.status}
            onChange={async (event) => {
              setProblem(null)
              try {
                await writeProgramme(
                  'PATCH',
                  `/${programmeId}/milestones/${milestone.id}`,
                  { status: event.target.value },
                  milestone.version,
                )
              } catch (error) {
                setProblem(error)
              }
              await refresh()
            }}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span className="muted">{milestone.status}</span>
      )}
      {problem === null ? null : <ErrorState error={problem} />}
    </li>
  )
}
