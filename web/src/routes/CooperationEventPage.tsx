import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { Chip } from '../components/Chip.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { formatDay, formatSpan } from '../features/cooperation/dates.ts'
import { EventEditor } from '../features/cooperation/EventEditForm.tsx'
import { itemPath } from '../features/cooperation/ItemTable.tsx'
import { areaName, formatLabels, phaseLabels, requestStatusLabels } from '../features/cooperation/labels.ts'
import { type EventDetailData, participantsCsvPath, useEvent } from '../features/cooperation/queries.ts'
import { RequestForm } from '../features/cooperation/RequestForm.tsx'
import { requestPath } from '../features/cooperation/RequestTable.tsx'
import { useT } from '../i18n/useT.ts'
import '../features/cooperation/cooperation.css'

/** Seats and the waiting list, as far as the viewer may count them (a partner counts its own). */
function Seats({ event }: { event: EventDetailData }) {
  const t = useT()
  const left = Math.max(0, event.capacity - event.registered)
  return (
    <>
      <div>
        <dt>{t('page.cooperationEvent.capacity')}</dt>
        <dd>
          {event.capacity} {t('page.cooperationEvent.seats')}
        </dd>
      </div>
      {event.abilities.edit ? (
        <div>
          <dt>{t('page.cooperationEvent.seatsLeft')}</dt>
          <dd data-testid="seats-left">{left}</dd>
        </div>
      ) : null}
      <div>
        <dt>
          {event.abilities.edit
            ? t('page.cooperationEvent.registered')
            : t('page.cooperationEvent.registeredFromYourSide')}
        </dt>
        <dd>
          {event.registered} {t('page.cooperationEvent.confirmed')} {event.waitlisted}{' '}
          {t('page.cooperationEvent.waiting')}
        </dd>
      </div>
    </>
  )
}

/** One event: when (days at its place, in its zone), where, deadline, seats, and the request button. */
export function CooperationEventPage() {
  const t = useT()
  const { id = '' } = useParams()
  const event = useEvent(id)
  const [requesting, setRequesting] = useState(false)
  const navigate = useNavigate()
  usePageMarking(event.data?.pageMarking)
  if (event.isPending) return <Loading label={t('page.cooperationEvent.loadingEvent')} />
  if (event.isError) {
    return isNotFound(event.error) ? (
      <NotFound title={t('page.cooperationEvent.eventNotFound')} detail={event.error.message} />
    ) : (
      <ErrorState error={event.error} onRetry={() => event.refetch()} />
    )
  }
  const data = event.data
  const when = formatSpan(data.startsOn, data.endsOn)
  return (
    <>
      <title>{t('page.cooperationEvent.liaison', { code: data.item.code, when })}</title>
      <nav aria-label={t('page.cooperationEvent.breadcrumb')} className="breadcrumb">
        <Link to="/cooperation">{t('page.cooperationEvent.cooperationMenu')}</Link>{' '}
        <span aria-hidden="true">/</span> <Link to={itemPath(data.item.id)}>{data.item.code}</Link>{' '}
        <span aria-hidden="true">/</span> <span>{when}</span>
      </nav>
      <PageHeader
        eyebrow={`${formatLabels[data.item.format]} · ${data.item.provider.name}`}
        title={`${data.item.title}, ${when}`}
      />
      <CooperationNav />
      <section className="panel" aria-labelledby="event-facts">
        <h2 id="event-facts" className="visually-hidden">
          {t('page.cooperationEvent.aboutThisEvent')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('page.cooperationEvent.dates')}</dt>
            <dd>
              {when}{' '}
              <span className="muted">{t('page.cooperationEvent.daysIn', { zone: data.timeZone })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('page.cooperationEvent.place')}</dt>
            <dd>{data.place}</dd>
          </div>
          <div>
            <dt>{t('page.cooperationEvent.applyBy')}</dt>
            <dd>
              {formatDay(data.applicationDeadline)}{' '}
              <span className="muted">
                {t('page.cooperationEvent.endOfTheDayIn', { zone: data.timeZone })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('page.cooperationEvent.status')}</dt>
            <dd>
              <Chip tone={data.phase === 'open' ? 'accent' : 'muted'}>{phaseLabels[data.phase]}</Chip>
            </dd>
          </div>
          <Seats event={data} />
          <div>
            <dt>{t('page.cooperationEvent.priorityAreas')}</dt>
            <dd>{data.item.priorityAreas.map(areaName).join(', ') || '—'}</dd>
          </div>
          {data.ownRequest === null ? null : (
            <div>
              <dt>{t('page.cooperationEvent.yourRequest')}</dt>
              <dd>
                <Link to={requestPath(data.ownRequest.id)}>
                  {requestStatusLabels[data.ownRequest.status]}
                </Link>
              </dd>
            </div>
          )}
          {data.abilities.seeParticipants ? (
            <div>
              <dt>{t('page.cooperationEvent.participants')}</dt>
              <dd>
                <a href={participantsCsvPath(data.id)} download>
                  {t('page.cooperationEvent.participantListCsv')}
                </a>
              </dd>
            </div>
          ) : null}
          {data.illustrative ? (
            <div>
              <dt>{t('page.cooperationEvent.source')}</dt>
              <dd>
                <Chip tone="muted">{t('page.cooperationEvent.illustrative')}</Chip>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <EventEditor event={data} />
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
              {t('page.cooperationEvent.requestAPlace')}
            </button>
          )}
        </div>
      ) : null}
    </>
  )
}
