import { useRef, useState } from 'react'
import { CooperationEventInput } from '../../../../src/contract/cooperation.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
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
      <h3 id="event-new-heading">New event</h3>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      <TextField label="First day (at the place)" type="date" {...bind('startsOn')} />
      <TextField label="Last day (at the place)" type="date" {...bind('endsOn')} />
      <TextField label="Place" {...bind('place')} />
      <TextField label="Time zone of the place (IANA, e.g. Europe/Rome)" {...bind('timeZone')} />
      <TextField label="Capacity (seats)" type="number" {...bind('capacity')} />
      <TextField label="Apply by (last day, at the place)" type="date" {...bind('applicationDeadline')} />
      <SelectField
        label="Classification"
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField label="Releasable to (partner codes; empty = alliance only)" {...bind('releasableTo')} />
      <FormActions
        submit={create.isPending ? 'Saving…' : 'Save event'}
        pending={create.isPending}
        onCancel={onDone}
      />
    </form>
  )
}

/** Schedules an event of an item (staff keep the menu: the item's `addEvent` ability). */
export function NewEventForm({ itemId, allowed }: { itemId: string; allowed: boolean }) {
  const [open, setOpen] = useState(false)
  if (!allowed) return null
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Schedule an event
      </button>
    )
  }
  return <EventForm itemId={itemId} onDone={() => setOpen(false)} />
}
