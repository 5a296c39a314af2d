import { NavLink } from 'react-router'
import { useT } from '../../i18n/useT.ts'
import { useSession } from '../session/queries.ts'

/** Who approves requests: the provider's delegation or staff (the API checks each request anyway). */
const approvers = ['cooperation.manage', 'cooperation.provide-own']

/** The menu's own sections, under the page title: catalogue, events, requests and the approval queue. */
export function CooperationNav() {
  const t = useT()
  const granted: readonly string[] = useSession().data?.permissions ?? []
  const approves = granted.some((permission) => approvers.includes(permission))
  return (
    <nav aria-label={t('cooperation.cooperationNav.cooperationMenu')} className="chips cooperation-nav">
      <NavLink end to="/cooperation" className="chip chip-link">
        {t('cooperation.cooperationNav.catalogue')}
      </NavLink>
      <NavLink to="/cooperation/events" className="chip chip-link">
        {t('cooperation.cooperationNav.events')}
      </NavLink>
      <NavLink end to="/cooperation/requests" className="chip chip-link">
        {t('cooperation.cooperationNav.requests')}
      </NavLink>
      {approves ? (
        <NavLink to="/cooperation/queue" className="chip chip-link">
          {t('cooperation.cooperationNav.approvalQueue')}
        </NavLink>
      ) : null}
    </nav>
  )
}
