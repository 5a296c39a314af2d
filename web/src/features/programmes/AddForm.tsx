import { useId, useState } from 'react'
import { ErrorState } from '../../components/states.tsx'
import { useRefreshProgrammes, writeProgramme } from './queries.ts'

/** A small inline form that adds an objective, goal, activity or milestone. */
export function AddForm({
  programmeId,
  what,
  label,
  body,
  withDue = false,
}: {
  programmeId: string
  what: 'nodes' | 'milestones'
  label: string
  body: (title: string, due: string) => unknown
  withDue?: boolean
}) {
  const refresh = useRefreshProgrammes()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [due, setDue] = useState('')
  const [problem, setProblem] = useState<unknown>(null)
  const id = useId()
  if (!open) {
    return (
      <button type="button" className="button secondary mini-button" onClick={() => setOpen(true)}>
        + {label}
      </button>
    )
  }
  return (
    <form
      className="tree-edit"
      onSubmit={async (event) => {
        event.preventDefault()
        setProblem(null)
        try {
          await writeProgramme('POST', `/${programmeId}/${what}`, body(title, due), null)
          setTitle('')
          setDue('')
          setOpen(false)
          await refresh()
        } catch (error) {
          setProblem(error)
        }
      }}
    >
      <label htmlFor={`${id}-title`}>{label}: title</label>
      <input
        id={`${id}-title`}
        className="input"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
      />
      {withDue ? (
        <>
          <label htmlFor={`${id}-due`}>Due date</label>
          <input
            id={`${id}-due`}
            className="input"
            type="date"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            required
          />
        </>
      ) : null}
      <span className="tree-actions">
        <button type="submit" className="button">
          Add
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </span>
      {problem === null ? null : <ErrorState error={problem} />}
    </form>
  )
}
