import { useState } from 'react'
import { ProgrammeDetail } from '../../../../src/contract/programme-view.ts'
import { Field } from '../../components/Field.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { PeriodFields, type TitlePeriod } from './PeriodFields.tsx'
import { type ProgrammeData, programmePath, useProgrammeWrite } from './queries.ts'

interface Header extends TitlePeriod {
  readonly nextReview: string
  readonly publicDiplomacy: string
}

const headerOf = (programme: ProgrammeData): Header => ({
  title: programme.title,
  periodFrom: programme.period.from.date,
  periodTo: programme.period.to.date,
  nextReview: programme.nextReview ?? '',
  publicDiplomacy: programme.publicDiplomacy,
})

/** Edits the programme's title, period, next review and public-diplomacy element (If-Match on its version). */
export function HeaderForm({ programme }: { programme: ProgrammeData }) {
  const t = useT()
  const save = useProgrammeWrite(ProgrammeDetail, (header: Header) => ({
    method: 'PATCH',
    path: programmePath(programme.id),
    body: { ...header, nextReview: header.nextReview === '' ? null : header.nextReview },
    version: programme.version,
  }))
  const [open, setOpen] = useState(false)
  const [header, setHeader] = useState(() => headerOf(programme))
  if (!programme.abilities.edit) return null
  if (!open) {
    return (
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          // Start from the programme as it is now; while open, the form keeps what is typed.
          setHeader(headerOf(programme))
          save.reset()
          setOpen(true)
        }}
      >
        {t('programmes.headerForm.editTitlePeriodAndPublic')}
      </button>
    )
  }
  const change = (key: keyof Header, value: string) => setHeader((current) => ({ ...current, [key]: value }))
  const errors = save.error?.fieldMessages() ?? {}
  return (
    <form
      className="form tree-edit"
      aria-label={t('programmes.headerForm.programmeHeader')}
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate(header, { onSuccess: () => setOpen(false) })
      }}
    >
      <PeriodFields
        titleLabel={t('programmes.headerForm.programmeTitle')}
        value={header}
        onChange={change}
        errors={errors}
        fromExample="2023"
      />
      <Field
        label={t('programmes.headerForm.nextReview')}
        type="date"
        value={header.nextReview}
        onChange={(e) => change('nextReview', e.target.value)}
        error={errors.nextReview}
      />
      <label htmlFor="public-diplomacy-input">{t('programmes.headerForm.publicDiplomacyElement')}</label>
      <textarea
        id="public-diplomacy-input"
        className="input"
        value={header.publicDiplomacy}
        onChange={(e) => change('publicDiplomacy', e.target.value)}
      />
      <FormActions
        submit={t('programmes.headerForm.saveHeader')}
        pending={save.isPending}
        onCancel={() => setOpen(false)}
      />
      {save.error === null ? null : <ErrorState error={save.error} />}
    </form>
  )
}
