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
import { FormalBadge } from './FrameworksPage.tsx'

/** One framework: what it is, its members on a chosen day, and its membership over time. */
export function FrameworkPage() {
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
      setAsOfError(parsed.error.issues[0]?.message ?? 'Use a date as YYYY-MM-DD')
      return
    }
    setAsOfError(undefined)
    setParams({ asOf: parsed.data }, { replace: true })
  }

  if (framework.isError) {
    return isNotFound(framework.error) ? (
      <NotFound title="Framework not found" detail={framework.error.message} />
    ) : (
      <ErrorState error={framework.error} onRetry={() => framework.refetch()} />
    )
  }
  if (data === undefined) {
    return <Loading label="Loading framework…" />
  }
  const asOfValue = draft ?? data.asOf
  return (
    <>
      <title>{`${data.name} — Liaison`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/frameworks">Frameworks</Link> <span aria-hidden="true">/</span>{' '}
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
        {data.started === null ? 'No founding date.' : `Started ${data.started.label}.`}{' '}
        {data.source === null ? null : (
          <a href={data.source} rel="noreferrer" target="_blank">
            Source<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
      </p>
      <section aria-labelledby="members-title" className="section">
        <div className="section-head">
          <h2 id="members-title">Members</h2>
          <div className={`field inline-field${asOfError === undefined ? '' : ' has-error'}`}>
            <label htmlFor="as-of">As of</label>
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
          {data.members.length} {data.members.length === 1 ? 'member' : 'members'} on {data.asOf}
          {framework.isFetching ? <span className="muted"> · updating…</span> : null}
        </p>
        {data.members.length === 0 ? (
          <EmptyState title={`No members on ${data.asOf}`}>
            <p>Pick a later day.</p>
          </EmptyState>
        ) : (
          <MembershipTable
            rows={data.members}
            caption={`Members on ${data.asOf}`}
            testId="framework-members"
          />
        )}
      </section>
      <section aria-labelledby="history-title" className="section">
        <h2 id="history-title">Membership over time</h2>
        <MembershipChart history={data.history} asOf={data.asOf} frameworkName={data.name} />
        <details className="details">
          <summary>Membership history as a table</summary>
          <MembershipTable
            rows={data.history}
            caption={`Every membership span of ${data.shortName}`}
            showNote
          />
        </details>
      </section>
      <FrameworkRegistry framework={data} />
    </>
  )
}
