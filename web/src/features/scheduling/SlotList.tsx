import { Link } from 'react-router'
import { TableWrap } from '../../components/TableWrap.tsx'
import type { SlotData } from './queries.ts'

type LocalTime = SlotData['participants'][number]['start']

/** "Tue 24 Mar 09:00": the weekday first, so a Monday in Brussels beside a Tuesday in Wellington shows. */
export function formatLocal(time: LocalTime): string {
  const [date = '', clock = ''] = time.local.split('T')
  return `${time.weekday} ${date} ${clock}`
}

function minutes(value: number): string {
  return value === 0 ? '—' : `${value} min`
}

/** The ranked slots, each with every participant's local start and end, and their share of the cost. */
export function SlotList({
  slots,
  canCreate,
}: {
  readonly slots: readonly SlotData[]
  /** The session's `createEngagements` ability, as the server sent it. */
  readonly canCreate: boolean
}) {
  return (
    <ol className="slot-list" data-testid="slots">
      {slots.map((slot, rank) => (
        <li key={slot.start} className="card slot-card" data-start={slot.start}>
          <h3 className="card-title">
            {rank + 1}. {slot.start.slice(0, 16).replace('T', ' ')} UTC
            <span className="muted">
              {' '}
              — inconvenience {slot.inconvenience}, worst {slot.worst}
            </span>
          </h3>
          <TableWrap label={`Local times of slot ${rank + 1}`}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col">Local start</th>
                  <th scope="col">Local end</th>
                  <th scope="col">Outside hours</th>
                  <th scope="col">At night</th>
                </tr>
              </thead>
              <tbody>
                {slot.participants.map((person) => (
                  <tr key={person.label} data-zone={person.zone}>
                    <th scope="row">
                      {person.label}
                      <span className="muted"> ({person.zone})</span>
                    </th>
                    <td data-local={person.start.local}>
                      {formatLocal(person.start)} <span className="muted">UTC{person.start.offset}</span>
                    </td>
                    <td data-local={person.end.local}>{formatLocal(person.end)}</td>
                    <td>{minutes(person.outsideMinutes)}</td>
                    <td>{minutes(person.nightMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {canCreate ? <CreateFromSlot slot={slot} rank={rank + 1} /> : null}
        </li>
      ))}
    </ol>
  )
}

/**
 * Opens the new-engagement form with the slot's start and end on the first participant's clock (the
 * place the meeting is recorded at), sent as router state so the address stays /engagements/new.
 */
function CreateFromSlot({ slot, rank }: { readonly slot: SlotData; readonly rank: number }) {
  const host = slot.participants[0]
  if (host === undefined) return null
  return (
    <p className="slot-actions">
      <Link
        className="button secondary"
        to="/engagements/new"
        state={{ prefill: { start: host.start.local, end: host.end.local, timeZone: host.zone } }}
      >
        Create engagement from slot {rank}
      </Link>
    </p>
  )
}
