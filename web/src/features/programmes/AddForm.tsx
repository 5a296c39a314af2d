import { useState } from 'react'
import { MilestoneView, NodeView } from '../../../../src/contract/programme-view.ts'
import { useT } from '../../i18n/useT.ts'
import { programmePath, useProgrammeWrite } from './queries.ts'
import { TitleDueForm } from './TitleDueForm.tsx'

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
  const t = useT()
  const add = useProgrammeWrite(what === 'nodes' ? NodeView : MilestoneView, (created: unknown) => ({
    method: 'POST',
    path: programmePath(programmeId, what),
    body: created,
  }))
  const [open, setOpen] = useState(false)
  if (!open) {
    return (
      <button
        type="button"
        className="button secondary mini-button"
        onClick={() => {
          add.reset()
          setOpen(true)
        }}
      >
        + {label}
      </button>
    )
  }
  return (
    <TitleDueForm
      titleLabel={t('programmes.addForm.title', { label })}
      withDue={withDue}
      submit={t('programmes.addForm.add')}
      pending={add.isPending}
      problem={add.error}
      onCancel={() => setOpen(false)}
      onSubmit={(title, due) => add.mutate(body(title, due), { onSuccess: () => setOpen(false) })}
    />
  )
}
