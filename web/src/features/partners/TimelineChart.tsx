import { useId, useRef } from 'react'
import { useFuzzyDate } from '../../i18n/useFuzzyDate.ts'
import { useT } from '../../i18n/useT.ts'
import { timeScale } from '../../lib/axis.ts'
import { dayNumber, fuzzySpan, todayIso } from '../../lib/dates.ts'
import { useElementWidth } from '../../lib/useElementWidth.ts'
import type { TimelineEventData } from './queries.ts'

const laneHeight = 30
const top = 14
const axisHeight = 28
const pointRadius = 10

interface PlacedEvent {
  readonly event: TimelineEventData
  readonly number: number
  readonly x1: number
  readonly x2: number
  readonly exact: boolean
  readonly lane: number
}

/**
 * Packs events into lanes so marks never overlap: each goes into the first lane whose last mark
 * ends before it starts (with a gap for the number label).
 */
function place(events: readonly TimelineEventData[], x: (day: number) => number): PlacedEvent[] {
  const laneEnds: number[] = []
  const placed: PlacedEvent[] = []
  events.forEach((event, index) => {
    const span = fuzzySpan(event.date)
    if (span === null) {
      return
    }
    const exact = span.exact
    const x1 = exact ? x(span.start) - pointRadius : x(span.start)
    const x2 = exact ? x(span.start) + pointRadius : Math.max(x(span.end), x1 + 2 * pointRadius)
    let lane = laneEnds.findIndex((end) => end + 4 < x1)
    if (lane === -1) {
      lane = laneEnds.length
      laneEnds.push(x2)
    } else {
      laneEnds[lane] = x2
    }
    placed.push({ event, number: index + 1, x1, x2, exact, lane })
  })
  return placed
}

function markClass(event: TimelineEventData): string {
  const marked = event.marking.classification === 'PUBLIC' ? 'mark-public' : 'mark-marked'
  return `timeline-mark ${marked}${event.illustrative ? ' mark-illustrative' : ''}`
}

/**
 * The relationship drawn on a time axis. A date known to the decade or year is a bar across that
 * whole period; an exact day is a dot. Numbers match the event list below, which is the text
 * alternative of this picture.
 */
export function TimelineChart({
  events,
  partnerName,
}: {
  events: readonly TimelineEventData[]
  partnerName: string
}) {
  const t = useT()
  const dateText = useFuzzyDate()
  const wrapRef = useRef<HTMLDivElement>(null)
  const width = useElementWidth(wrapRef)
  const titleId = useId()
  const descId = useId()
  const spans = events.map((event) => fuzzySpan(event.date)).filter((span) => span !== null)
  if (spans.length === 0) {
    return null
  }
  const today = dayNumber(todayIso())
  const first = Math.min(...spans.map((span) => span.start))
  const last = Math.max(today, ...spans.map((span) => span.end))
  const scale = timeScale(first, last, pointRadius + 4, width - pointRadius - 4)
  const placed = place(events, scale.x)
  const lanes = Math.max(1, ...placed.map((item) => item.lane + 1))
  const height = top + lanes * laneHeight + axisHeight
  const axisY = top + lanes * laneHeight + 4
  const firstEvent = events[0]
  const lastEvent = events[events.length - 1]
  const first3 = firstEvent === undefined ? '' : dateText(firstEvent)
  const lastLabel = lastEvent === undefined ? '' : dateText(lastEvent)

  return (
    <figure className="chart timeline-chart">
      <div ref={wrapRef} className="chart-canvas">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
        >
          <title id={titleId}>
            {t('partners.timelineChart.relationshipTimelineOf', { partner: partnerName })}
          </title>
          <desc id={descId}>
            {t('partners.timelineChart.eventsFrom', { count: events.length, first: first3, last: lastLabel })}
          </desc>
          {scale.ticks.map((tick) => (
            <g key={tick.year} className="axis-tick">
              <line x1={tick.x} x2={tick.x} y1={top - 6} y2={axisY} />
              <text x={tick.x} y={axisY + 16} textAnchor="middle">
                {tick.year}
              </text>
            </g>
          ))}
          <line
            className="axis-line"
            x1={scale.x(scale.start)}
            x2={scale.x(scale.end)}
            y1={axisY}
            y2={axisY}
          />
          <line className="today-line" x1={scale.x(today)} x2={scale.x(today)} y1={top - 8} y2={axisY} />
          {placed.map((item) => {
            const cy = top + item.lane * laneHeight + laneHeight / 2
            return (
              <g key={item.event.id} className={markClass(item.event)} data-precision={item.event.precision}>
                <title>
                  {item.number}. {dateText(item.event)}: {item.event.title}
                </title>
                {item.exact ? (
                  <circle cx={(item.x1 + item.x2) / 2} cy={cy} r={pointRadius} />
                ) : (
                  <rect
                    x={item.x1}
                    y={cy - pointRadius}
                    width={item.x2 - item.x1}
                    height={2 * pointRadius}
                    rx={4}
                  />
                )}
                <text
                  x={item.exact ? (item.x1 + item.x2) / 2 : item.x1 + pointRadius}
                  y={cy + 4}
                  textAnchor="middle"
                  className="mark-number"
                >
                  {item.number}
                </text>
              </g>
            )
          })}
        </svg>
      </div>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="swatch swatch-span" aria-hidden="true" />{' '}
          {t('partners.timelineChart.decadeYearOrMonthThe')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-point" aria-hidden="true" /> {t('partners.timelineChart.exactDay')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-marked" aria-hidden="true" />{' '}
          {t('partners.timelineChart.markedAbovePublic')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-illustrative" aria-hidden="true" />{' '}
          {t('partners.timelineChart.illustrativeRecord')}
        </span>
      </figcaption>
    </figure>
  )
}
