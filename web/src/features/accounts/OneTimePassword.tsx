import { useState } from 'react'
import { useT } from '../../i18n/useT.ts'

/** A generated password, shown this once (the server keeps only its hash), with a copy button. */
export function OneTimePassword({
  username,
  password,
  onDismiss,
}: {
  username: string
  password: string
  onDismiss: () => void
}) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard.writeText(password)
    setCopied(true)
  }
  return (
    <section className="panel one-time-password" role="status" aria-labelledby="otp-title">
      <h2 id="otp-title">{t('accounts.oneTimePassword.oneTimePasswordFor', { username })}</h2>
      <p>{t('accounts.oneTimePassword.giveItToThemNow')}</p>
      <p>
        <code data-testid="one-time-password">{password}</code>{' '}
        <button type="button" className="button secondary" onClick={copy}>
          {copied ? t('accounts.oneTimePassword.copied') : t('accounts.oneTimePassword.copy')}
        </button>{' '}
        <button type="button" className="button secondary" onClick={onDismiss}>
          {t('accounts.oneTimePassword.done')}
        </button>
      </p>
    </section>
  )
}
