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
  canEdit,
}: {
  programmeId: string
  milestones: readonly MilestoneData[]
  canTrack: boolean
  canEdit: boolean
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
          canEdit={canEdit}
        />
      ))}
    </ul>
  )
}

function MilestoneItem({
  programmeId,
  milestone,
  canTrack,
  canEdit,
}: {
  programmeId: string
  milestone: MilestoneData
  canTrack: boolean
  canEdit: boolean
}) {
  const refresh = useRefreshProgrammes()
  const [problem, setProblem] = useState<unknown>(null)
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(milestone.title)
  const [due, setDue] = useState(milestone.due)
  const id = useId()
  const path = `/${programmeId}/milestones/${milestone.id}`
  const write = async (method: 'PATCH' | 'DELETE', body: unknown) => {
    setProblem(null)
    try {
      await writeProgramme(method, path, body, milestone.version)
      setEditing(false)
    } catch (error) {
      // What was typed stays in the form.
      setProblem(error)
    }
    await refresh()
  }
  if (editing) {
    return (
      <li className="milestone-item">
        <form
          className="tree-edit"
          onSubmit={(event) => {
            event.preventDefault()
            void write('PATCH', { title, due })
          }}
        >
          <label htmlFor={`${id}-title`}>Milestone title</label>
          <input
            id={`${id}-title`}
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <label htmlFor={`${id}-due`}>Due date</label>
          <input
            id={`${id}-due`}
            className="input"
            type="date"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            required
          />
          <span className="tree-actions">
            <button type="submit" className="button">
              Save
            </button>
            <button type="button" className="button secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </span>
          {problem === null ? null : <ErrorState error={problem} />}
        </form>
      </li>
    )
  }
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
      {canEdit ? (
        <span className="tree-actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => setEditing(true)}
            aria-label={`Edit milestone ${milestone.title}`}
          >
            Edit
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={`Delete milestone ${milestone.title}`}
            onClick={() => {
              if (window.confirm(`Delete the milestone “${milestone.title}”?`))
                void write('DELETE', undefined)
            }}
          >
            Delete
          </button>
        </span>
      ) : null}
      {problem === null ? null : <ErrorState error={problem} />}
    </li>
  )
}
