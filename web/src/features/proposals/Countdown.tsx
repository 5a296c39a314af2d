import { useEffect, useState } from 'react'
import { t as translate } from '../../i18n/translate.ts'

/** The current instant, ticking every second (the browser's clock; tests fix it to the server's). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** "2 d 3 h", "4 min 05 s": the time left, coarse when far, to the second when near. */
export function timeLeft(ms: number): string {
  if (ms <= 0) return translate('proposals.countdown.passed')
  const seconds = Math.floor(ms / 1000)
  const days = Math.floor(seconds / 86_400)
  const hours = Math.floor((seconds % 86_400) / 3_600)
  const minutes = Math.floor((seconds % 3_600) / 60)
  if (days > 0) return translate('proposals.countdown.days', { days, hours })
  if (hours > 0) return translate('proposals.countdown.hours', { hours, minutes })
  return translate('proposals.countdown.minutes', { minutes, seconds: String(seconds % 60).padStart(2, '0') })
}

/** The deadline in the viewer's own zone, with its name, e.g. "4 Dec 2026, 13:00 CET". */
export function inViewerZone(instant: string): string {
  return new Intl.DateTimeFormat(undefined, {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant))
}

/**
 * A silence deadline and the live countdown to it. The ticking text is not a live region (it
 * would speak every second); the deadline itself is read once, as text.
 */
export function Countdown({ deadline }: { deadline: string }) {
  const now = useNow()
  const left = new Date(deadline).getTime() - now
  return (
    <span className="countdown">
      <time dateTime={deadline}>{inViewerZone(deadline)}</time>{' '}
      <span className={left <= 0 ? 'countdown-left passed' : 'countdown-left'}>({timeLeft(left)})</span>
    </span>
  )
}
