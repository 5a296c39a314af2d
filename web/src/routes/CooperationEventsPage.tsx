import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { EventTable } from '../features/cooperation/EventTable.tsx'
import { pageSize, useEvents } from '../features/cooperation/queries.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

/** Every event of the menu the viewer may see; by default those not yet finished. */
export function CooperationEventsPage() {
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const past = address.get('past') === 'true'
  const events = useEvents({ ...(past ? {} : { upcoming: 'true' as const }), offset: page * pageSize })
  usePageMarking(events.data?.marking)
  return (
    <>
      <title>Cooperation events — Liaison</title>
      <PageHeader
        title="Cooperation events"
        lead="Dates are days at the event's place, in its own time zone."
      />
      <CooperationNav />
      <search className="filters" aria-label="Filter events">
        <div className="field check-field">
          <input
            id="events-past"
            type="checkbox"
            checked={past}
            onChange={(event) => address.set({ past: event.target.checked ? 'true' : '', page: '' })}
          />
          <label htmlFor="events-past">Include finished events</label>
        </div>
      </search>
      <div className="section">
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => events.refetch()} />
        ) : events.data === undefined ? (
          <Loading label="Loading events…" />
        ) : events.data.items.length === 0 ? (
          <EmptyState title="No events">Events you may see will be listed here.</EmptyState>
        ) : (
          <>
            <Pagination
              label="Event pages"
              page={page}
              pageSize={pageSize}
              total={events.data.total}
              onPage={(next) => address.set({ page: String(next) })}
            />
            <EventTable events={events.data.items} label="Events" showItem />
          </>
        )}
      </div>
    </>
  )
}
