import { Link, useParams } from 'react-router'
import { MarkingTag, usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { EngagementWhen } from '../features/engagements/EngagementWhen.tsx'
import { type EngagementDetailData, useEngagement } from '../features/engagements/queries.ts'
import type { StatementScope } from '../features/engagements/StatementCard.tsx'
import { StatementCard } from '../features/engagements/StatementCard.tsx'
import { Statements, useStatementScope } from '../features/engagements/StatementsSection.tsx'
import { engagementKindLabels, formatLabels, levelLabels } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'
import { priorityAreaLabel } from '../lib/labels.ts'

function Sidelines({ data, scope }: { data: EngagementDetailData; scope: StatementScope }) {
  const t = useT()
  if (data.sidelines.length === 0) {
    return null
  }
  return (
    <section className="section" aria-labelledby="sidelines-title">
      <h2 id="sidelines-title">{t('page.engagement.sidelineMeetings')}</h2>
      <ul className="card-list" data-testid="sidelines">
        {data.sidelines.map((sideline) => {
          const statements = data.statements.filter((statement) => statement.engagementId === sideline.id)
          return (
            <li key={sideline.id} className="card">
              <p className="card-title">
                <Link to={`/engagements/${encodeURIComponent(sideline.id)}`}>{sideline.title}</Link>{' '}
                <MarkingTag marking={sideline.marking} />
              </p>
              <p className="muted">
                <EngagementWhen engagement={sideline} /> · {levelLabels[sideline.level]} ·{' '}
                {sideline.countries.join(', ')}
              </p>
              {sideline.summary === '' ? null : <p>{sideline.summary}</p>}
              {statements.length === 0 ? null : (
                <ul className="card-list">
                  {statements.map((statement) => (
                    <StatementCard key={statement.id} statement={statement} scope={scope} />
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** An engagement: when and where (at the place and for the viewer), who took part, side meetings, statements. */
export function EngagementPage() {
  const t = useT()
  const { id = '' } = useParams()
  const engagement = useEngagement(id)
  const data = engagement.data?.id === id ? engagement.data : undefined
  usePageMarking(data?.pageMarking)
  const scope = useStatementScope(data?.abilities.update ?? false)
  if (engagement.isError) {
    return isNotFound(engagement.error) ? (
      <NotFound title={t('page.engagement.engagementNotFound')} detail={engagement.error.message} />
    ) : (
      <ErrorState error={engagement.error} onRetry={() => engagement.refetch()} />
    )
  }
  if (data === undefined) {
    return <Loading label={t('page.engagement.loadingEngagement')} />
  }
  return (
    <>
      <title>{t('page.engagement.liaison', { title: data.title })}</title>
      <nav aria-label={t('page.engagement.breadcrumb')} className="breadcrumb">
        <Link to="/engagements">{t('page.engagement.engagements')}</Link> <span aria-hidden="true">/</span>{' '}
        {data.parent === null ? null : (
          <>
            <Link to={`/engagements/${encodeURIComponent(data.parent.id)}`}>{data.parent.title}</Link>{' '}
            <span aria-hidden="true">/</span>{' '}
          </>
        )}
        <span>{data.title}</span>
      </nav>
      <PageHeader
        eyebrow={`${engagementKindLabels[data.kind]} · ${levelLabels[data.level]} · ${formatLabels[data.format]}`}
        title={data.title}
        lead={data.summary}
        actions={
          data.abilities.update ? (
            <Link className="button secondary" to={`/engagements/${encodeURIComponent(data.id)}/edit`}>
              {t('page.engagement.edit')}
            </Link>
          ) : undefined
        }
      />
      <dl className="facts facts-wide">
        <div>
          <dt>{t('page.engagement.when')}</dt>
          <dd>
            <EngagementWhen engagement={data} />
          </dd>
        </div>
        <div>
          <dt>{t('page.engagement.where')}</dt>
          <dd>
            {data.place}
            {data.host === null ? '' : t('page.engagement.host', { host: data.host })}
          </dd>
        </div>
        {data.priorityAreas.length === 0 ? null : (
          <div>
            <dt>{t('page.engagement.priorityAreas')}</dt>
            <dd>{data.priorityAreas.map(priorityAreaLabel).join(', ')}</dd>
          </div>
        )}
      </dl>
      <section className="section" aria-labelledby="participants-title">
        <h2 id="participants-title">{t('page.engagement.participants')}</h2>
        {data.participants.length === 0 ? (
          <p className="muted">{t('page.engagement.noPartnerParticipationIsRecorded')}</p>
        ) : (
          <TableWrap label={t('page.engagement.participants')}>
            <table className="data-table" data-testid="participants">
              <caption>{t('page.engagement.whoTookPartAndAt')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('page.engagement.country')}</th>
                  <th scope="col">{t('page.engagement.person')}</th>
                  <th scope="col">{t('page.engagement.role')}</th>
                  <th scope="col">{t('page.engagement.level')}</th>
                </tr>
              </thead>
              <tbody>
                {data.participants.map((participant) => (
                  <tr key={`${participant.country}-${participant.person ?? ''}`}>
                    <th scope="row">
                      <Link to={`/partners/${participant.country}`}>{participant.countryName}</Link>{' '}
                      <MarkingTag marking={participant.marking} />
                    </th>
                    <td>{participant.person ?? '—'}</td>
                    <td>{participant.role ?? '—'}</td>
                    <td>
                      {levelLabels[participant.level]}
                      {participant.ownLevel ? (
                        <span className="muted"> {t('page.engagement.differsFromTheMeetingS')}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      {data.outcomes.length === 0 ? null : (
        <section className="section" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t('page.engagement.outcomes')}</h2>
          <ul>
            {data.outcomes.map((outcome) => (
              <li key={outcome}>{outcome}</li>
            ))}
          </ul>
        </section>
      )}
      <Sidelines data={data} scope={scope} />
      <Statements data={data} scope={scope} />
    </>
  )
}
