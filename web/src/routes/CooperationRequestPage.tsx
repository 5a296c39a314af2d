import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Chip } from '../components/Chip.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { CooperationNav } from '../features/cooperation/CooperationNav.tsx'
import { formatInstant, formatSpan } from '../features/cooperation/dates.ts'
import { eventPath } from '../features/cooperation/EventTable.tsx'
import { invitationStatusLabels, phaseLabels } from '../features/cooperation/labels.ts'
import { ParticipantList } from '../features/cooperation/ParticipantList.tsx'
import { ParticipantRows } from '../features/cooperation/ParticipantRows.tsx'
import { participantsCsvPath, useRequest } from '../features/cooperation/queries.ts'
import { ReportForm } from '../features/cooperation/ReportForm.tsx'
import { ReportView } from '../features/cooperation/ReportView.tsx'
import { RequestSteps } from '../features/cooperation/RequestSteps.tsx'
import { RequestStatus } from '../features/cooperation/RequestTable.tsx'
import { useT } from '../i18n/useT.ts'
import '../features/cooperation/cooperation.css'

/** One request: its event and goals, the decision and invitation, participants, and the report. */
export function CooperationRequestPage() {
  const t = useT()
  const { id = '' } = useParams()
  const request = useRequest(id)
  const [said, setSaid] = useState('')
  usePageMarking(request.data?.pageMarking)
  if (request.isPending) return <Loading label={t('page.cooperationRequest.loadingRequest')} />
  if (request.isError) {
    return isNotFound(request.error) ? (
      <NotFound title={t('page.cooperationRequest.requestNotFound')} detail={request.error.message} />
    ) : (
      <ErrorState error={request.error} onRetry={() => request.refetch()} />
    )
  }
  const data = request.data
  const when = formatSpan(data.event.startsOn, data.event.endsOn)
  const showParticipants = data.status === 'approved' || data.registered + data.waitlisted > 0
  return (
    <>
      <title>
        {t('page.cooperationRequest.requestLiaison', { code: data.item.code, name: data.partner.name })}
      </title>
      <nav aria-label={t('page.cooperationRequest.breadcrumb')} className="breadcrumb">
        <Link to="/cooperation/requests">{t('page.cooperationRequest.requests')}</Link>{' '}
        <span aria-hidden="true">/</span>{' '}
        <span>
          {data.item.code}, {data.partner.name}
        </span>
      </nav>
      <PageHeader
        eyebrow={t('page.cooperationRequest.requestBy', { partner: data.partner.name })}
        title={data.item.title}
      />
      <CooperationNav />
      <p className="status-line" role="status" aria-live="polite" data-testid="request-said">
        {said}
      </p>
      <section className="panel" aria-labelledby="request-facts">
        <h2 id="request-facts" className="visually-hidden">
          {t('page.cooperationRequest.aboutThisRequest')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('page.cooperationRequest.status')}</dt>
            <dd data-testid="request-status">
              <RequestStatus request={data} />
            </dd>
          </div>
          <div>
            <dt>{t('page.cooperationRequest.event')}</dt>
            <dd>
              <Link to={eventPath(data.event.id)}>
                {when}, {data.event.place}
              </Link>{' '}
              <span className="muted">
                ({data.event.timeZone}; {phaseLabels[data.event.phase]})
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('page.cooperationRequest.provider')}</dt>
            <dd>{data.item.provider.name}</dd>
          </div>
          <div>
            <dt>{t('page.cooperationRequest.requested')}</dt>
            <dd>{formatInstant(data.createdAt)}</dd>
          </div>
          <div className="facts-wide">
            <dt>{t('page.cooperationRequest.programmeGoalsServed')}</dt>
            <dd>
              {data.goals.length === 0 ? (
                '—'
              ) : (
                <ul>
                  {data.goals.map((goal) => (
                    <li key={goal.id}>
                      <Link to={`/programmes/${encodeURIComponent(goal.programmeId)}`}>{goal.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          {data.note === '' ? null : (
            <div className="facts-wide">
              <dt>{t('page.cooperationRequest.note')}</dt>
              <dd>{data.note}</dd>
            </div>
          )}
          {data.decision === null ? null : (
            <div className="facts-wide">
              <dt>{t('page.cooperationRequest.decision')}</dt>
              <dd>
                {t('page.cooperationRequest.by', {
                  when: formatInstant(data.decision.at),
                  who: data.decision.by,
                })}
                {data.decision.note === '' ? '' : `: ${data.decision.note}`}
              </dd>
            </div>
          )}
          {data.invitation === null ? null : (
            <div className="facts-wide">
              <dt>{t('page.cooperationRequest.invitation')}</dt>
              <dd>
                {invitationStatusLabels[data.invitation.status]} ({formatInstant(data.invitation.issuedAt)})
                {data.invitation.message === '' ? null : <p>{data.invitation.message}</p>}
              </dd>
            </div>
          )}
          {data.illustrative ? (
            <div>
              <dt>{t('page.cooperationRequest.source')}</dt>
              <dd>
                <Chip tone="muted">{t('page.cooperationRequest.illustrative')}</Chip>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <RequestSteps request={data} onDone={setSaid} />
      {showParticipants ? (
        <section className="section" aria-labelledby="participants-heading">
          <div className="section-head">
            <h2 id="participants-heading">{t('page.cooperationRequest.participants')}</h2>
            <a href={participantsCsvPath(data.event.id)} download>
              {t('page.cooperationRequest.participantListCsv')}
            </a>
          </div>
          <ParticipantList eventId={data.event.id} requestId={data.id} onDone={setSaid} />
          {data.abilities.register ? <ParticipantRows request={data} onRegistered={setSaid} /> : null}
        </section>
      ) : null}
      {data.report !== null || data.abilities.fileReport ? (
        <section className="section" aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">{t('page.cooperationRequest.feedback')}</h2>
          {data.report !== null ? (
            <ReportView requestId={data.id} />
          ) : (
            <ReportForm request={data} onFiled={setSaid} />
          )}
        </section>
      ) : null}
    </>
  )
}
