import { requestStatuses } from '../../../src/domain/cooperation/vocabulary.ts'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { requestStatusLabels } from '../features/cooperation/labels.ts'
import { pageSize, useRequests } from '../features/cooperation/queries.ts'
import { RequestTable } from '../features/cooperation/RequestTable.tsx'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

/** The requests the viewer may see: a partner its own, a provider those for its items, staff all. */
export function CooperationRequestsPage() {
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const status = address.get('status')
  const requests = useRequests({ status: status || undefined, offset: page * pageSize })
  usePageMarking(requests.data?.marking)
  return (
    <>
      <title>Cooperation requests — Liaison</title>
      <PageHeader
        title="Cooperation requests"
        lead="Requests to take part in events of the menu, with the programme goals each serves."
      />
      <CooperationNav />
      <search className="filters" aria-label="Filter requests">
        <div className="field">
          <label htmlFor="requests-status">Status</label>
          <select
            id="requests-status"
            className="input"
            value={status}
            onChange={(event) => address.set({ status: event.target.value, page: '' })}
          >
            <option value="">Any status</option>
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
          <Loading label="Loading requests…" />
        ) : requests.data.items.length === 0 ? (
          <EmptyState title="No requests">
            <p>Requests you may see will be listed here. Request an event from its page in the catalogue.</p>
          </EmptyState>
        ) : (
          <>
            <Pagination
              label="Request pages"
              page={page}
              pageSize={pageSize}
              total={requests.data.total}
              onPage={(next) => address.set({ page: String(next) })}
            />
            <RequestTable requests={requests.data.items} label="Requests" />
          </>
        )}
      </div>
    </>
  )
}
