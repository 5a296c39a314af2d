import { useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { IsoDay } from '../../../src/contract/common.ts'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { MembershipChart } from '../features/frameworks/MembershipChart.tsx'
import { MembershipTable } from '../features/frameworks/MembershipTable.tsx'
import { useFramework } from '../features/frameworks/queries.ts'
import { FrameworkRegistry } from '../features/registry/FrameworkRegistry.tsx'
import { useT } from '../i18n/useT.ts'
import { FormalBadge } from './FrameworksPage.tsx'

/** One framework: what it is, its members on a chosen day, and its membership over time. */
export function FrameworkPage() {
  const t = useT()
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const asOfParam = params.get('asOf') ?? undefined
  const [draft, setDraft] = useState<string | null>(null)
  const [asOfError, setAsOfError] = useState<string | undefined>(undefined)
  const framework = useFramework(id, asOfParam)
  // keepPreviousData may still hold another framework's answer for a moment after navigating.
  const data = framework.data?.id === id ? framework.data : undefined
  usePageMarking(data?.marking)

  const changeAsOf = (value: string) => {
    setDraft(value)
    if (value === '') {
      setAsOfError(undefined)
      setParams({}, { replace: true })
      return
    }
    // The same rule as the server's asOf parameter, so a half-typed date never reaches it.
    const parsed = IsoDay.safeParse(value)
    if (!parsed.success) {
      setAsOfError(parsed.error.issues[0]?.message ?? t('page.framework.useADate'))
      return
    }
    setAsOfError(undefined)
    setParams({ asOf: parsed.data }, { replace: true })
  }

  if (framework.isError) {
    return isNotFound(framework.error) ? (
      <NotFound title={t('page.framework.frameworkNotFound')} detail={framework.error.message} />
    ) : (
      <ErrorState error={framework.error} onRetry={() => framework.refetch()} />
    )
  }
  if (data === undefined) {
    return <Loading label={t('page.framework.loadingFramework')} />
  }
  const asOfValue = draft ?? data.asOf
  return (
    <>
      <title>{t('page.framework.liaison', { name: data.name })}</title>
      <nav aria-label={t('page.framework.breadcrumb')} className="breadcrumb">
        <Link to="/frameworks">{t('page.framework.frameworks')}</Link> <span aria-hidden="true">/</span>{' '}
        <span>{data.shortName}</span>
      </nav>
      <PageHeader
        eyebrow={
          <>
            {data.shortName} · <FormalBadge formal={data.formal} />
          </>
        }
        title={data.name}
        lead={data.description}
      />
      <p className="muted">
        {data.started === null
          ? t('page.framework.noFoundingDate')
          : t('page.framework.started', { label: data.started.label })}{' '}
        {data.source === null ? null : (
          <a href={data.source} rel="noreferrer" target="_blank">
            {t('page.framework.source')}
            <span className="visually-hidden"> {t('page.framework.opensInANewTab')}</span>
          </a>
        )}
      </p>
      <section aria-labelledby="members-title" className="section">
        <div className="section-head">
          <h2 id="members-title">{t('page.framework.members')}</h2>
          <div className={`field inline-field${asOfError === undefined ? '' : ' has-error'}`}>
            <label htmlFor="as-of">{t('page.framework.asOf')}</label>
            <input
              id="as-of"
              className="input"
              type="date"
              value={asOfValue}
              min="1949-01-01"
              onChange={(event) => changeAsOf(event.target.value)}
              aria-invalid={asOfError === undefined ? undefined : true}
              aria-describedby={asOfError === undefined ? undefined : 'as-of-error'}
            />
            {asOfError === undefined ? null : (
              <p className="field-error" id="as-of-error">
                {asOfError}
              </p>
            )}
          </div>
        </div>
        <p className="result-count" aria-live="polite" data-testid="member-count">
          {t('page.framework.on', { count: data.members.length, asOf: data.asOf })}
          {framework.isFetching ? <span className="muted"> {t('page.framework.updating')}</span> : null}
        </p>
        {data.members.length === 0 ? (
          <EmptyState title={t('page.framework.noMembersOn', { asOf: data.asOf })}>
            <p>{t('page.framework.pickALaterDay')}</p>
          </EmptyState>
        ) : (
          <MembershipTable
            rows={data.members}
            caption={t('page.framework.membersOn', { asOf: data.asOf })}
            testId="framework-members"
          />
        )}
      </section>
      <section aria-labelledby="history-title" className="section">
        <h2 id="history-title">{t('page.framework.membershipOverTime')}</h2>
        <MembershipChart history={data.history} asOf={data.asOf} frameworkName={data.name} />
        <details className="details">
          <summary>{t('page.framework.membershipHistoryAsATable')}</summary>
          <MembershipTable
            rows={data.history}
            caption={t('page.framework.everyMembershipSpanOf', { shortName: data.shortName })}
            showNote
          />
        </details>
      </section>
      <FrameworkRegistry framework={data} />
    </>
  )
}
