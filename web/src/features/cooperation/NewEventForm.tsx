import { useRef, useState } from 'react'
import { CooperationEventInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { blankEvent, type EventDraft, EventFields, eventCandidate } from './EventFields.tsx'
import { useCreateEvent, whenWritten } from './queries.ts'

function EventForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const t = useT()
  const create = useCreateEvent()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, change, bind, invalid, problemCount, submit } = useDraft({
    idPrefix: 'event-new',
    initial: (): EventDraft => blankEvent,
    schema: CooperationEventInput,
    candidate: (current: EventDraft) => eventCandidate(current, itemId, 'scheduled'),
    serverError: create.error,
    errorAt: { classification: 'marking' },
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
      <DraftAlerts serverError={create.error} invalid={invalid} count={problemCount} />
      <EventFields
        idPrefix="event-new"
        draft={draft}
        bind={bind}
        onReleasableTo={(values) => change('releasableTo', values)}
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
