import { useRef, useState } from 'react'
import { CooperationEventInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { EditToggle } from './EditToggle.tsx'
import { type EventDraft, EventFields, eventCandidate, eventDraftFrom } from './EventFields.tsx'
import { type EventDetailData, useSaveEvent } from './queries.ts'

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
    initial: () => eventDraftFrom(event),
    schema: CooperationEventInput,
    candidate: (current: EventDraft) => eventCandidate(current, event.item.id, event.status),
    serverError,
    errorAt: { classification: 'marking' },
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, serverError)
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
      <EventFields
        idPrefix="event-edit"
        draft={draft}
        bind={bind}
        onReleasableTo={(values) => change('releasableTo', values)}
      />
      <FormActions
        submit={pending ? t('cooperation.eventEditForm.saving') : t('cooperation.eventEditForm.saveChanges')}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  )
}

/** "Edit" on the event's page for those its abilities allow (see EditToggle). */
export function EventEditor({ event }: { event: EventDetailData }) {
  const t = useT()
  const save = useSaveEvent(event.id)
  return (
    <EditToggle
      allowed={event.abilities.edit}
      version={event.version}
      save={save}
      openLabel={t('cooperation.eventEditForm.editEvent')}
      savedLabel={t('cooperation.eventEditForm.saved')}
      form={(props) => <EventForm key={event.version} event={event} {...props} />}
    />
  )
}
