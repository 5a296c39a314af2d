import { useState } from 'react'
import { LiaisonOfficeInput } from '../../../../src/contract/liaison-office.ts'
import { liaisonOfficeStatuses } from '../../../../src/domain/liaison-office.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useSession } from '../session/queries.ts'
import { officeStatusLabels, useCreateOffice } from './queries.ts'

interface Draft {
  city: string
  country: string
  timeZone: string
  partners: string
  status: string
  classification: string
  releasableTo: string
}

const codes = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item !== '')

const blank: Draft = {
  city: '',
  country: '',
  timeZone: '',
  partners: '',
  status: 'proposed',
  classification: 'PUBLIC',
  releasableTo: '',
}

/** Records a liaison office (staff, by the session's abilities); it opens when its proposal is adopted. */
export function NewOfficeForm() {
  const t = useT()
  const session = useSession()
  const [open, setOpen] = useState(false)
  if (session.data?.abilities.createLiaisonOffices !== true) return null
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('offices.newOfficeForm.recordALiaisonOffice')}
      </button>
    )
  }
  return <OfficeForm onDone={() => setOpen(false)} />
}

function OfficeForm({ onDone }: { onDone: () => void }) {
  const t = useT()
  const create = useCreateOffice()
  const { bind, invalid, submit } = useDraft({
    idPrefix: 'office-new',
    initial: () => blank,
    schema: LiaisonOfficeInput,
    candidate: (draft: Draft) => ({
      city: draft.city,
      country: draft.country.trim().toUpperCase(),
      timeZone: draft.timeZone,
      partners: codes(draft.partners),
      status: draft.status,
      marking: { classification: draft.classification, releasableTo: codes(draft.releasableTo) },
    }),
    serverError: create.error,
    errorAt: { releasableTo: 'marking' },
  })
  return (
    <form
      className="panel form"
      noValidate
      aria-labelledby="office-new-heading"
      onSubmit={submit((input) => create.mutate(input, { onSuccess: onDone }))}
    >
      <h2 id="office-new-heading">{t('offices.newOfficeForm.newLiaisonOffice')}</h2>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      <TextField label={t('offices.newOfficeForm.city')} {...bind('city')} />
      <TextField label={t('offices.newOfficeForm.hostCountryCodeEG')} {...bind('country')} />
      <TextField label={t('offices.newOfficeForm.timeZoneIanaEG')} {...bind('timeZone')} />
      <TextField label={t('offices.newOfficeForm.partnersServedCodesSeparatedBy')} {...bind('partners')} />
      <SelectField
        label={t('offices.newOfficeForm.status')}
        options={liaisonOfficeStatuses.map((status) => [status, officeStatusLabels[status]] as const)}
        {...bind('status')}
      />
      <SelectField
        label={t('offices.newOfficeForm.classification')}
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField label={t('offices.newOfficeForm.releasableToPartnerCodesEmpty')} {...bind('releasableTo')} />
      <FormActions
        submit={create.isPending ? t('offices.newOfficeForm.saving') : t('offices.newOfficeForm.saveOffice')}
        pending={create.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
