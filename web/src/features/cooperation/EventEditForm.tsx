import { useRef, useState } from 'react'
import { CooperationEventInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { MultiPickerField, PickerField } from '../../components/Pickers.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import {
  useChoosableClassifications,
  usePartnerOptions,
  useZoneOptions,
} from '../engagements/form-options.ts'
import { type EventDetailData, useSaveEvent, whenWritten } from './queries.ts'

interface Draft {
  startsOn: string
  endsOn: string
  place: string
  timeZone: string
  capacity: string
  applicationDeadline: string
  classification: string
  releasableTo: string[]
}

function draftFrom(event: EventDetailData): Draft {
  return {
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    place: event.place,
    timeZone: event.timeZone,
    capacity: String(event.capacity),
    applicationDeadline: event.applicationDeadline,
    classification: event.marking.classification,
    releasableTo: [...event.marking.releasableTo],
  }
}

function EventForm({
  event,
  serverError,
  pending,
  onSave,
  onCancel,
}: {
  event: EventDetailData
  serverError: ApiProblem | null
  pending: boolean
  onSave: (patch: unknown) => void
  onCancel: () => void
}) {
  const t = useT()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, change, bind, invalid, problemCount, submit } = useDraft({
    idPrefix: 'event-edit',
    initial: () => draftFrom(event),
    schema: CooperationEventInput,
    candidate: (current: Draft) => ({
      itemId: event.item.id,
      startsOn: current.startsOn,
      endsOn: current.endsOn,
      place: current.place,
      timeZone: current.timeZone,
      // An empty box is sent as 0, so the schema's "at least 1" names what is missing.
      capacity: current.capacity.trim() === '' ? 0 : Number(current.capacity),
      applicationDeadline: current.applicationDeadline,
      status: event.status,
      marking: { classification: current.classification, releasableTo: current.releasableTo },
    }),
    serverError,
    errorAt: { classification: 'marking' },
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, serverError)
  const zones = useZoneOptions()
  const partners = usePartnerOptions()
  const choosable = useChoosableClassifications(draft.classification)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="event-edit-heading"
      onSubmit={(submitted) => {
        setAttempts((count) => count + 1)
        // The item is fixed; the rest is sent as the merge patch the API takes.
        submit(({ itemId: _item, ...patch }) => onSave(patch))(submitted)
      }}
    >
      <h2 id="event-edit-heading">{t('cooperation.eventEditForm.editThisEvent')}</h2>
      <DraftAlerts serverError={serverError} invalid={invalid} count={problemCount} />
      <TextField label={t('cooperation.eventEditForm.firstDay')} type="date" {...bind('startsOn')} />
      <TextField label={t('cooperation.eventEditForm.lastDay')} type="date" {...bind('endsOn')} />
      <TextField label={t('cooperation.eventEditForm.place')} {...bind('place')} />
      <PickerField
        label={t('cooperation.eventEditForm.timeZone')}
        hint={t('cooperation.eventEditForm.searchByCityOrCountry')}
        options={zones}
        placeholder={t('cooperation.eventEditForm.zonePlaceholder')}
        {...bind('timeZone')}
      />
      <TextField label={t('cooperation.eventEditForm.capacity')} type="number" {...bind('capacity')} />
      <TextField
        label={t('cooperation.eventEditForm.applyBy')}
        type="date"
        {...bind('applicationDeadline')}
      />
      <SelectField
        label={t('cooperation.eventEditForm.classification')}
        options={choosable.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <MultiPickerField
        id="event-edit-releasableTo"
        label={t('cooperation.eventEditForm.releasableTo')}
        hint={t('cooperation.eventEditForm.releasableToHint')}
        options={partners}
        placeholder={t('cooperation.eventEditForm.searchAPartner')}
        emptyText={t('cooperation.eventEditForm.allianceOnly')}
        values={draft.releasableTo}
        onChange={(values) => change('releasableTo', values)}
        error={undefined}
      />
      <FormActions
        submit={pending ? t('cooperation.eventEditForm.saving') : t('cooperation.eventEditForm.saveChanges')}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  )
}

/** "Edit this event" for those the event's abilities allow; the write outlives the form (see ItemEditor). */
export function EventEditor({ event }: { event: EventDetailData }) {
  const t = useT()
  const save = useSaveEvent(event.id)
  const [open, setOpen] = useState(false)
  const [saved, setSaved] = useState(false)
  if (!event.abilities.edit) return null
  if (!open) {
    return (
      <p className="section">
        <button
          type="button"
          className="button"
          onClick={() => {
            save.reset()
            setSaved(false)
            setOpen(true)
          }}
        >
          {t('cooperation.eventEditForm.editEvent')}
        </button>{' '}
        <span role="status">{saved ? t('cooperation.eventEditForm.saved') : ''}</span>
      </p>
    )
  }
  return (
    <div className="section">
      <EventForm
        key={event.version}
        event={event}
        serverError={save.error}
        pending={save.isPending}
        onCancel={() => setOpen(false)}
        onSave={(patch) =>
          whenWritten(save.mutateAsync({ version: event.version, patch }), () => {
            setSaved(true)
            setOpen(false)
          })
        }
      />
    </div>
  )
}
