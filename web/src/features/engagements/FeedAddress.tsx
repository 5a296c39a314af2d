import { useId, useState } from 'react'
import './feed.css'

/** webcal:// asks the system to subscribe in its calendar program; the https address is kept for copying. */
export function webcalOf(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://')
}

/** One feed address: shown in full, with a copy button (its result announced) and a subscribe link. */
export function FeedAddress({ label, url }: { label: string; url: string }) {
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
          Copy {label.toLowerCase()} address
        </button>
        <a className="button secondary" href={webcalOf(url)}>
          Subscribe to {label.toLowerCase()}
        </a>
        <span aria-live="polite" className="muted">
          {copied === 'yes'
            ? 'Copied.'
            : copied === 'no'
              ? 'Copying was refused: select the address and copy it.'
              : ''}
        </span>
      </span>
    </li>
  )
}
