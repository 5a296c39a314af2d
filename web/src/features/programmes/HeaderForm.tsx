import { useState } from 'react'
import { Field } from '../../components/Field.tsx'
import { ErrorState } from '../../components/states.tsx'
import { isApiProblem } from '../../lib/api.ts'
import { type ProgrammeData, useRefreshProgrammes, writeProgramme } from './queries.ts'

/** Edits the programme's title, period, next review and public-diplomacy element (If-Match on its version). */
export function HeaderForm({ programme }: { programme: ProgrammeData }) {
  const refresh = useRefreshProgrammes()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(programme.title)
  const [periodFrom, setPeriodFrom] = useState(programme.period.from.date)
  const [periodTo, setPeriodTo] = useState(programme.period.to.date)
  const [nextReview, setNextReview] = useState(programme.nextReview ?? '')
  const [publicDiplomacy, setPublicDiplomacy] = useState(programme.publicDiplomacy)
  const [problem, setProblem] = useState<unknown>(null)
  if (!programme.abilities.edit) return null
  if (!open) {
    return (
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          // Start from the programme as it is now; while open, the form keeps what is typed.
          setTitle(programme.title)
          setPeriodFrom(programme.period.from.date)
          setPeriodTo(programme.period.to.date)
          setNextReview(programme.nextReview ?? '')
          setPublicDiplomacy(programme.publicDiplomacy)
          setProblem(null)
          setOpen(true)
        }}
      >
        Edit title, period and public diplomacy
      </button>
    )
  }
  const fieldError = (name: string) => (isApiProblem(problem) ? problem.fieldError(name) : undefined)
  return (
    <form
      className="form tree-edit"
      aria-label="Programme header"
      onSubmit={async (event) => {
        event.preventDefault()
        setProblem(null)
        try {
          await writeProgramme(
            'PATCH',
            `/${programme.id}`,
            {
              title,
              periodFrom,
              periodTo,
              publicDiplomacy,
              nextReview: nextReview === '' ? null : nextReview,
            },
            programme.version,
          )
          setOpen(false)
        } catch (error) {
          // The form keeps what was typed; a 409 says someone else changed the programme meanwhile.
          setProblem(error)
        }
        await refresh()
      }}
    >
      <Field
        label="Programme title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError('title')}
      />
      <Field
        label="Period from"
        hint="A year, month or day, e.g. 2023"
        value={periodFrom}
        onChange={(e) => setPeriodFrom(e.target.value)}
        error={fieldError('periodFrom')}
      />
      <Field
        label="Period to"
        value={periodTo}
        onChange={(e) => setPeriodTo(e.target.value)}
        error={fieldError('periodTo')}
      />
      <Field
        label="Next review"
        type="date"
        value={nextReview}
        onChange={(e) => setNextReview(e.target.value)}
        error={fieldError('nextReview')}
      />
      <label htmlFor="public-diplomacy-input">Public diplomacy element</label>
      <textarea
        id="public-diplomacy-input"
        className="input"
        value={publicDiplomacy}
        onChange={(e) => setPublicDiplomacy(e.target.value)}
      />
      <span className="tree-actions">
        <button type="submit" className="button">
          Save header
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </span>
      {problem === null ? null : <ErrorState error={problem} />}
    </form>
  )
}
