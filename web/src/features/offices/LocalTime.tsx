import { useNow } from '../proposals/Countdown.tsx'

/** The time now in the office's zone, e.g. "Thu 21:05" (ticks with the page's clock). */
export function LocalTime({ timeZone }: { timeZone: string }) {
  const now = useNow()
  const text = new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(now))
  return <time dateTime={new Date(now).toISOString()}>{text}</time>
}
