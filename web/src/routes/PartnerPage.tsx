import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Chip } from '../components/Chip.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { PartnerOffices } from '../features/offices/PartnerOffices.tsx'
import { StatusBadge } from '../features/partners/PartnerResults.tsx'
import { usePartner } from '../features/partners/queries.ts'
import { TimelineChart } from '../features/partners/TimelineChart.tsx'
import { TimelineList } from '../features/partners/TimelineList.tsx'
import { PartnerForm } from '../features/registry/PartnerForm.tsx'
import { AddEvent, EventActions } from '../features/registry/TimelineEditor.tsx'
import { useFuzzyDate } from '../i18n/useFuzzyDate.ts'
import { useT } from '../i18n/useT.ts'

/** One partner: key facts, frameworks, and the relationship over time (chart + list). */
export function PartnerPage() {
  const t = useT()
  const dateText = useFuzzyDate()
  const { code = '' } = useParams()
  const partner = usePartner(code)
  const [editing, setEditing] = useState(false)
  usePageMarking(partner.data?.marking)

  if (partner.isPending) {
    return <Loading label={t('page.partner.loadingPartner')} />
  }
  if (partner.isError) {
    return isNotFound(partner.error) ? (
      <NotFound title={t('page.partner.partnerNotFound')} detail={partner.error.message} />
    ) : (
      <ErrorState error={partner.error} onRetry={() => partner.refetch()} />
    )
  }
  const data = partner.data
  return (
    <>
      <title>{t('page.partner.liaison', { name: data.name })}</title>
      <nav aria-label={t('page.partner.breadcrumb')} className="breadcrumb">
        <Link to="/partners">{t('page.partner.partners')}</Link> <span aria-hidden="true">/</span>{' '}
        <span>{data.name}</span>
      </nav>
      <PageHeader
        eyebrow={t('page.partner.eyebrow', { code: data.code })}
        title={data.name}
        lead={data.summary}
      />
      {data.abilities.edit ? (
        editing ? (
          <PartnerForm key={data.code} partner={data} onDone={() => setEditing(false)} />
        ) : (
          <div className="registry-actions">
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              {t('page.partner.editProfile')}
            </button>
          </div>
        )
      ) : null}
      <section aria-labelledby="facts-title" className="panel">
        <h2 id="facts-title" className="visually-hidden">
          {t('page.partner.keyFacts')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('page.partner.capital')}</dt>
            <dd>{data.capital ?? t('page.partner.notRecorded')}</dd>
          </div>
          <div>
            <dt>{t('page.partner.timeZone')}</dt>
            <dd>{data.timeZone}</dd>
          </div>
          <div>
            <dt>{t('page.partner.status')}</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
          </div>
          <div>
            <dt>{t('page.partner.dialogueSince')}</dt>
            <dd data-testid="dialogue-since">
              {data.dialogueSince === null ? (
                t('page.partner.notRecorded')
              ) : (
                <>
                  {dateText(data.dialogueSince)}
                  {data.dialogueSince.precision === 'day' ? null : (
                    <span className="muted">
                      {' '}
                      {t('page.partner.knownToThe', { precision: data.dialogueSince.precision })}
                    </span>
                  )}
                </>
              )}
            </dd>
          </div>
          <div className="facts-wide">
            <dt>{t('page.partner.frameworks')}</dt>
            <dd className="chips">
              {data.frameworks.length === 0
                ? t('page.partner.none')
                : data.frameworks.map((framework) => (
                    <Link key={framework.id} to={`/frameworks/${framework.id}`} className="chip-link">
                      <Chip tone={framework.status === 'active' ? 'accent' : 'muted'}>
                        {framework.shortName}
                        {framework.status === 'active' ? null : ` (${framework.status})`}
                      </Chip>
                    </Link>
                  ))}
            </dd>
          </div>
        </dl>
        <ul className="partner-links" aria-label={t('page.partner.moreAbout', { name: data.name })}>
          <li>
            <Link to={`/programmes?partner=${data.code}`}>{t('page.partner.programmes')}</Link>
          </li>
          <li>
            <Link to={`/engagements?partner=${data.code}`}>{t('page.partner.engagements')}</Link>
          </li>
          <li>
            <Link to={`/statements?partner=${data.code}`}>{t('page.partner.statements')}</Link>
          </li>
          <li>
            <Link to={`/proposals?partner=${data.code}`}>{t('page.partner.allProposals')}</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="timeline-title" className="section">
        <h2 id="timeline-title">{t('page.partner.relationshipTimeline')}</h2>
        <AddEvent partner={data} />
        {data.timeline.length === 0 ? (
          <p className="muted">{t('page.partner.noEventsThatYouMay')}</p>
        ) : (
          <>
            <TimelineChart events={data.timeline} partnerName={data.name} />
            <TimelineList
              events={data.timeline}
              actions={(event) => <EventActions code={data.code} event={event} />}
            />
          </>
        )}
      </section>
      <PartnerOffices code={data.code} name={data.name} />
    </>
  )
}
