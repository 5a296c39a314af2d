import { useState } from 'react'

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
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard.writeText(password)
    setCopied(true)
  }
  return (
    <section className="panel one-time-password" role="status" aria-labelledby="otp-title">
      <h2 id="otp-title">One-time password for {username}</h2>
      <p>Give it to them now: it is shown only once.</p>
      <p>
        <code data-testid="one-time-password">{password}</code>{' '}
        <button type="button" className="button secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>{' '}
        <button type="button" className="button secondary" onClick={onDismiss}>
          Done
        </button>
      </p>
    </section>
  )
}
