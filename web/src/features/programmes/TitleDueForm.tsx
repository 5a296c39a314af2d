import { useId, useState } from 'react'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'

/**
 * An inline form of a title and, for milestones, a due date: adding a part or editing a milestone.
 * It holds what is typed while it is open, so a refused write (a 409 included) loses nothing.
 */
export function TitleDueForm({
  titleLabel,
  initial = { title: '', due: '' },
  withDue,
  submit,
  onSubmit,
  onCancel,
  pending,
  problem,
}: {
  titleLabel: string
  initial?: { title: string; due: string }
  withDue: boolean
  submit: string
  onSubmit: (title: string, due: string) => void
  onCancel: () => void
  pending: boolean
  problem: ApiProblem | null
}) {
  const t = useT()
  const [title, setTitle] = useState(initial.title)
  const [due, setDue] = useState(initial.due)
  const id = useId()
  return (
    <form
      className="tree-edit"
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit(title, due)
      }}
    >
      <label htmlFor={`${id}-title`}>{titleLabel}</label>
      <input
        id={`${id}-title`}
        className="input"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
      />
      {withDue ? (
        <>
          <label htmlFor={`${id}-due`}>{t('programmes.titleDueForm.dueDate')}</label>
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
      <FormActions submit={submit} onCancel={onCancel} pending={pending} />
      {problem === null ? null : <ErrorState error={problem} />}
    </form>
  )
}
