import { useRef, useState } from 'react'
import { CooperationEventInput } from '../../../../src/contract/cooperation.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { listFrom } from './codes.ts'
import { useCreateEvent, whenWritten } from './queries.ts'

interface Draft {
  startsOn: string
  endsOn: string
  place: string
  timeZone: string
  capacity: string
  applicationDeadline: string
  classification: string
  releasableTo: string
}

function EventForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const t = useT()
  const create = useCreateEvent()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { bind, invalid, submit } = useDraft({
    idPrefix: 'event-new',
    initial: (): Draft => ({
      startsOn: '',
      endsOn: '',
      place: '',
      timeZone: '',
      capacity: '',
      applicationDeadline: '',
      classification: 'UNCLASSIFIED',
      releasableTo: '',
    }),
    schema: CooperationEventInput,
    candidate: (draft: Draft) => ({
      itemId,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      place: draft.place,
      timeZone: draft.timeZone,
      capacity: draft.capacity === '' ? 0 : Number(draft.capacity),
      applicationDeadline: draft.applicationDeadline,
      marking: { classification: draft.classification, releasableTo: listFrom(draft.releasableTo) },
    }),
    serverError: create.error,
    errorAt: { releasableTo: 'marking', classification: 'marking' },
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, create.error)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="event-new-heading"
      onSubmit={(event) => {
        setAttempts((count) => count + 1)
        submit((input) => whenWritten(create.mutateAsync(input), onDone))(event)
      }}
    >
      <h3 id="event-new-heading">{t('cooperation.newEventForm.newEvent')}</h3>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      <TextField label={t('cooperation.newEventForm.firstDayAtThePlace')} type="date" {...bind('startsOn')} />
      <TextField label={t('cooperation.newEventForm.lastDayAtThePlace')} type="date" {...bind('endsOn')} />
      <TextField label={t('cooperation.newEventForm.place')} {...bind('place')} />
      <TextField label={t('cooperation.newEventForm.timeZoneOfThePlace')} {...bind('timeZone')} />
      <TextField label={t('cooperation.newEventForm.capacitySeats')} type="number" {...bind('capacity')} />
      <TextField
        label={t('cooperation.newEventForm.applyByLastDayAt')}
        type="date"
        {...bind('applicationDeadline')}
      />
      <SelectField
        label={t('cooperation.newEventForm.classification')}
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField
        label={t('cooperation.newEventForm.releasableToPartnerCodesEmpty')}
        {...bind('releasableTo')}
      />
      <FormActions
        submit={
          create.isPending ? t('cooperation.newEventForm.saving') : t('cooperation.newEventForm.saveEvent')
        }
        pending={create.isPending}
        onCancel={onDone}
      />
    </form>
  )
}

/** Schedules an event of an item (staff keep the menu: the item's `addEvent` ability). */
export function NewEventForm({ itemId, allowed }: { itemId: string; allowed: boolean }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  if (!allowed) return null
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('cooperation.newEventForm.scheduleAnEvent')}
      </button>
    )
  }
  return <EventForm itemId={itemId} onDone={() => setOpen(false)} />
}
