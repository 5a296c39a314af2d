import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { MarkingTag } from '../../components/marking.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import { t as translate } from '../../i18n/translate.ts'
import { useFuzzyDate } from '../../i18n/useFuzzyDate.ts'
import { useT } from '../../i18n/useT.ts'
import type { TimelineEventData } from './queries.ts'

const kindNames: Readonly<Record<string, string>> = labelsOf('timelineKind', [
  'dialogue',
  'declaration',
  'ipcp',
  'itpp',
  'mission',
  'summit',
  'other',
])

function precisionNote(precision: TimelineEventData['precision']): string | null {
  return precision === 'day' ? null : translate('partners.timelineList.knownTo', { precision })
}

/** Every timeline event in order, numbered like the chart: the accessible form of the timeline. */
export function TimelineList({
  events,
  actions,
}: {
  events: readonly TimelineEventData[]
  /** What a reader may do to an event (edit, delete), shown under it. */
  actions?: (event: TimelineEventData) => ReactNode
}) {
  const t = useT()
  const dateText = useFuzzyDate()
  return (
    <ol className="timeline-list" aria-label={t('partners.timelineList.timelineEventsOldestFirst')}>
      {events.map((event, index) => {
        const note = precisionNote(event.precision)
        return (
          <li key={event.id} className="timeline-item" data-event-id={event.id}>
            <span className="timeline-number" aria-hidden="true">
              {index + 1}
            </span>
            <div className="timeline-body">
              <p className="timeline-date">
                <span className="date-label">{dateText(event)}</span>
                {note === null ? null : <span className="muted"> · {note}</span>}
              </p>
              <h3 className="timeline-title">{event.title}</h3>
              <p className="tags">
                <span className="tag tag-kind">{kindNames[event.kind] ?? event.kind}</span>
                <MarkingTag marking={event.marking} />
                {event.illustrative ? (
                  <span
                    className="tag tag-illustrative"
                    title={t('partners.timelineList.anInventedRecordThatShows')}
                  >
                    {t('partners.timelineList.illustrative')}
                  </span>
                ) : null}
                {event.confidence === 'high' ? null : (
                  <span className="tag tag-confidence">
                    {t('partners.timelineList.confidence', { confidence: event.confidence })}
                  </span>
                )}
              </p>
              <p className="timeline-description">{event.description}</p>
              {event.link === null ? null : (
                <p className="timeline-link">
                  {t('partners.timelineList.recordsThe', { type: event.link.type })}{' '}
                  <Link
                    to={`/${event.link.type === 'engagement' ? 'engagements' : 'programmes'}/${event.link.id}`}
                  >
                    {event.link.title}
                  </Link>
                </p>
              )}
              {event.source === null ? null : (
                <p className="timeline-source">
                  <a href={event.source} rel="noreferrer" target="_blank">
                    {t('partners.timelineList.source')}
                    <span className="visually-hidden">
                      : {event.title} {t('partners.timelineList.opensInANewTab')}
                    </span>
                  </a>
                </p>
              )}
              {actions?.(event)}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
