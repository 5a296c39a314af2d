import { Link } from 'react-router'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useIntl, useT } from '../../i18n/useT.ts'
import type { EngagementSummaryData } from './queries.ts'

/** 1 January 2024 was a Monday: the week's days from it, named by the reader's locale. */
const monday = Date.UTC(2024, 0, 1)

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)
}

/**
 * A month as a grid of weeks. Engagements sit on their local days at their place (a summit in
 * Washington stays on its Washington days), spanning every day they last.
 */
export function MonthGrid({ month, items }: { month: string; items: readonly EngagementSummaryData[] }) {
  const t = useT()
  const intl = useIntl()
  const weekdays = Array.from({ length: 7 }, (_, day) =>
    intl.formatDate(monday + day * 86_400_000, { weekday: 'short', timeZone: 'UTC' }),
  )
  const [year = 2000, monthNumber = 1] = month.split('-').map(Number)
  const first = new Date(Date.UTC(year, monthNumber - 1, 1))
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, index) => isoDay(year, monthNumber, index + 1)),
  ]
  while (cells.length % 7 !== 0) {
    cells.push(null)
  }
  const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7))
  const on = (day: string) =>
    items.filter(
      (item) => item.start.place.local.slice(0, 10) <= day && item.end.place.local.slice(0, 10) >= day,
    )
  const title = intl.formatDate(first, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  return (
    // A month is seven columns wide: on a phone it scrolls in its own box, not the page.
    <TableWrap label={t('engagements.monthGrid.monthOf', { title })}>
      <table className="data-table month-grid" data-testid="month-grid">
        <caption>{title}</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th scope="col" key={day}>
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((day) => day !== null) ?? 'empty'}>
              {week.map((day, index) =>
                day === null ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have no identity but their place
                  <td key={`blank-${index}`} />
                ) : (
                  <td key={day}>
                    <div className="muted">{Number(day.slice(8, 10))}</div>
                    <ul className="month-items">
                      {on(day).map((item) => (
                        <li key={item.id}>
                          <Link to={`/engagements/${encodeURIComponent(item.id)}`}>{item.title}</Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
