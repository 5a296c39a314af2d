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
import '../features/scheduling/scheduling.css'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { isApiProblem } from '../lib/problem.ts'

function SeriesSection({ base }: { readonly base: SlotSearchRequestBody }) {
  const [request, setRequest] = useState<SeriesRequestBody | null>(null)
  const series = useSeries(request)
  const problem = isApiProblem(series.error) ? series.error : null
  return (
    <section className="section" aria-labelledby="series-title">
      <h2 id="series-title">Series planner</h2>
      <p className="muted">
        Rotates a recurring meeting so no one always takes the late call, compared with the same time every
        week.
      </p>
      <SeriesForm base={base} onPlan={setRequest} serverError={problem} pending={series.isFetching} />
      {series.isFetching ? <Loading label="Planning the series…" /> : null}
      {series.error === null ? null : <ErrorState error={series.error} />}
      {series.data === undefined ? null : (
        <div className="series-result" data-testid="series">
          <BurdenChart data={series.data} />
          <BurdenTable data={series.data} />
          <h3>Meetings</h3>
          <OccurrenceTable data={series.data} />
        </div>
      )}
    </section>
  )
}

/** Finding a time across zones: slots ranked by everyone's inconvenience, and a fair series. */
export function SchedulingPage() {
  const session = useSession()
  const [request, setRequest] = useState<SlotSearchRequestBody | null>(null)
  const slots = useSlotSearch(request)
  const header = (
    <PageHeader
      title="Scheduling"
      lead="Find meeting times across time zones, with every participant's own clock and weekday."
    />
  )
  if (session.isPending) return <Loading />
  if (!isSignedIn(session.data)) {
    return (
      <>
        {header}
        <EmptyState title="Sign in to plan meetings">
          <p>
            <Link to="/sign-in">Sign in</Link> to search slots across the partners’ time zones.
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
        <h2 id="slots-title">Best slots</h2>
        {request === null ? (
          <EmptyState title="No search yet">
            <p>Add the participants and a date range, then find slots.</p>
          </EmptyState>
        ) : slots.isFetching ? (
          <Loading label="Finding slots…" />
        ) : slots.error !== null ? (
          <ErrorState error={slots.error} />
        ) : slots.data === undefined || slots.data.slots.length === 0 ? (
          <EmptyState title="No slot in this range">
            <p>Widen the date range or shorten the meeting.</p>
          </EmptyState>
        ) : (
          <>
            <p className="result-count">
              {slots.data.slots.length} best of {slots.data.candidates} candidate starts, {slots.data.from} to{' '}
              {slots.data.to} ({slots.data.timeZone})
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
