import { Link } from 'react-router'
import { useT } from '../../i18n/useT.ts'
import { Countdown } from './Countdown.tsx'
import { useReminders } from './queries.ts'

/**
 * "Awaiting your position": the reminders the API holds for the signed-in delegation (staff: for
 * every member), one line per silence procedure and member. Nothing when there are none, and for
 * partners and the public, whose list is always empty.
 */
export function RemindersPanel() {
  const t = useT()
  const reminders = useReminders()
  const items = reminders.data?.items ?? []
  if (items.length === 0) return null
  return (
    <section className="panel reminders" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('proposals.remindersPanel.awaitingAPosition', { count: items.length })}</h2>
      <p className="muted">{t('proposals.remindersPanel.silenceProceduresAdoptThemselvesAt')}</p>
      <ul className="reminder-list">
        {items.map((item) => (
          <li key={`${item.proposal}:${item.member ?? ''}`}>
            <Link to={`/proposals/${encodeURIComponent(item.proposal)}`}>{item.title}</Link>
            {item.member === undefined ? null : <span className="reminder-member"> — {item.member}</span>}
            <span className="reminder-deadline">
              {' '}
              · <Countdown deadline={item.deadline} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
