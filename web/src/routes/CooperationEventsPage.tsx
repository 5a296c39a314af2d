import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { EventTable } from '../features/cooperation/EventTable.tsx'
import { pageSize, useEvents } from '../features/cooperation/queries.ts'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import '../features/cooperation/cooperation.css'

/** Every event of the menu the viewer may see; by default those not yet finished. */
export function CooperationEventsPage() {
  const t = useT()
  const address = useAddressParams()
  const page = Math.max(0, Number(address.get('page')) || 0)
  const past = address.get('past') === 'true'
  const events = useEvents({ ...(past ? {} : { upcoming: 'true' as const }), offset: page * pageSize })
  usePageMarking(events.data?.marking)
  return (
    <>
      <title>{t('page.cooperationEvents.cooperationEventsLiaison')}</title>
      <PageHeader
        title={t('page.cooperationEvents.cooperationEvents')}
        lead={t('page.cooperationEvents.datesAreDaysAtThe')}
      />
      <CooperationNav />
      <search className="filters" aria-label={t('page.cooperationEvents.filterEvents')}>
        <div className="field check-field">
          <input
            id="events-past"
            type="checkbox"
            checked={past}
            onChange={(event) => address.set({ past: event.target.checked ? 'true' : '', page: '' })}
          />
          <label htmlFor="events-past">{t('page.cooperationEvents.includeFinishedEvents')}</label>
        </div>
      </search>
      <div className="section">
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => events.refetch()} />
        ) : events.data === undefined ? (
          <Loading label={t('page.cooperationEvents.loadingEvents')} />
        ) : events.data.items.length === 0 ? (
          <EmptyState title={t('page.cooperationEvents.noEvents')}>
            {t('page.cooperationEvents.eventsYouMaySeeWill')}
          </EmptyState>
        ) : (
          <>
            <Pagination
              label={t('page.cooperationEvents.eventPages')}
              page={page}
              pageSize={pageSize}
              total={events.data.total}
              onPage={(next) => address.set({ page: String(next) })}
            />
            <EventTable events={events.data.items} label={t('page.cooperationEvents.events')} showItem />
          </>
        )}
      </div>
    </>
  )
}
