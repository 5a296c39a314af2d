import { useId, useState } from 'react'
import { useT } from '../../i18n/useT.ts'
import './feed.css'

/** webcal:// asks the system to subscribe in its calendar program; the https address is kept for copying. */
export function webcalOf(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://')
}

/** One feed address: shown in full, with a copy button (its result announced) and a subscribe link. */
export function FeedAddress({ label, url }: { label: string; url: string }) {
  const t = useT()
  const id = useId()
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied('yes')
    } catch {
      // Without clipboard access the address stays selectable in the box.
      setCopied('no')
    }
  }
  return (
    <li className="feed-address">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" readOnly value={url} onFocus={(event) => event.target.select()} />
      <span className="feed-actions">
        <button type="button" className="button secondary" onClick={copy}>
          {t('engagements.feedAddress.copy', { feed: label })}
        </button>
        <a className="button secondary" href={webcalOf(url)}>
          {t('engagements.feedAddress.subscribeTo', { feed: label })}
        </a>
        <span aria-live="polite" className="muted">
          {copied === 'yes'
            ? t('engagements.feedAddress.copied')
            : copied === 'no'
              ? t('engagements.feedAddress.copyingWasRefusedSelectThe')
              : ''}
        </span>
      </span>
    </li>
  )
}
