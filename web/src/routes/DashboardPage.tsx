import { Link } from 'react-router'
import { PageHeader } from '../components/PageHeader.tsx'
import { Loading } from '../components/states.tsx'
import { NeedsMe } from '../features/dashboard/NeedsMe.tsx'
import { Recent } from '../features/dashboard/Recent.tsx'
import '../features/dashboard/dashboard.css'
import { isSignedIn, useSession } from '../features/session/queries.ts'

/**
 * The home page of a signed-in person: what needs them today, what changed lately, and the jobs
 * they do most. A visitor who is not signed in is sent to the public portal by the server.
 */
export function DashboardPage() {
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
      <title>Home — Liaison</title>
      <PageHeader
        title={`Good day, ${principal.displayName}`}
        lead={
          principal.kind === 'partner' && principal.country !== null
            ? `What needs attention for ${principal.country} today.`
            : 'What needs your attention today.'
        }
      />
      <nav aria-label="Shortcuts" className="dashboard-shortcuts">
        <ul>
          {abilities.createEngagements ? (
            <li>
              <Link className="button" to="/engagements/new">
                Record an engagement
              </Link>
            </li>
          ) : null}
          {abilities.createProposals ? (
            <li>
              <Link className="button secondary" to="/proposals">
                Draft a proposal
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
              {principal.kind === 'partner' ? 'Our partner page' : 'Partners'}
            </Link>
          </li>
          <li>
            <Link className="button secondary" to="/programmes">
              Programmes
            </Link>
          </li>
          <li>
            <Link className="button secondary" to="/engagements?view=month">
              This month’s calendar
            </Link>
          </li>
        </ul>
      </nav>
      <h2 className="dashboard-heading">Needs me</h2>
      <NeedsMe viewer={viewer} />
      <h2 className="dashboard-heading">Recent</h2>
      <Recent viewer={viewer} />
    </>
  )
}
