import { Link } from 'react-router'
import { PageHeader } from '../components/PageHeader.tsx'
import { Loading } from '../components/states.tsx'
import { NeedsMe } from '../features/dashboard/NeedsMe.tsx'
import { Recent } from '../features/dashboard/Recent.tsx'
import { useT } from '../i18n/useT.ts'
import '../features/dashboard/dashboard.css'
import { isSignedIn, useSession } from '../features/session/queries.ts'

/**
 * The home page of a signed-in person: what needs them today, what changed lately, and the jobs
 * they do most. A visitor who is not signed in is sent to the public portal by the server.
 */
export function DashboardPage() {
  const t = useT()
  const session = useSession()
  const principal = session.data
  if (principal === undefined) return <Loading />
  if (!isSignedIn(principal)) {
    // The server sends visitors to the portal; this covers a session that ended in this tab.
    window.location.replace('/public')
    return <Loading />
  }
  const viewer = { kind: principal.kind, country: principal.country }
  const abilities = principal.abilities
  return (
    <>
      <title>{t('page.dashboard.homeLiaison')}</title>
      <PageHeader
        title={t('page.dashboard.goodDay', { displayName: principal.displayName })}
        lead={
          principal.kind === 'partner' && principal.country !== null
            ? t('page.dashboard.whatNeedsAttentionForToday', { country: principal.country })
            : t('page.dashboard.whatNeedsYourAttentionToday')
        }
      />
      <nav aria-label={t('page.dashboard.shortcuts')} className="dashboard-shortcuts">
        <ul>
          {abilities.createEngagements ? (
            <li>
              <Link className="button" to="/engagements/new">
                {t('page.dashboard.recordAnEngagement')}
              </Link>
            </li>
          ) : null}
          {abilities.createProposals ? (
            <li>
              <Link className="button secondary" to="/proposals">
                {t('page.dashboard.draftAProposal')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link
              className="button secondary"
              to={
                principal.kind === 'partner' && principal.country !== null
                  ? `/partners/${principal.country}`
                  : '/partners'
              }
            >
              {principal.kind === 'partner'
                ? t('page.dashboard.ourPartnerPage')
                : t('page.dashboard.partners')}
            </Link>
          </li>
          <li>
            <Link className="button secondary" to="/programmes">
              {t('page.dashboard.programmes')}
            </Link>
          </li>
          <li>
            <Link className="button secondary" to="/engagements?view=month">
              {t('page.dashboard.thisMonthSCalendar')}
            </Link>
          </li>
        </ul>
      </nav>
      <h2 className="dashboard-heading">{t('page.dashboard.needsMe')}</h2>
      <NeedsMe viewer={viewer} />
      <h2 className="dashboard-heading">{t('page.dashboard.recent')}</h2>
      <Recent viewer={viewer} />
    </>
  )
}
