import { Link } from 'react-router'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import type { SlotData } from './queries.ts'
import { slotPrefill } from './slot-prefill.ts'

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
  names,
  canCreate,
}: {
  readonly slots: readonly SlotData[]
  /** The participants' place names, in order, for the drafted engagement's title. */
  readonly names: readonly string[]
  /** The session's `createEngagements` ability, as the server sent it. */
  readonly canCreate: boolean
}) {
  const t = useT()
  return (
    <ol className="slot-list" data-testid="slots">
      {slots.map((slot, rank) => (
        <li key={slot.start} className="card slot-card" data-start={slot.start}>
          <h3 className="card-title">
            {rank + 1}. {slot.start.slice(0, 16).replace('T', ' ')} {t('scheduling.slotList.utc')}
            <span className="muted">
              {' '}
              {t('scheduling.slotList.inconvenience')} {slot.inconvenience}
              {t('scheduling.slotList.worst', { worst: slot.worst })}
            </span>
          </h3>
          <TableWrap label={t('scheduling.slotList.localTimesOfSlot', { rank: rank + 1 })}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('scheduling.slotList.participant')}</th>
                  <th scope="col">{t('scheduling.slotList.localStart')}</th>
                  <th scope="col">{t('scheduling.slotList.localEnd')}</th>
                  <th scope="col">{t('scheduling.slotList.outsideHours')}</th>
                  <th scope="col">{t('scheduling.slotList.atNight')}</th>
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
                      {formatLocal(person.start)}{' '}
                      <span className="muted">
                        {t('scheduling.slotList.utc')}
                        {person.start.offset}
                      </span>
                    </td>
                    <td data-local={person.end.local}>{formatLocal(person.end)}</td>
                    <td>{minutes(person.outsideMinutes)}</td>
                    <td>{minutes(person.nightMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {canCreate ? <CreateFromSlot slot={slot} names={names} rank={rank + 1} /> : null}
        </li>
      ))}
    </ol>
  )
}

/** Opens the new-engagement form filled in from the slot, sent as router state so the address stays /engagements/new. */
function CreateFromSlot({
  slot,
  names,
  rank,
}: {
  readonly slot: SlotData
  readonly names: readonly string[]
  readonly rank: number
}) {
  const t = useT()
  const state = slotPrefill(slot, names)
  if (state === null) return null
  return (
    <p className="slot-actions">
      <Link className="button secondary" to="/engagements/new" state={state}>
        {t('scheduling.slotList.createEngagementFromSlot')} {rank}
      </Link>
    </p>
  )
}
