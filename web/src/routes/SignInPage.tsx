import { Navigate, useSearchParams } from 'react-router'
import { PageHeader } from '../components/PageHeader.tsx'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { SignInForm } from '../features/session/SignInForm.tsx'
import { SingleSignOnFailure, SingleSignOnOptions } from '../features/session/SingleSignOn.tsx'
import { safeNext } from '../lib/return-to.ts'

export function SignInPage() {
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const failure = params.get('error')
  const session = useSession()
  if (isSignedIn(session.data)) {
    return <Navigate to={next} replace />
  }
  return (
    <div className="narrow-page">
      <title>Sign in — Liaison</title>
      <PageHeader
        title="Sign in"
        lead="Sign in to see what is released to you. Without signing in you see public records only."
      />
      {failure === null ? null : <SingleSignOnFailure failure={failure} />}
      <SingleSignOnOptions />
      <SignInForm next={next} autoFocus={failure === null} />
    </div>
  )
}
