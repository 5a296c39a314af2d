/**
 * An event's days are calendar days in the event's own zone (its place), so they are shown as
 * days, in the viewer's locale, never shifted through the viewer's zone.
 */
export function formatDay(day: string, locale?: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

export function formatSpan(startsOn: string, endsOn: string, locale?: string): string {
  return startsOn === endsOn
    ? formatDay(startsOn, locale)
    : `${formatDay(startsOn, locale)} – ${formatDay(endsOn, locale)}`
}

/** An instant (a request's or report's time stamp) in the viewer's locale and zone. */
export function formatInstant(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
