import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Chip } from '../../components/Chip.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import { formatSpan } from './dates.ts'
import { requestStatusLabels } from './labels.ts'
import type { RequestData } from './queries.ts'

export function requestPath(id: string): string {
  return `/cooperation/requests/${encodeURIComponent(id)}`
}

export function RequestStatus({ request }: { request: RequestData }) {
  return (
    <Chip
      tone={request.status === 'approved' ? 'accent' : request.status === 'requested' ? 'neutral' : 'muted'}
    >
      {requestStatusLabels[request.status]}
    </Chip>
  )
}

/** Requests as a table: activity and event, the partner, the goals served, the state; `actions` per row. */
export function RequestTable({
  requests,
  label,
  actions,
}: {
  requests: readonly RequestData[]
  label: string
  actions?: (request: RequestData) => ReactNode
}) {
  const t = useT()
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('cooperation.requestTable.activity')}</th>
            <th scope="col">{t('cooperation.requestTable.event')}</th>
            <th scope="col">{t('cooperation.requestTable.partner')}</th>
            <th scope="col">{t('cooperation.requestTable.goalsServed')}</th>
            <th scope="col">{t('cooperation.requestTable.status')}</th>
            {actions === undefined ? null : <th scope="col">{t('cooperation.requestTable.decision')}</th>}
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id}>
              <th scope="row">
                <Link to={requestPath(request.id)}>
                  <span className="code">{request.item.code}</span> {request.item.title}
                </Link>
                {request.illustrative ? (
                  <>
                    {' '}
                    <Chip tone="muted">{t('cooperation.requestTable.illustrative')}</Chip>
                  </>
                ) : null}
              </th>
              <td>
                {formatSpan(request.event.startsOn, request.event.endsOn)}, {request.event.place}
              </td>
              <td>{request.partner.name}</td>
              <td>{request.goals.map((goal) => goal.title).join('; ') || '—'}</td>
              <td>
                <RequestStatus request={request} />
                {request.registered + request.waitlisted === 0 ? null : (
                  <span className="muted">
                    {' '}
                    {request.registered} {t('cooperation.requestTable.confirmed')} {request.waitlisted}{' '}
                    {t('cooperation.requestTable.waiting')}
                  </span>
                )}
              </td>
              {actions === undefined ? null : <td>{actions(request)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
