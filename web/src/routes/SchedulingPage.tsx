import { useState } from 'react'
import { Link } from 'react-router'
import type { SeriesRequestBody, SlotSearchRequestBody } from '../../../src/contract/scheduling.ts'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { HourGrid } from '../features/scheduling/HourGrid.tsx'
import { useSeries, useSlotSearch } from '../features/scheduling/queries.ts'
import { SeriesForm } from '../features/scheduling/SeriesForm.tsx'
import { BurdenChart, BurdenTable, OccurrenceTable } from '../features/scheduling/SeriesPlanner.tsx'
import { SharedHoursSection } from '../features/scheduling/SharedHours.tsx'
import { SlotList } from '../features/scheduling/SlotList.tsx'
import { SlotSearchForm } from '../features/scheduling/SlotSearchForm.tsx'
import { useT } from '../i18n/useT.ts'
import '../features/scheduling/scheduling.css'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { isApiProblem } from '../lib/problem.ts'

function SeriesSection({ base }: { readonly base: SlotSearchRequestBody }) {
  const t = useT()
  const [request, setRequest] = useState<SeriesRequestBody | null>(null)
  const series = useSeries(request)
  const problem = isApiProblem(series.error) ? series.error : null
  return (
    <section className="section" aria-labelledby="series-title">
      <h2 id="series-title">{t('page.scheduling.seriesPlanner')}</h2>
      <p className="muted">{t('page.scheduling.rotatesARecurringMeetingSo')}</p>
      <SeriesForm base={base} onPlan={setRequest} serverError={problem} pending={series.isFetching} />
      {series.isFetching ? <Loading label={t('page.scheduling.planningTheSeries')} /> : null}
      {series.error === null ? null : <ErrorState error={series.error} />}
      {series.data === undefined ? null : (
        <div className="series-result" data-testid="series">
          <BurdenChart data={series.data} />
          <BurdenTable data={series.data} />
          <h3>{t('page.scheduling.meetings')}</h3>
          <OccurrenceTable data={series.data} />
        </div>
      )}
    </section>
  )
}

/** Finding a time across zones: slots ranked by everyone's inconvenience, and a fair series. */
export function SchedulingPage() {
  const t = useT()
  const session = useSession()
  const [request, setRequest] = useState<SlotSearchRequestBody | null>(null)
  const slots = useSlotSearch(request)
  const header = (
    <PageHeader
      title={t('page.scheduling.scheduling')}
      lead={t('page.scheduling.findMeetingTimesAcrossTime')}
    />
  )
  if (session.isPending) return <Loading />
  if (!isSignedIn(session.data)) {
    return (
      <>
        {header}
        <EmptyState title={t('page.scheduling.signInToPlanMeetings')}>
          <p>
            <Link to="/sign-in">{t('page.scheduling.signIn')}</Link>{' '}
            {t('page.scheduling.toSearchSlotsAcrossThe')}
          </p>
        </EmptyState>
      </>
    )
  }
  const problem = isApiProblem(slots.error) ? slots.error : null
  return (
    <>
      {header}
      <SlotSearchForm onSearch={setRequest} serverError={problem} pending={slots.isFetching} />
      <section className="section" aria-labelledby="slots-title">
        <h2 id="slots-title">{t('page.scheduling.bestSlots')}</h2>
        {request === null ? (
          <EmptyState title={t('page.scheduling.noSearchYet')}>
            <p>{t('page.scheduling.addTheParticipantsAndA')}</p>
          </EmptyState>
        ) : slots.isFetching ? (
          <Loading label={t('page.scheduling.findingSlots')} />
        ) : slots.error !== null ? (
          <ErrorState error={slots.error} />
        ) : slots.data === undefined || slots.data.slots.length === 0 ? (
          <EmptyState title={t('page.scheduling.noSlotInThisRange')}>
            <p>{t('page.scheduling.widenTheDateRangeOr')}</p>
          </EmptyState>
        ) : (
          <>
            <p className="result-count">
              {t('page.scheduling.bestOfCandidates', {
                best: slots.data.slots.length,
                candidates: slots.data.candidates,
                from: slots.data.from,
                to: slots.data.to,
                zone: slots.data.timeZone,
              })}
            </p>
            <HourGrid
              request={request}
              data={slots.data}
              canCreate={session.data.abilities.createEngagements}
            />
            <SlotList
              slots={slots.data.slots}
              names={slots.data.participants.map((place) => place.name)}
              canCreate={session.data.abilities.createEngagements}
            />
          </>
        )}
      </section>
      {request === null || slots.data === undefined ? null : <SeriesSection base={request} />}
      <SharedHoursSection defaultYear={new Date().getFullYear()} />
    </>
  )
}
