import { NavLink } from 'react-router'
import { useSession } from '../session/queries.ts'

/** Who approves requests: the provider's delegation or staff (the API checks each request anyway). */
const approvers = ['cooperation.manage', 'cooperation.provide-own']

/** The menu's own sections, under the page title: catalogue, events, requests and the approval queue. */
export function CooperationNav() {
  const granted: readonly string[] = useSession().data?.permissions ?? []
  const approves = granted.some((permission) => approvers.includes(permission))
  return (
    <nav aria-label="Cooperation menu" className="chips cooperation-nav">
      <NavLink end to="/cooperation" className="chip chip-link">
        Catalogue
      </NavLink>
      <NavLink to="/cooperation/events" className="chip chip-link">
        Events
      </NavLink>
      <NavLink end to="/cooperation/requests" className="chip chip-link">
        Requests
      </NavLink>
      {approves ? (
        <NavLink to="/cooperation/queue" className="chip chip-link">
          Approval queue
        </NavLink>
      ) : null}
    </nav>
  )
}
