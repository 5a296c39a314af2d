import { Link } from 'react-router'
import { Chip } from '../../components/Chip.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { formatDay, formatSpan } from './dates.ts'
import { phaseLabels } from './labels.ts'
import type { EventData } from './queries.ts'

export function eventPath(id: string): string {
  return `/cooperation/events/${encodeURIComponent(id)}`
}

/** Events as a table: when and where (days in the place's zone), deadline, capacity, phase. */
export function EventTable({
  events,
  label,
  showItem = false,
}: {
  events: readonly EventData[]
  label: string
  showItem?: boolean
}) {
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Dates</th>
            {showItem ? <th scope="col">Activity</th> : null}
            <th scope="col">Place</th>
            <th scope="col">Apply by</th>
            <th scope="col">Capacity</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row">
                <Link to={eventPath(event.id)}>{formatSpan(event.startsOn, event.endsOn)}</Link>
              </th>
              {showItem ? (
                <td>
                  <span className="code">{event.item.code}</span> {event.item.title}
                </td>
              ) : null}
              <td>
                {event.place} <span className="muted">({event.timeZone})</span>
              </td>
              <td>{formatDay(event.applicationDeadline)}</td>
              <td className="numeric">{event.capacity}</td>
              <td>
                <Chip tone={event.phase === 'open' ? 'accent' : 'muted'}>{phaseLabels[event.phase]}</Chip>
                {event.ownRequest === null ? null : (
                  <>
                    {' '}
                    <Link to={`/cooperation/requests/${encodeURIComponent(event.ownRequest.id)}`}>
                      Your request
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
