import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { MarkingTag } from '../../components/marking.tsx'
import type { TimelineEventData } from './queries.ts'

const kindNames: Record<string, string> = {
  dialogue: 'Dialogue',
  declaration: 'Declaration',
  ipcp: 'IPCP',
  itpp: 'ITPP',
  mission: 'Mission',
  summit: 'Summit',
  other: 'Other',
}

function precisionNote(precision: TimelineEventData['precision']): string | null {
  return precision === 'day' ? null : `known to the ${precision}`
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
  return (
    <ol className="timeline-list" aria-label="Timeline events, oldest first">
      {events.map((event, index) => {
        const note = precisionNote(event.precision)
        return (
          <li key={event.id} className="timeline-item" data-event-id={event.id}>
            <span className="timeline-number" aria-hidden="true">
              {index + 1}
            </span>
            <div className="timeline-body">
              <p className="timeline-date">
                <span className="date-label">{event.label}</span>
                {note === null ? null : <span className="muted"> · {note}</span>}
              </p>
              <h3 className="timeline-title">{event.title}</h3>
              <p className="tags">
                <span className="tag tag-kind">{kindNames[event.kind] ?? event.kind}</span>
                <MarkingTag marking={event.marking} />
                {event.illustrative ? (
                  <span
                    className="tag tag-illustrative"
                    title="An invented record that shows how the system works"
                  >
                    illustrative
                  </span>
                ) : null}
                {event.confidence === 'high' ? null : (
                  <span className="tag tag-confidence">{event.confidence} confidence</span>
                )}
              </p>
              <p className="timeline-description">{event.description}</p>
              {event.link === null ? null : (
                <p className="timeline-link">
                  Records the {event.link.type}{' '}
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
                    Source<span className="visually-hidden">: {event.title} (opens in a new tab)</span>
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
