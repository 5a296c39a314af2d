import { Link } from 'react-router'
import { usePageMarking } from '../../components/marking.tsx'
import { EngagementWhen } from '../engagements/EngagementWhen.tsx'
import { useEngagements, viewerZone } from '../engagements/queries.ts'
import { usePortfolio } from '../programmes/queries.ts'
import { useProposals, useReminders } from '../proposals/queries.ts'
import { DashboardCard } from './DashboardCard.tsx'
import { awaitingPosition, milestonesNeedingAttention, reviewsDue, thisWeek, type Viewer } from './needs.ts'

const programmeLink = (id: string) => `/programmes/${encodeURIComponent(id)}`

function Milestones({ viewer }: { viewer: Viewer }) {
  const portfolio = usePortfolio()
  usePageMarking(portfolio.data?.marking)
  const items = milestonesNeedingAttention(portfolio.data?.items ?? [], viewer)
  return (
    <DashboardCard
      id="dashboard-milestones"
      title="Late and at-risk milestones"
      query={portfolio}
      count={items.length}
      empty="No milestone is late or at risk."
    >
      <ul className="dashboard-list">
        {items.map((programme) => (
          <li key={programme.id}>
            <Link to={programmeLink(programme.id)}>{programme.title}</Link>
            <span className="muted">
              {' '}
              — {programme.progress.late} late, {programme.progress.atRisk} at risk
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

function Reviews({ viewer }: { viewer: Viewer }) {
  const portfolio = usePortfolio()
  const today = portfolio.data?.today ?? ''
  const items = reviewsDue(portfolio.data?.items ?? [], viewer, today)
  return (
    <DashboardCard
      id="dashboard-reviews"
      title="Programme reviews due"
      query={portfolio}
      count={items.length}
      empty="No review is due in the next 30 days."
    >
      <ul className="dashboard-list">
        {items.map((programme) => (
          <li key={programme.id}>
            <Link to={programmeLink(programme.id)}>{programme.title}</Link>
            <span className="muted">
              {' '}
              — review {(programme.nextReview ?? '') < today ? 'overdue since' : 'due'}{' '}
              {new Date(`${programme.nextReview}T00:00:00Z`).toLocaleDateString(undefined, {
                dateStyle: 'medium',
                timeZone: 'UTC',
              })}
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

function Positions({ viewer }: { viewer: Viewer }) {
  const proposals = useProposals()
  const reminders = useReminders()
  usePageMarking(proposals.data?.marking)
  const items = awaitingPosition(proposals.data?.items ?? [], viewer)
  const reminded = new Set((reminders.data?.items ?? []).map((item) => item.proposal))
  return (
    <DashboardCard
      id="dashboard-positions"
      title="Proposals awaiting a position"
      query={proposals}
      count={items.length}
      empty="No open proposal is waiting for a position."
    >
      <ul className="dashboard-list">
        {items.map(({ proposal, missing }) => (
          <li key={proposal.id}>
            <Link to={`/proposals/${encodeURIComponent(proposal.id)}`}>{proposal.title}</Link>
            <span className="muted">
              {viewer.kind === 'staff' ? ` — ${missing} member${missing === 1 ? '' : 's'} yet to answer` : ''}
              {proposal.deadline === null
                ? ''
                : ` — deadline ${new Date(proposal.deadline).toLocaleString()}`}
              {reminded.has(proposal.id) ? ' — reminder sent' : ''}
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

function ThisWeek({ viewer }: { viewer: Viewer }) {
  const week = thisWeek(new Date(), viewerZone)
  const engagements = useEngagements({
    ...week,
    order: 'asc',
    limit: 50,
    partner: viewer.kind === 'partner' ? (viewer.country ?? undefined) : undefined,
  })
  usePageMarking(engagements.data?.marking)
  const items = engagements.data?.items ?? []
  return (
    <DashboardCard
      id="dashboard-week"
      title={`Engagements this week (${viewerZone.replace(/_/g, ' ')})`}
      query={engagements}
      count={items.length}
      empty="No engagement this week."
    >
      <ul className="dashboard-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/engagements/${encodeURIComponent(item.id)}`}>{item.title}</Link>
            <span className="muted">
              {' — '}
              <EngagementWhen engagement={item} />
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

/** What needs the person today: every list read through the API, so each shows only what they may see. */
export function NeedsMe({ viewer }: { viewer: Viewer }) {
  return (
    <div className="dashboard-grid">
      <Milestones viewer={viewer} />
      <Reviews viewer={viewer} />
      {viewer.kind === 'staff' || viewer.kind === 'ally' ? <Positions viewer={viewer} /> : null}
      <ThisWeek viewer={viewer} />
    </div>
  )
}
