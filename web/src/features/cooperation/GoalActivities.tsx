import { Link } from 'react-router'
import { useT } from '../../i18n/useT.ts'
import { formatSpan } from './dates.ts'
import { requestStatusLabels } from './labels.ts'
import { useRequests } from './queries.ts'
import { requestPath } from './RequestTable.tsx'

/**
 * The menu's activities that serve one goal of a programme, under that goal in the programme's
 * tree. Every goal asks with the same key, so the programme's requests are read once.
 */
export function GoalActivities({ programmeId, goalId }: { programmeId: string; goalId: string }) {
  const t = useT()
  const requests = useRequests({ programme: programmeId, offset: 0, limit: 500 })
  const serving = (requests.data?.items ?? []).filter(
    (request) =>
      request.status !== 'withdrawn' &&
      request.status !== 'declined' &&
      request.goals.some((goal) => goal.id === goalId),
  )
  if (serving.length === 0) return null
  return (
    <section
      className="goal-activities"
      aria-label={t('cooperation.goalActivities.cooperationMenuActivitiesServingThis')}
    >
      <h5>{t('cooperation.goalActivities.cooperationMenuActivities')}</h5>
      <ul>
        {serving.map((request) => (
          <li key={request.id}>
            <Link to={requestPath(request.id)}>
              {request.item.code} {request.item.title}
            </Link>{' '}
            <span className="muted">
              {formatSpan(request.event.startsOn, request.event.endsOn)} ·{' '}
              {requestStatusLabels[request.status]}
              {request.report === null
                ? ''
                : t('cooperation.goalActivities.reportedOf5', { rating: request.report.rating })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
