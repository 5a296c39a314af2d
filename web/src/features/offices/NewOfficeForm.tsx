import { useState } from 'react'
import { LiaisonOfficeInput } from '../../../../src/contract/liaison-office.ts'
import { liaisonOfficeStatuses } from '../../../../src/domain/liaison-office.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
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
  const session = useSession()
  const [open, setOpen] = useState(false)
  if (session.data?.abilities.createLiaisonOffices !== true) return null
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Record a liaison office
      </button>
    )
  }
  return <OfficeForm onDone={() => setOpen(false)} />
}

function OfficeForm({ onDone }: { onDone: () => void }) {
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
      <h2 id="office-new-heading">New liaison office</h2>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      <TextField label="City" {...bind('city')} />
      <TextField label="Host country (code, e.g. JPN)" {...bind('country')} />
      <TextField label="Time zone (IANA, e.g. Asia/Tokyo)" {...bind('timeZone')} />
      <TextField label="Partners served (codes, separated by commas)" {...bind('partners')} />
      <SelectField
        label="Status"
        options={liaisonOfficeStatuses.map((status) => [status, officeStatusLabels[status]] as const)}
        {...bind('status')}
      />
      <SelectField
        label="Classification"
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField label="Releasable to (partner codes; empty = alliance only)" {...bind('releasableTo')} />
      <FormActions
        submit={create.isPending ? 'Saving…' : 'Save office'}
        pending={create.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
