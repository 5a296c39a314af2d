import { useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { ProgrammeDetail } from '../../../../src/contract/programme-view.ts'
import { Field } from '../../components/Field.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { useSession } from '../session/queries.ts'
import { PeriodFields, type TitlePeriod } from './PeriodFields.tsx'
import { useProgrammeWrite } from './queries.ts'

interface NewProgramme extends TitlePeriod {
  readonly partner: string
  readonly kind: string
}

/**
 * Starts a draft programme. Staff choose the partner; a partner's own users start drafts for their
 * own country only. The server checks both, and names any bad field.
 */
export function NewProgrammeForm() {
  const t = useT()
  const session = useSession()
  const navigate = useNavigate()
  const create = useProgrammeWrite(ProgrammeDetail, (body: NewProgramme) => ({
    method: 'POST',
    path: '/api/v1/programmes',
    body,
  }))
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<NewProgramme>({
    partner: '',
    kind: 'ITPP',
    title: '',
    periodFrom: '',
    periodTo: '',
  })
  const id = useId()
  const principal = session.data
  if (principal === undefined || principal.abilities.startProgramme === 'none') return null
  const ownCountry = principal.abilities.startProgramme === 'own' ? principal.country : null
  const change = (key: keyof NewProgramme, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const errors = create.error?.fieldMessages() ?? {}
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('programmes.newProgrammeForm.startADraftProgramme')}
      </button>
    )
  }
  return (
    <form
      className="panel form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        create.mutate(
          { ...draft, partner: ownCountry ?? draft.partner },
          { onSuccess: (created) => navigate(`/programmes/${created.id}`) },
        )
      }}
    >
      <h2 id={`${id}-title`}>{t('programmes.newProgrammeForm.newDraftProgramme')}</h2>
      {ownCountry === null ? (
        <Field
          label={t('programmes.newProgrammeForm.partnerCountryCode')}
          hint={t('programmes.newProgrammeForm.forExampleJpn')}
          value={draft.partner}
          onChange={(e) => change('partner', e.target.value)}
          error={errors.partner}
        />
      ) : (
        <p>
          {t('programmes.newProgrammeForm.partner')} {ownCountry}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('programmes.newProgrammeForm.kind')}</label>
        <select
          id={`${id}-kind`}
          className="input"
          value={draft.kind}
          onChange={(e) => change('kind', e.target.value)}
        >
          <option value="ITPP">
            {t('programmes.newProgrammeForm.itppIndividuallyTailoredPartnershipProgr')}
          </option>
          <option value="IPCP">
            {t('programmes.newProgrammeForm.ipcpIndividualPartnershipAndCooperation')}
          </option>
        </select>
      </div>
      <PeriodFields
        titleLabel={t('programmes.newProgrammeForm.title')}
        value={draft}
        onChange={change}
        errors={errors}
        fromExample="2027"
        toExample="2030"
      />
      <FormActions
        submit={t('programmes.newProgrammeForm.createDraft')}
        pending={create.isPending}
        onCancel={() => setOpen(false)}
      />
      {create.error === null ? null : <ErrorState error={create.error} />}
    </form>
  )
}
