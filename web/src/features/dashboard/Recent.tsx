import { Link } from 'react-router'
import { usePageMarking } from '../../components/marking.tsx'
import { useT } from '../../i18n/useT.ts'
import { formatDay } from '../engagements/EngagementWhen.tsx'
import { useEngagements } from '../engagements/queries.ts'
import { useStatements } from '../engagements/statement-queries.ts'
import { DashboardCard } from './DashboardCard.tsx'
import type { Viewer } from './needs.ts'

/**
 * The latest engagements and statements the person may see, read through the same marking-filtered
 * lists as their pages (the audit trail is not used: it is for auditors, not a feed of news).
 */
export function Recent({ viewer }: { viewer: Viewer }) {
  const t = useT()
  const partner = viewer.kind === 'partner' ? (viewer.country ?? undefined) : undefined
  const engagements = useEngagements({ order: 'desc', limit: 5, partner, to: undefined })
  const statements = useStatements({ partner, limit: 5, offset: 0 })
  usePageMarking(engagements.data?.marking)
  usePageMarking(statements.data?.marking)
  const latest = engagements.data?.items ?? []
  const issued = statements.data?.items ?? []
  return (
    <div className="dashboard-grid">
      <DashboardCard
        id="dashboard-recent-engagements"
        title={t('dashboard.recent.latestEngagements')}
        query={engagements}
        count={latest.length}
        empty={t('dashboard.recent.noEngagementYet')}
      >
        <ul className="dashboard-list">
          {latest.map((item) => (
            <li key={item.id}>
              <Link to={`/engagements/${encodeURIComponent(item.id)}`}>{item.title}</Link>
              <span className="muted"> — {formatDay(item.start.place.local)}</span>
            </li>
          ))}
        </ul>
      </DashboardCard>
      <DashboardCard
        id="dashboard-recent-statements"
        title={t('dashboard.recent.latestStatements')}
        query={statements}
        count={issued.length}
        empty={t('dashboard.recent.noStatementYet')}
      >
        <ul className="dashboard-list">
          {issued.map((statement) => (
            <li key={statement.id}>
              <Link to="/statements">{statement.title}</Link>
              {statement.issuedOn === null ? null : (
                <span className="muted"> — {formatDay(statement.issuedOn)}</span>
              )}
            </li>
          ))}
        </ul>
      </DashboardCard>
    </div>
  )
}
