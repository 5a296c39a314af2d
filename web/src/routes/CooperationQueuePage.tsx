import { useState } from 'react'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { DecisionButtons } from '../features/cooperation/DecisionButtons.tsx'
import { pageSize, useRequests } from '../features/cooperation/queries.ts'
import { RequestTable } from '../features/cooperation/RequestTable.tsx'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

/** The provider's approval queue: requests awaiting a decision on the items it offers (staff: all). */
export function CooperationQueuePage() {
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const requests = useRequests({ status: 'requested', offset: page * pageSize })
  const [said, setSaid] = useState('')
  usePageMarking(requests.data?.marking)
  return (
    <>
      <title>Approval queue — Liaison</title>
      <PageHeader
        title="Approval queue"
        lead="Requests awaiting your decision. Approving issues the invitation; open a request to add joining instructions."
      />
      <CooperationNav />
      <p className="status-line" role="status" aria-live="polite">
        {said}
      </p>
      <div className="section">
        {requests.isError ? (
          <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
        ) : requests.data === undefined ? (
          <Loading label="Loading the queue…" />
        ) : requests.data.items.length === 0 ? (
          <EmptyState title="Nothing awaits a decision">
            <p>New requests for the activities you provide will appear here.</p>
          </EmptyState>
        ) : (
          <>
            <Pagination
              label="Queue pages"
              page={page}
              pageSize={pageSize}
              total={requests.data.total}
              onPage={(next) => address.set({ page: String(next) })}
            />
            <RequestTable
              requests={requests.data.items}
              label="Requests awaiting a decision"
              actions={(request) => <DecisionButtons request={request} onDecided={setSaid} />}
            />
          </>
        )}
      </div>
    </>
  )
}
