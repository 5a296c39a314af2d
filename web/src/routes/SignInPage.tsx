import { Navigate, useSearchParams } from 'react-router'
import { PageHeader } from '../components/PageHeader.tsx'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { SignInForm } from '../features/session/SignInForm.tsx'
import { SingleSignOnFailure, SingleSignOnOptions } from '../features/session/SingleSignOn.tsx'
import { useT } from '../i18n/useT.ts'
import { safeNext } from '../lib/return-to.ts'

export function SignInPage() {
  const t = useT()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const failure = params.get('error')
  const session = useSession()
  if (isSignedIn(session.data)) {
    return <Navigate to={next} replace />
  }
  return (
    <div className="narrow-page">
      <title>{t('page.signIn.signInLiaison')}</title>
      <PageHeader title={t('page.signIn.signIn')} lead={t('page.signIn.signInToSeeWhat')} />
      {failure === null ? null : <SingleSignOnFailure failure={failure} />}
      <SingleSignOnOptions />
      <SignInForm next={next} autoFocus={failure === null} />
    </div>
  )
}
