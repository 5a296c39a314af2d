import { useState } from 'react'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { DecisionButtons } from '../features/cooperation/DecisionButtons.tsx'
import { pageSize, useRequests } from '../features/cooperation/queries.ts'
import { RequestTable } from '../features/cooperation/RequestTable.tsx'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

/** The provider's approval queue: requests awaiting a decision on the items it offers (staff: all). */
export function CooperationQueuePage() {
  const t = useT()
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const requests = useRequests({ status: 'requested', offset: page * pageSize })
  const [said, setSaid] = useState('')
  usePageMarking(requests.data?.marking)
  return (
    <>
      <title>{t('page.cooperationQueue.approvalQueueLiaison')}</title>
      <PageHeader
        title={t('page.cooperationQueue.approvalQueue')}
        lead={t('page.cooperationQueue.requestsAwaitingYourDecisionApproving')}
      />
      <CooperationNav />
      <p className="status-line" role="status" aria-live="polite">
        {said}
      </p>
      <div className="section">
        {requests.isError ? (
          <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
        ) : requests.data === undefined ? (
          <Loading label={t('page.cooperationQueue.loadingTheQueue')} />
        ) : requests.data.items.length === 0 ? (
          <EmptyState title={t('page.cooperationQueue.nothingAwaitsADecision')}>
            <p>{t('page.cooperationQueue.newRequestsForTheActivities')}</p>
          </EmptyState>
        ) : (
          <>
            <Pagination
              label={t('page.cooperationQueue.queuePages')}
              page={page}
              pageSize={pageSize}
              total={requests.data.total}
              onPage={(next) => address.set({ page: String(next) })}
            />
            <RequestTable
              requests={requests.data.items}
              label={t('page.cooperationQueue.requestsAwaitingADecision')}
              actions={(request) => <DecisionButtons request={request} onDecided={setSaid} />}
            />
          </>
        )}
      </div>
    </>
  )
}
