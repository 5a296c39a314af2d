import { Link } from 'react-router'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { useFrameworks } from '../features/frameworks/queries.ts'
import { NewFramework } from '../features/registry/NewRecordButtons.tsx'
import { useT } from '../i18n/useT.ts'

export function FormalBadge({ formal }: { formal: boolean }) {
  const t = useT()
  return (
    <span className={`badge ${formal ? 'badge-formal' : 'badge-informal'}`}>
      {formal ? t('page.frameworks.formal') : t('page.frameworks.informal')}
    </span>
  )
}

/** The partnership frameworks: formal programmes and informal groupings, with current member counts. */
export function FrameworksPage() {
  const t = useT()
  const frameworks = useFrameworks()
  usePageMarking(frameworks.data?.marking)
  return (
    <>
      <title>{t('page.frameworks.frameworksLiaison')}</title>
      <PageHeader
        title={t('page.frameworks.frameworks')}
        lead={t('page.frameworks.groupingsOfPartnersFormalProgrammes')}
        actions={<CsvLink path="/api/v1/frameworks.csv" label={t('ui.csvLink.frameworks')} />}
      />
      <NewFramework />
      {frameworks.isPending ? (
        <Loading label={t('page.frameworks.loadingFrameworks')} />
      ) : frameworks.isError ? (
        <ErrorState error={frameworks.error} onRetry={() => frameworks.refetch()} />
      ) : frameworks.data.items.length === 0 ? (
        <EmptyState title={t('page.frameworks.noFrameworksAreRecorded')} />
      ) : (
        <ul className="framework-grid" aria-label={t('page.frameworks.frameworks')}>
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
                {framework.started === null
                  ? t('page.frameworks.noFoundingDate')
                  : t('page.frameworks.since', { label: framework.started.label })}
              </p>
              <p className="card-text">{framework.description}</p>
              <p className="stat">
                <span className="stat-number">{framework.memberCount}</span>{' '}
                {t('page.frameworks.membersToday', { count: framework.memberCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
