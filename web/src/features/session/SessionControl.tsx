import { Link, useLocation, useNavigate } from 'react-router'
import { labelsOf } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { labelOf } from '../../lib/labels.ts'
import { signInPath } from '../../lib/return-to.ts'
import { isSignedIn, useSession, useSignOut } from './queries.ts'

const kindLabels = labelsOf('accountKind', ['partner', 'ally', 'staff'] as const)

/** Header corner: who is signed in with a Sign out button, or a Sign in link. */
export function SessionControl() {
  const t = useT()
  const session = useSession()
  const signOut = useSignOut()
  const navigate = useNavigate()
  const location = useLocation()
  const principal = session.data
  if (!isSignedIn(principal)) {
    return (
      <Link className="button header-button" to={signInPath(location)}>
        {t('session.sessionControl.signIn')}
      </Link>
    )
  }
  return (
    <div className="session">
      <span className="session-who">
        <span className="visually-hidden">{t('session.sessionControl.signedInAs')} </span>
        <strong>{principal.displayName}</strong>
        <span className="session-meta">
          {principal.username} · {labelOf(kindLabels, principal.kind)} · {principal.clearance}
        </span>
      </span>
      <button
        type="button"
        className="button header-button"
        disabled={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            // Signed out here, the sign-in page says so and lets the next person in; signed in
            // through a provider: leave for its logout page, which comes back to /sign-in too.
            onSuccess: (result) =>
              result === null ? navigate('/sign-in') : window.location.assign(result.logoutUrl),
          })
        }
      >
        {t('session.sessionControl.signOut')}
      </button>
    </div>
  )
}
