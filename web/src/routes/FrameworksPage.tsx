import { Link } from 'react-router'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { useFrameworks } from '../features/frameworks/queries.ts'
import { NewFramework } from '../features/registry/NewRecordButtons.tsx'

export function FormalBadge({ formal }: { formal: boolean }) {
  return (
    <span className={`badge ${formal ? 'badge-formal' : 'badge-informal'}`}>
      {formal ? 'Formal' : 'Informal'}
    </span>
  )
}

/** The partnership frameworks: formal programmes and informal groupings, with current member counts. */
export function FrameworksPage() {
  const frameworks = useFrameworks()
  usePageMarking(frameworks.data?.marking)
  return (
    <>
      <title>Frameworks — Liaison</title>
      <PageHeader
        title="Frameworks"
        lead="Groupings of partners: formal programmes with a founding act, and informal groupings."
        actions={<CsvLink path="/api/v1/frameworks.csv" what="the frameworks" />}
      />
      <NewFramework />
      {frameworks.isPending ? (
        <Loading label="Loading frameworks…" />
      ) : frameworks.isError ? (
        <ErrorState error={frameworks.error} onRetry={() => frameworks.refetch()} />
      ) : frameworks.data.items.length === 0 ? (
        <EmptyState title="No frameworks are recorded" />
      ) : (
        <ul className="framework-grid" aria-label="Frameworks">
          {frameworks.data.items.map((framework) => (
            <li key={framework.id} className="card framework-card">
              <div className="card-head">
                <h2 className="card-title">
                  <Link to={`/frameworks/${framework.id}`}>{framework.name}</Link>
                </h2>
                <FormalBadge formal={framework.formal} />
              </div>
              <p className="card-meta">
                {framework.shortName} ·{' '}
                {framework.started === null ? 'no founding date' : `since ${framework.started.label}`}
              </p>
              <p className="card-text">{framework.description}</p>
              <p className="stat">
                <span className="stat-number">{framework.memberCount}</span>{' '}
                {framework.memberCount === 1 ? 'member' : 'members'} today
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
