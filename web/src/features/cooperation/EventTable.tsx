import { Link } from 'react-router'
import { Chip } from '../../components/Chip.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
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
  const t = useT()
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('cooperation.eventTable.dates')}</th>
            {showItem ? <th scope="col">{t('cooperation.eventTable.activity')}</th> : null}
            <th scope="col">{t('cooperation.eventTable.place')}</th>
            <th scope="col">{t('cooperation.eventTable.applyBy')}</th>
            <th scope="col">{t('cooperation.eventTable.capacity')}</th>
            <th scope="col">{t('cooperation.eventTable.status')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row">
                <Link to={eventPath(event.id)}>{formatSpan(event.startsOn, event.endsOn)}</Link>
                {event.illustrative ? (
                  <>
                    {' '}
                    <Chip tone="muted">{t('cooperation.eventTable.illustrative')}</Chip>
                  </>
                ) : null}
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
                      {t('cooperation.eventTable.yourRequest')}
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
