import { type ReactNode, useId, useState } from 'react'
import { ErrorState } from '../../components/states.tsx'
import { MarkingSelect, markingChoices, markingKey } from './MarkingSelect.tsx'
import { MarkingTagFor } from './MarkingTag.tsx'
import type { ActivityData } from './queries.ts'
import { useRefreshProgrammes, writeProgramme } from './queries.ts'

const kindLabels = {
  objective: 'Strategic objective',
  goal: 'Partnership goal',
  activity: 'Supporting activity',
}

/**
 * One objective, goal or activity: its number and words, and for editors inline editing, moving
 * up and down among its siblings (buttons, so it works from the keyboard) and deleting.
 */
export function NodeRow({
  programmeId,
  node,
  index,
  siblings,
  canEdit,
  partner,
  areaOptions,
  children,
}: {
  programmeId: string
  node: ActivityData
  index: number
  siblings: number
  canEdit: boolean
  partner: string
  areaOptions: ReadonlyArray<{ id: string; name: string }>
  children?: ReactNode
}) {
  const refresh = useRefreshProgrammes()
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(node.title)
  const [description, setDescription] = useState(node.description)
  const [areas, setAreas] = useState<string[]>([...node.priorityAreas])
  const [marking, setMarking] = useState(markingKey(node.marking, partner))
  const [problem, setProblem] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const path = `/${programmeId}/nodes/${node.id}`

  const run = async (work: () => Promise<void>, after?: () => void) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
      after?.()
      await refresh()
    } catch (error) {
      // The typed text stays in the form: a stale write loses nothing.
      setProblem(error)
      await refresh()
    } finally {
      setBusy(false)
    }
  }
  const save = () => {
    const chosen = markingChoices(partner).find(([key]) => key === marking)?.[2]
    const body = {
      title,
      description,
      priorityAreas: areas,
      ...(chosen === undefined ? {} : { marking: chosen }),
    }
    return run(
      () => writeProgramme('PATCH', path, body, node.version),
      () => setEditing(false),
    )
  }
  const move = (to: number) =>
    run(() => writeProgramme('POST', `${path}/move`, { parentId: node.parentId, position: to }, node.version))
  const remove = () => {
    if (window.confirm(`Delete “${node.title}” and everything under it?`)) {
      void run(() => writeProgramme('DELETE', path, undefined, node.version))
    }
  }

  return (
    <li className="tree-node" data-node-id={node.id}>
      <div className="tree-row">
        <span className="tree-number">{node.number}</span>
        <span className="tree-title" id={`${id}-title`}>
          {node.title}
        </span>
        <span className="tree-kind">{kindLabels[node.kind]}</span>
        {node.priorityAreas.map((area) => (
          <span key={area} className="area-chip">
            {area.replace(/-/g, ' ')}
          </span>
        ))}
        {node.illustrative ? <span className="tag tag-illustrative">Illustrative</span> : null}
        <MarkingTagFor marking={node.marking} />
        {canEdit && !editing ? (
          <span className="tree-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => setEditing(true)}
              aria-describedby={`${id}-title`}
            >
              Edit
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || index === 0}
              onClick={() => move(index - 1)}
              aria-label={`Move ${node.number} up`}
            >
              ↑ Up
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || index === siblings - 1}
              onClick={() => move(index + 1)}
              aria-label={`Move ${node.number} down`}
            >
              ↓ Down
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={remove}
              aria-label={`Delete ${node.number}`}
            >
              Delete
            </button>
          </span>
        ) : null}
      </div>
      {editing ? (
        <form
          className="tree-edit"
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <label htmlFor={`${id}-edit-title`}>Title of {node.number}</label>
          <input
            id={`${id}-edit-title`}
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <label htmlFor={`${id}-edit-description`}>Description</label>
          <textarea
            id={`${id}-edit-description`}
            className="input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <fieldset className="area-options">
            <legend>Priority areas</legend>
            {areaOptions.map((area) => (
              <label key={area.id} className="area-option">
                <input
                  type="checkbox"
                  checked={areas.includes(area.id)}
                  onChange={(e) =>
                    setAreas(e.target.checked ? [...areas, area.id] : areas.filter((a) => a !== area.id))
                  }
                />{' '}
                {area.name}
              </label>
            ))}
          </fieldset>
          <MarkingSelect
            id={`${id}-edit-marking`}
            partner={partner}
            current={node.marking}
            value={marking}
            onChange={setMarking}
          />
          <span className="tree-actions">
            <button type="submit" className="button" disabled={busy}>
              Save
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setEditing(false)
                setTitle(node.title)
                setDescription(node.description)
                setProblem(null)
              }}
            >
              Cancel
            </button>
          </span>
        </form>
      ) : node.description === '' ? null : (
        <p className="tree-description">{node.description}</p>
      )}
      {problem === null ? null : <ErrorState error={problem} />}
      {children}
    </li>
  )
}
