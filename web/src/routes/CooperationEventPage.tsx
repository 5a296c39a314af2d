import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { Chip } from '../components/Chip.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { formatDay, formatSpan } from '../features/cooperation/dates.ts'
import { itemPath } from '../features/cooperation/ItemTable.tsx'
import { areaName, formatLabels, phaseLabels, requestStatusLabels } from '../features/cooperation/labels.ts'
import { type EventDetailData, participantsCsvPath, useEvent } from '../features/cooperation/queries.ts'
import { RequestForm } from '../features/cooperation/RequestForm.tsx'
import { requestPath } from '../features/cooperation/RequestTable.tsx'
import '../features/cooperation/cooperation.css'

/** Seats and the waiting list, as far as the viewer may count them (a partner counts its own). */
function Seats({ event }: { event: EventDetailData }) {
  const left = Math.max(0, event.capacity - event.registered)
  return (
    <>
      <div>
        <dt>Capacity</dt>
        <dd>{event.capacity} seats</dd>
      </div>
      {event.abilities.edit ? (
        <div>
          <dt>Seats left</dt>
          <dd data-testid="seats-left">{left}</dd>
        </div>
      ) : null}
      <div>
        <dt>{event.abilities.edit ? 'Registered' : 'Registered from your side'}</dt>
        <dd>
          {event.registered} confirmed · {event.waitlisted} waiting
        </dd>
      </div>
    </>
  )
}

/** One event: when (days at its place, in its zone), where, deadline, seats, and the request button. */
export function CooperationEventPage() {
  const { id = '' } = useParams()
  const event = useEvent(id)
  const [requesting, setRequesting] = useState(false)
  const navigate = useNavigate()
  usePageMarking(event.data?.pageMarking)
  if (event.isPending) return <Loading label="Loading event…" />
  if (event.isError) {
    return isNotFound(event.error) ? (
      <NotFound title="Event not found" detail={event.error.message} />
    ) : (
      <ErrorState error={event.error} onRetry={() => event.refetch()} />
    )
  }
  const data = event.data
  const when = formatSpan(data.startsOn, data.endsOn)
  return (
    <>
      <title>{`${data.item.code} ${when} — Liaison`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/cooperation">Cooperation menu</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={itemPath(data.item.id)}>{data.item.code}</Link> <span aria-hidden="true">/</span>{' '}
        <span>{when}</span>
      </nav>
      <PageHeader
        eyebrow={`${formatLabels[data.item.format]} · ${data.item.provider.name}`}
        title={`${data.item.title}, ${when}`}
      />
      <CooperationNav />
      <section className="panel" aria-labelledby="event-facts">
        <h2 id="event-facts" className="visually-hidden">
          About this event
        </h2>
        <dl className="facts">
          <div>
            <dt>Dates</dt>
            <dd>
              {when} <span className="muted">(days in {data.timeZone})</span>
            </dd>
          </div>
          <div>
            <dt>Place</dt>
            <dd>{data.place}</dd>
          </div>
          <div>
            <dt>Apply by</dt>
            <dd>
              {formatDay(data.applicationDeadline)}{' '}
              <span className="muted">(end of the day in {data.timeZone})</span>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <Chip tone={data.phase === 'open' ? 'accent' : 'muted'}>{phaseLabels[data.phase]}</Chip>
            </dd>
          </div>
          <Seats event={data} />
          <div>
            <dt>Priority areas</dt>
            <dd>{data.item.priorityAreas.map(areaName).join(', ') || '—'}</dd>
          </div>
          {data.ownRequest === null ? null : (
            <div>
              <dt>Your request</dt>
              <dd>
                <Link to={requestPath(data.ownRequest.id)}>
                  {requestStatusLabels[data.ownRequest.status]}
                </Link>
              </dd>
            </div>
          )}
          {data.abilities.seeParticipants ? (
            <div>
              <dt>Participants</dt>
              <dd>
                <a href={participantsCsvPath(data.id)} download>
                  Participant list (CSV)
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {data.abilities.request ? (
        <div className="section">
          {requesting ? (
            <RequestForm
              eventId={data.id}
              onCreated={(requestId) => navigate(requestPath(requestId))}
              onCancel={() => setRequesting(false)}
            />
          ) : (
            <button type="button" className="button" onClick={() => setRequesting(true)}>
              Request a place
            </button>
          )}
        </div>
      ) : null}
    </>
  )
}
