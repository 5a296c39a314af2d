import { requestStatuses } from '../../../src/domain/cooperation/vocabulary.ts'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { requestStatusLabels } from '../features/cooperation/labels.ts'
import { pageSize, useRequests } from '../features/cooperation/queries.ts'
import { RequestTable } from '../features/cooperation/RequestTable.tsx'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

/** The requests the viewer may see: a partner its own, a provider those for its items, staff all. */
export function CooperationRequestsPage() {
  const t = useT()
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const status = address.get('status')
  const requests = useRequests({ status: status || undefined, offset: page * pageSize })
  usePageMarking(requests.data?.marking)
  return (
    <>
      <title>{t('page.cooperationRequests.cooperationRequestsLiaison')}</title>
      <PageHeader
        title={t('page.cooperationRequests.cooperationRequests')}
        lead={t('page.cooperationRequests.requestsToTakePartIn')}
      />
      <CooperationNav />
      <search className="filters" aria-label={t('page.cooperationRequests.filterRequests')}>
        <div className="field">
          <label htmlFor="requests-status">{t('page.cooperationRequests.status')}</label>
          <select
            id="requests-status"
            className="input"
            value={status}
            onChange={(event) => address.set({ status: event.target.value, page: '' })}
          >
            <option value="">{t('page.cooperationRequests.anyStatus')}</option>
            {requestStatuses.map((value) => (
              <option key={value} value={value}>
                {requestStatusLabels[value]}
              </option>
            ))}
          </select>
        </div>
      </search>
      <div className="section">
        {requests.isError ? (
          <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
        ) : requests.data === undefined ? (
          <Loading label={t('page.cooperationRequests.loadingRequests')} />
        ) : requests.data.items.length === 0 ? (
          <EmptyState title={t('page.cooperationRequests.noRequests')}>
            <p>{t('page.cooperationRequests.requestsYouMaySeeWill')}</p>
          </EmptyState>
        ) : (
          <>
            <Pagination
              label={t('page.cooperationRequests.requestPages')}
              page={page}
              pageSize={pageSize}
              total={requests.data.total}
              onPage={(next) => address.set({ page: String(next) })}
            />
            <RequestTable requests={requests.data.items} label={t('page.cooperationRequests.requests')} />
          </>
        )}
      </div>
    </>
  )
}
