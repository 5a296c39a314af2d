import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { isApiProblem } from '../lib/problem.ts'
import { signInPath } from '../lib/return-to.ts'

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
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
  const title = isApiProblem(error) ? error.title : 'Something went wrong'
  const detail = isApiProblem(error)
    ? error.detail
    : error instanceof Error
      ? error.message
      : 'The page could not be shown.'
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
          Try again
        </button>
      )}
    </div>
  )
}

/** Shown for an unknown address, or when the API answers 404 for what the page asked. */
export function NotFound({ title = 'Page not found', detail }: { title?: string; detail?: string }) {
  const location = useLocation()
  const signedIn = isSignedIn(useSession().data)
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <p className="eyebrow">404</p>
      <h1 id="not-found-title">{title}</h1>
      <p>{detail ?? 'There is nothing at this address, or you may not see it.'}</p>
      <p>
        {signedIn ? null : (
          <>
            <Link to={signInPath(location)}>Sign in to see it</Link>
            {' · '}
          </>
        )}
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  )
}

export function isNotFound(error: unknown): boolean {
  return isApiProblem(error) && error.status === 404
}
