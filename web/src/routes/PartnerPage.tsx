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

/** One partner: key facts, frameworks, and the relationship over time (chart + list). */
export function PartnerPage() {
  const { code = '' } = useParams()
  const partner = usePartner(code)
  const [editing, setEditing] = useState(false)
  usePageMarking(partner.data?.marking)

  if (partner.isPending) {
    return <Loading label="Loading partner…" />
  }
  if (partner.isError) {
    return isNotFound(partner.error) ? (
      <NotFound title="Partner not found" detail={partner.error.message} />
    ) : (
      <ErrorState error={partner.error} onRetry={() => partner.refetch()} />
    )
  }
  const data = partner.data
  return (
    <>
      <title>{`${data.name} — Liaison`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/partners">Partners</Link> <span aria-hidden="true">/</span> <span>{data.name}</span>
      </nav>
      <PageHeader eyebrow={`Partner · ${data.code}`} title={data.name} lead={data.summary} />
      {data.abilities.edit ? (
        editing ? (
          <PartnerForm key={data.code} partner={data} onDone={() => setEditing(false)} />
        ) : (
          <div className="registry-actions">
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              Edit profile
            </button>
          </div>
        )
      ) : null}
      <section aria-labelledby="facts-title" className="panel">
        <h2 id="facts-title" className="visually-hidden">
          Key facts
        </h2>
        <dl className="facts">
          <div>
            <dt>Capital</dt>
            <dd>{data.capital ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Time zone</dt>
            <dd>{data.timeZone}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
          </div>
          <div>
            <dt>Dialogue since</dt>
            <dd data-testid="dialogue-since">
              {data.dialogueSince === null ? (
                'Not recorded'
              ) : (
                <>
                  {data.dialogueSince.label}
                  {data.dialogueSince.precision === 'day' ? null : (
                    <span className="muted"> (known to the {data.dialogueSince.precision})</span>
                  )}
                </>
              )}
            </dd>
          </div>
          <div className="facts-wide">
            <dt>Frameworks</dt>
            <dd className="chips">
              {data.frameworks.length === 0
                ? 'None'
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
        <ul className="partner-links" aria-label={`More about ${data.name}`}>
          <li>
            {/* The portfolio page has no partner filter; search finds the partner's programmes. */}
            <Link to={`/search?q=${encodeURIComponent(data.name)}&type=programme`}>Programmes</Link>
          </li>
          <li>
            <Link to={`/engagements?partner=${data.code}`}>Engagements</Link>
          </li>
          <li>
            <Link to={`/statements?partner=${data.code}`}>Statements</Link>
          </li>
          <li>
            {/* The proposals list takes no partner filter (the API has none): it is short. */}
            <Link to="/proposals">All proposals</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="timeline-title" className="section">
        <h2 id="timeline-title">Relationship timeline</h2>
        <AddEvent partner={data} />
        {data.timeline.length === 0 ? (
          <p className="muted">No events that you may see are recorded for this partner.</p>
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
