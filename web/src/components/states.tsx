import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { useT } from '../i18n/useT.ts'
import { isApiProblem } from '../lib/problem.ts'
import { signInPath } from '../lib/return-to.ts'

export function Loading({ label }: { label?: string }) {
  const t = useT()
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('ui.states.loading')}
    </p>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}

/** Renders a failed request: the problem's title and detail, and each field message. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  const title = isApiProblem(error) ? error.title : t('ui.states.somethingWentWrong')
  const detail = isApiProblem(error)
    ? error.detail
    : error instanceof Error
      ? error.message
      : t('ui.states.couldNotBeShown')
  const fields = isApiProblem(error) ? error.errors : []
  return (
    <div className="error-state" role="alert">
      <p className="error-title">{title}</p>
      <p>{detail}</p>
      {isApiProblem(error) && error.advice !== undefined ? <p>{error.advice}</p> : null}
      {fields.length === 0 ? null : (
        <ul>
          {fields.map((field) => (
            <li key={`${field.pointer}:${field.detail}`}>
              <code>{field.pointer.replace(/^#\//, '')}</code>: {field.detail}
            </li>
          ))}
        </ul>
      )}
      {onRetry === undefined ? null : (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('ui.states.tryAgain')}
        </button>
      )}
    </div>
  )
}

/** Shown for an unknown address, or when the API answers 404 for what the page asked. */
export function NotFound({ title, detail }: { title?: string; detail?: string }) {
  const t = useT()
  const location = useLocation()
  const signedIn = isSignedIn(useSession().data)
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <p className="eyebrow">404</p>
      <h1 id="not-found-title">{title ?? t('ui.states.pageNotFound')}</h1>
      <p>{detail ?? t('ui.states.thereIsNothingAtThis')}</p>
      <p>
        {signedIn ? null : (
          <>
            <Link to={signInPath(location)}>{t('ui.states.signInToSee')}</Link>
            {' · '}
          </>
        )}
        <Link to="/">{t('ui.states.goHome')}</Link>
      </p>
    </section>
  )
}

export function isNotFound(error: unknown): boolean {
  return isApiProblem(error) && error.status === 404
}
