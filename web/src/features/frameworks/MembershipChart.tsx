import { useId, useRef } from 'react'
import { membershipStatusLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { timeScale } from '../../lib/axis.ts'
import { dayNumber, fuzzySpan, todayIso } from '../../lib/dates.ts'
import { labelOf } from '../../lib/labels.ts'
import { useElementWidth } from '../../lib/useElementWidth.ts'
import type { MembershipData } from './queries.ts'

const rowHeight = 24
const top = 8
const axisHeight = 30

interface Row {
  readonly membership: MembershipData
  /** Where the start may lie: a year-precision start is uncertain for the whole year. */
  readonly fuzzyFrom: number
  readonly solidFrom: number
  readonly to: number
}

function rowsOf(history: readonly MembershipData[], today: number): Row[] {
  const rows: Row[] = []
  for (const membership of history) {
    const from = membership.from === null ? null : fuzzySpan(membership.from.date)
    if (from === null) {
      continue
    }
    const to = membership.to === null ? null : fuzzySpan(membership.to.date)
    rows.push({
      membership,
      fuzzyFrom: from.start,
      solidFrom: from.exact ? from.start : from.end,
      to: to === null ? today : to.start,
    })
  }
  return rows.sort((a, b) => a.fuzzyFrom - b.fuzzyFrom || a.membership.name.localeCompare(b.membership.name))
}

/**
 * Membership over time: one bar per country from its start to its end (or today). A start known
 * only to the year or month is drawn hatched across that period, so no day is made up. A dashed
 * line marks the "as of" day. The history table next to it is the text alternative.
 */
export function MembershipChart({
  history,
  asOf,
  frameworkName,
}: {
  history: readonly MembershipData[]
  asOf: string
  frameworkName: string
}) {
  const t = useT()
  const wrapRef = useRef<HTMLDivElement>(null)
  const width = useElementWidth(wrapRef)
  const titleId = useId()
  const descId = useId()
  const patternId = `${useId().replace(/:/g, '')}-hatch`
  const today = dayNumber(todayIso())
  const rows = rowsOf(history, today)
  const unknown = history.length - rows.length
  const narrow = width < 560
  const labelWidth = narrow ? 48 : 170
  const first = Math.min(today, ...rows.map((row) => row.fuzzyFrom))
  const scale = timeScale(first, Math.max(today, dayNumber(asOf)), labelWidth + 8, width - 12)
  const height = top + Math.max(1, rows.length) * rowHeight + axisHeight
  const axisY = top + rows.length * rowHeight + 2
  const asOfX = scale.x(dayNumber(asOf))

  return (
    <figure className="chart membership-chart">
      {rows.length === 0 ? (
        <p className="muted">{t('frameworks.membershipChart.noStartDatesAreRecorded')}</p>
      ) : (
        <div ref={wrapRef} className="chart-canvas">
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
          >
            <title id={titleId}>
              {t('frameworks.membershipChart.membershipOf', { framework: frameworkName })}
            </title>
            <desc id={descId}>
              {rows.length} {t('frameworks.membershipChart.membershipSpansHatchedPartsAre')}
            </desc>
            <defs>
              <pattern
                id={patternId}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" className="hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
              </pattern>
            </defs>
            {scale.ticks.map((tick) => (
              <g key={tick.year} className="axis-tick">
                <line x1={tick.x} x2={tick.x} y1={top} y2={axisY} />
                <text x={tick.x} y={axisY + 16} textAnchor="middle">
                  {tick.year}
                </text>
              </g>
            ))}
            {rows.map((row, index) => {
              const y = top + index * rowHeight
              const m = row.membership
              const status = `status-${m.status}`
              return (
                <g key={`${m.code}-${m.from?.date ?? ''}`} className={`membership-row ${status}`}>
                  <title>
                    {t('frameworks.membershipChart.rowTitle', {
                      name: m.name,
                      from: m.from?.label ?? t('frameworks.membershipChart.unknown'),
                      to: m.to === null ? 'none' : m.to.label,
                      status: labelOf(membershipStatusLabels, m.status),
                    })}
                  </title>
                  <text x={labelWidth} y={y + rowHeight / 2 + 4} textAnchor="end" className="row-label">
                    {narrow ? m.code : m.name}
                  </text>
                  {row.solidFrom > row.fuzzyFrom ? (
                    <rect
                      x={scale.x(row.fuzzyFrom)}
                      y={y + 5}
                      width={Math.max(2, scale.x(Math.min(row.solidFrom, row.to)) - scale.x(row.fuzzyFrom))}
                      height={rowHeight - 10}
                      fill={`url(#${patternId})`}
                      className="bar-fuzzy"
                    />
                  ) : null}
                  {row.to > row.solidFrom ? (
                    <rect
                      x={scale.x(row.solidFrom)}
                      y={y + 5}
                      width={Math.max(2, scale.x(row.to) - scale.x(row.solidFrom))}
                      height={rowHeight - 10}
                      className="bar-solid"
                    />
                  ) : null}
                </g>
              )
            })}
            <line className="axis-line" x1={labelWidth + 8} x2={width - 12} y1={axisY} y2={axisY} />
            <line className="asof-line" x1={asOfX} x2={asOfX} y1={top - 4} y2={axisY} />
          </svg>
        </div>
      )}
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="swatch swatch-solid" aria-hidden="true" /> {t('frameworks.membershipChart.member')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-former" aria-hidden="true" />{' '}
          {t('frameworks.membershipChart.formerMember')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-suspended" aria-hidden="true" />{' '}
          {t('frameworks.membershipChart.suspended')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-hatched" aria-hidden="true" />{' '}
          {t('frameworks.membershipChart.startKnownOnlyToThe')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-invited" aria-hidden="true" />{' '}
          {t('frameworks.membershipChart.invitedNotJoined')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-asof" aria-hidden="true" /> {t('frameworks.membershipChart.asOfDay')}
        </span>
        {unknown > 0 ? (
          <span className="legend-item">
            {unknown} {t('frameworks.membershipChart.withoutARecordedStartAre')}
          </span>
        ) : null}
      </figcaption>
    </figure>
  )
}
