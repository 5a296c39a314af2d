import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { SignIn } from '../../../../src/contract/session.ts'
import { Field, fieldErrors } from '../../components/Field.tsx'
import { useT } from '../../i18n/useT.ts'
import { useSignIn } from './queries.ts'

/**
 * Validates with the same SignIn schema as the server, then shows the server's own messages:
 * a 400 per field, a 401 for the whole form. Focus moves to the first thing to fix.
 */
export function SignInForm({ next, autoFocus = true }: { next: string; autoFocus?: boolean }) {
  const t = useT()
  const signIn = useSignIn()
  const navigate = useNavigate()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const formErrorRef = useRef<HTMLDivElement>(null)

  // The form is the point of the page, so the cursor starts in it (unless a failure must be read first).
  useEffect(() => {
    if (autoFocus) usernameRef.current?.focus()
  }, [autoFocus])

  const focusFirst = (found: Record<string, string>) => {
    if (found.username !== undefined) {
      usernameRef.current?.focus()
    } else if (found.password !== undefined) {
      passwordRef.current?.focus()
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const parsed = SignIn.safeParse({
      username: data.get('username') ?? '',
      password: data.get('password') ?? '',
    })
    setFormError(null)
    if (!parsed.success) {
      const found = fieldErrors(parsed.error.issues)
      setErrors(found)
      focusFirst(found)
      return
    }
    setErrors({})
    signIn.mutate(parsed.data, {
      onSuccess: () => navigate(next),
      onError: (problem) => {
        const { username, password } = problem.fieldMessages()
        if (username !== undefined || password !== undefined) {
          const found = {
            ...(username === undefined ? {} : { username }),
            ...(password === undefined ? {} : { password }),
          }
          setErrors(found)
          focusFirst(found)
          return
        }
        setFormError(problem.detail)
        // Wait for the alert to render, then move focus to it so screen readers announce it.
        requestAnimationFrame(() => formErrorRef.current?.focus())
      },
    })
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-describedby="sign-in-hint">
      {formError === null ? null : (
        <div className="form-error" role="alert" tabIndex={-1} ref={formErrorRef}>
          <strong>{t('session.signInForm.signInFailed')}</strong> {formError}
        </div>
      )}
      <Field
        ref={usernameRef}
        label={t('session.signInForm.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username}
      />
      <Field
        ref={passwordRef}
        label={t('session.signInForm.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
      />
      <button type="submit" className="button primary" disabled={signIn.isPending}>
        {signIn.isPending ? t('session.signInForm.signingIn') : t('session.signInForm.signIn')}
      </button>
      <aside className="hint" id="sign-in-hint" aria-label={t('session.signInForm.demoAccounts')}>
        <p>
          <strong>{t('session.signInForm.demoAccounts2')}</strong>{' '}
          <code>{t('session.signInForm.staff')}</code> {t('session.signInForm.allianceStaff')}{' '}
          <code>{t('session.signInForm.fra')}</code> {t('session.signInForm.franceAnAlly')}{' '}
          <code>{t('session.signInForm.jpn')}</code> {t('session.signInForm.and')}{' '}
          <code>{t('session.signInForm.kor')}</code> {t('session.signInForm.partnerMissionsThePasswordIs')}{' '}
          <code>{t('session.signInForm.liaisonDemoPassword')}</code>
          {t('session.signInForm.orTheOnePrintedWhen')}
        </p>
      </aside>
    </form>
  )
}
