import { useState } from 'react'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import type { PartnerDetailData, TimelineEventData } from '../partners/queries.ts'
import { EventForm } from './EventForm.tsx'
import { useDeleteEvent } from './queries.ts'

/** "Add event" above the timeline, when the page's abilities allow it. */
export function AddEvent({ partner }: { partner: PartnerDetailData }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  if (!partner.abilities.addEvent) return null
  return open ? (
    <EventForm code={partner.code} event={null} onDone={() => setOpen(false)} />
  ) : (
    <div className="registry-actions">
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('registry.timelineEditor.addEvent')}
      </button>
    </div>
  )
}

/** Edit and delete of one timeline event, as its abilities allow; delete asks first. */
export function EventActions({ code, event }: { code: string; event: TimelineEventData }) {
  const t = useT()
  const [mode, setMode] = useState<'idle' | 'edit' | 'delete'>('idle')
  const remove = useDeleteEvent()
  if (!event.abilities.edit && !event.abilities.delete) return null
  if (mode === 'edit')
    return <EventForm key={event.id} code={code} event={event} onDone={() => setMode('idle')} />
  if (mode === 'delete') {
    return (
      <section
        className="panel form"
        aria-label={t('registry.timelineEditor.delete', { title: event.title })}
      >
        <p>{t('registry.timelineEditor.deleteFromTimeline', { title: event.title })}</p>
        {remove.error === null ? null : <ErrorState error={remove.error} />}
        <FormActions
          submit={
            remove.isPending
              ? t('registry.timelineEditor.deleting')
              : t('registry.timelineEditor.deleteEvent')
          }
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate({ path: `/api/v1/partners/${code}/events/${event.id}`, version: event.version })
          }
          onCancel={() => setMode('idle')}
        />
      </section>
    )
  }
  return (
    <span className="registry-actions">
      {event.abilities.edit ? (
        <button type="button" className="button secondary" onClick={() => setMode('edit')}>
          {t('registry.timelineEditor.edit')}
          <span className="visually-hidden"> “{event.title}”</span>
        </button>
      ) : null}
      {event.abilities.delete ? (
        <button type="button" className="button secondary" onClick={() => setMode('delete')}>
          {t('registry.timelineEditor.delete3')}
          <span className="visually-hidden"> “{event.title}”</span>
        </button>
      ) : null}
    </span>
  )
}
