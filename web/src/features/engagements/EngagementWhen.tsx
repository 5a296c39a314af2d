import { currentFormattingLocale } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import type { EngagementSummaryData } from './queries.ts'

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The day format of the interface's language, made once per language. */
function dayFormat(): Intl.DateTimeFormat {
  const locale = currentFormattingLocale()
  const known = dayFormats.get(locale)
  if (known !== undefined) return known
  const made = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  dayFormats.set(locale, made)
  return made
}

/** "29 Jun 2022" (in French "29 juin 2022") from a local day, without letting the browser's zone move it. */
export function formatDay(day: string): string {
  return dayFormat().format(new Date(`${day.slice(0, 10)}T00:00:00Z`))
}

function clock(local: string): string {
  return local.slice(11, 16)
}

/**
 * When an engagement happens: local time at the place with its zone, and the same moment in the
 * viewer's zone when that differs. All-day engagements are days at the place and are not converted.
 */
export function EngagementWhen({ engagement }: { engagement: EngagementSummaryData }) {
  const t = useT()
  const { start, end } = engagement
  if (engagement.allDay) {
    const first = start.place.local
    const last = end.place.local
    return (
      <span>
        {first === last ? formatDay(first) : `${formatDay(first)} – ${formatDay(last)}`}
        <span className="muted"> · {engagement.timeZone}</span>
      </span>
    )
  }
  const sameZoneShown = start.viewer.offset === start.place.offset
  return (
    <span>
      {formatDay(start.place.local)}, {clock(start.place.local)}–{clock(end.place.local)}{' '}
      {start.place.abbreviation} <span className="muted">({engagement.timeZone})</span>
      {sameZoneShown ? null : (
        <span className="muted">
          {' '}
          {t('engagements.engagementWhen.yourTime')} {formatDay(start.viewer.local)},{' '}
          {clock(start.viewer.local)}–{clock(end.viewer.local)} {start.viewer.abbreviation}
        </span>
      )}
    </span>
  )
}
