import { useEffect, useRef } from 'react'
import { labelsOf } from '../../i18n/labels.ts'
import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { useSignInProviders } from './queries.ts'

/** What the callback's ?error=… means, in words a person can act on. */
const failureMessages: Readonly<Record<string, string>> = labelsOf('sso', [
  'state',
  'provider',
  'token',
  'unmapped',
  'disabled',
  'locked',
  'unreachable',
  'taken',
])

const fallbackFailure = (): string => translate('session.sso.other')

/** The failure of a single sign-on that brought the browser back here, announced and focused. */
export function SingleSignOnFailure({ failure }: { failure: string }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  // After the page has settled (the app moves focus to the main region as a page loads).
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [])
  return (
    <div className="form-error sso-error" role="alert" tabIndex={-1} ref={ref}>
      <strong>{t('session.singleSignOn.signInFailed')}</strong>{' '}
      {failureMessages[failure] ?? fallbackFailure()}
    </div>
  )
}

/**
 * "Sign in with <label>" for each configured provider. Plain links, not fetches: the sign-in is a
 * full-page trip through the provider and back. Nothing is shown when no provider is configured.
 */
export function SingleSignOnOptions() {
  const t = useT()
  const providers = useSignInProviders()
  const items = providers.data?.items ?? []
  if (items.length === 0) return null
  return (
    <section className="sso card" aria-labelledby="sso-heading">
      <h2 id="sso-heading" className="card-title">
        {t('session.singleSignOn.singleSignOn')}
      </h2>
      <p className="muted">{t('session.singleSignOn.useYourMinistrySOr')}</p>
      <ul className="sso-list">
        {items.map((provider) => (
          <li key={provider.id}>
            <a
              className="button secondary sso-button"
              href={`/api/v1/session/oidc/${encodeURIComponent(provider.id)}/start`}
            >
              {t('session.singleSignOn.signInWith', { provider: provider.label })}
            </a>
          </li>
        ))}
      </ul>
      <p className="sso-or" aria-hidden="true">
        {t('session.singleSignOn.orWithYourLiaisonUsername')}
      </p>
    </section>
  )
}
