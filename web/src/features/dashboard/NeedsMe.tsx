import { Link } from 'react-router'
import { usePageMarking } from '../../components/marking.tsx'
import { useT } from '../../i18n/useT.ts'
import { EngagementWhen } from '../engagements/EngagementWhen.tsx'
import { useEngagements, viewerZone } from '../engagements/queries.ts'
import { usePortfolio } from '../programmes/queries.ts'
import { useProposals, useReminders } from '../proposals/queries.ts'
import { DashboardCard } from './DashboardCard.tsx'
import { awaitingPosition, milestonesNeedingAttention, reviewsDue, thisWeek, type Viewer } from './needs.ts'

const programmeLink = (id: string) => `/programmes/${encodeURIComponent(id)}`

function Milestones({ viewer }: { viewer: Viewer }) {
  const t = useT()
  const portfolio = usePortfolio()
  usePageMarking(portfolio.data?.marking)
  const items = milestonesNeedingAttention(portfolio.data?.items ?? [], viewer)
  return (
    <DashboardCard
      id="dashboard-milestones"
      title={t('dashboard.needsMe.lateAndAtRiskMilestones')}
      query={portfolio}
      count={items.length}
      empty={t('dashboard.needsMe.noMilestoneLate')}
    >
      <ul className="dashboard-list">
        {items.map((programme) => (
          <li key={programme.id}>
            <Link to={programmeLink(programme.id)}>{programme.title}</Link>
            <span className="muted">
              {t('dashboard.needsMe.lateAndAtRisk', {
                late: programme.progress.late,
                atRisk: programme.progress.atRisk,
              })}
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

function Reviews({ viewer }: { viewer: Viewer }) {
  const t = useT()
  const portfolio = usePortfolio()
  const today = portfolio.data?.today ?? ''
  const items = reviewsDue(portfolio.data?.items ?? [], viewer, today)
  return (
    <DashboardCard
      id="dashboard-reviews"
      title={t('dashboard.needsMe.programmeReviewsDue')}
      query={portfolio}
      count={items.length}
      empty={t('dashboard.needsMe.noReviewDue')}
    >
      <ul className="dashboard-list">
        {items.map((programme) => (
          <li key={programme.id}>
            <Link to={programmeLink(programme.id)}>{programme.title}</Link>
            <span className="muted">
              {t(
                (programme.nextReview ?? '') < today
                  ? 'dashboard.needsMe.reviewOverdue'
                  : 'dashboard.needsMe.reviewDue',
                {
                  day: new Date(`${programme.nextReview}T00:00:00Z`).toLocaleDateString(undefined, {
                    dateStyle: 'medium',
                    timeZone: 'UTC',
                  }),
                },
              )}
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

function Positions({ viewer }: { viewer: Viewer }) {
  const t = useT()
  const proposals = useProposals()
  const reminders = useReminders()
  usePageMarking(proposals.data?.marking)
  const items = awaitingPosition(proposals.data?.items ?? [], viewer)
  const reminded = new Set((reminders.data?.items ?? []).map((item) => item.proposal))
  return (
    <DashboardCard
      id="dashboard-positions"
      title={t('dashboard.needsMe.proposalsAwaitingAPosition')}
      query={proposals}
      count={items.length}
      empty={t('dashboard.needsMe.noProposalWaiting')}
    >
      <ul className="dashboard-list">
        {items.map(({ proposal, missing }) => (
          <li key={proposal.id}>
            <Link to={`/proposals/${encodeURIComponent(proposal.id)}`}>{proposal.title}</Link>
            <span className="muted">
              {viewer.kind === 'staff' ? t('dashboard.needsMe.memberYetToAnswer', { missing }) : ''}
              {proposal.deadline === null
                ? ''
                : t('dashboard.needsMe.deadline', { deadline: new Date(proposal.deadline).toLocaleString() })}
              {reminded.has(proposal.id) ? t('dashboard.needsMe.reminderSent') : ''}
            </span>
          </li>
        ))}
      </ul>
    </DashboardCard>
  )
}

function ThisWeek({ viewer }: { viewer: Viewer }) {
  const t = useT()
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
      title={t('dashboard.needsMe.engagementsThisWeek', { zone: viewerZone.replace(/_/g, ' ') })}
      query={engagements}
      count={items.length}
      empty={t('dashboard.needsMe.noEngagementThisWeek')}
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
