import { type CSSProperties, useId, useRef, useState } from 'react'
import { healthLabels } from '../../i18n/labels.ts'
import { useIntl, useT } from '../../i18n/useT.ts'
import { useElementWidth } from '../../lib/useElementWidth.ts'
import { ganttLayout } from './gantt-layout.ts'
import type { MilestoneData, ProgrammeData } from './queries.ts'

const healthOrder = ['on-track', 'at-risk', 'late', 'done', 'cancelled'] as const

const left = (percent: number): CSSProperties => ({ left: `${percent}%` })

/** A tooltip starts at its diamond and opens towards the wider side, never past the track's edges. */
function tipPlace(at: number): CSSProperties {
  const edge = `max(0px, calc(${at <= 50 ? at : 100 - at}% - 0.75rem))`
  return at <= 50
    ? { left: edge, maxWidth: `calc(100% - ${edge})` }
    : { right: edge, maxWidth: `calc(100% - ${edge})` }
}

/**
 * A Gantt-style view: one row per goal across the programme period, its milestones as diamonds
 * coloured by health, and a line for today. Drawn in HTML rather than one scaled SVG, so its text
 * keeps the page's size at 360 px (the SVG shrank it to 4 px) and goal titles wrap instead of being
 * cut; on a narrow box each title sits above its track. Every diamond is a link to the milestone in
 * the tree whose full title, date and health show on hover and on keyboard focus.
 */
export function GanttTimeline({ programme }: { programme: ProgrammeData }) {
  const t = useT()
  const intl = useIntl()
  const descId = useId()
  const scaleRef = useRef<HTMLDivElement>(null)
  const trackWidth = useElementWidth(scaleRef, 600)
  // The pointer's milestone wins over the focused one; leaving it shows the focused one again.
  const [hovered, setHovered] = useState<string | null>(null)
  const [focused, setFocused] = useState<string | null>(null)
  const active = hovered ?? focused
  const goals = programme.objectives.flatMap((o) => o.goals)
  const layout = ganttLayout(
    { startsOn: programme.period.startsOn, endsOn: programme.period.endsOn, today: programme.today, goals },
    trackWidth,
  )
  const day = (iso: string) =>
    intl.formatDate(Date.parse(`${iso}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' })
  const describe = (m: MilestoneData) =>
    t('programmes.ganttTimeline.due', { title: m.title, due: day(m.due), health: healthLabels[m.health] })
  const gridlines = layout.ticks.map((tick) => (
    <span key={tick.year} className="gantt-gridline" style={left(tick.at)} />
  ))
  // The today label sits on the side of its line that has room, so it never leaves the track.
  const todayEnd = layout.today > 60 ? ' gantt-end' : ''
  return (
    <section className="panel" aria-labelledby="gantt-title">
      <h2 id="gantt-title">{t('programmes.ganttTimeline.timeline')}</h2>
      <p id={descId} className="visually-hidden">
        {t('programmes.ganttTimeline.timelineOfGoalsAndTheir', {
          length: goals.length,
          start: day(programme.period.startsOn),
          end: day(programme.period.endsOn),
          today: day(programme.today),
        })}
      </p>
      <ul className="gantt-legend" aria-label={t('programmes.ganttTimeline.health')}>
        {healthOrder.map((health) => (
          <li key={health}>
            <span className={`gantt-diamond gantt-health-${health}`} aria-hidden="true" />
            {healthLabels[health]}
          </li>
        ))}
      </ul>
      <figure className="gantt" aria-labelledby="gantt-title" aria-describedby={descId}>
        <div className="gantt-row gantt-head" aria-hidden="true">
          <span className="gantt-label" />
          <div className="gantt-track gantt-scale" ref={scaleRef}>
            {layout.ticks.map((tick) => (
              <span key={tick.year} className="gantt-year" style={left(tick.at)}>
                {tick.year}
              </span>
            ))}
          </div>
        </div>
        <ol className="gantt-rows">
          {goals.map((goal) => {
            const shown = goal.milestones.find((m) => m.id === active)
            return (
              <li key={goal.id} className="gantt-row" data-goal-id={goal.id}>
                <span className="gantt-label">
                  <span className="gantt-number">{goal.number}</span> {goal.title}
                </span>
                <div className="gantt-track">
                  {gridlines}
                  <span
                    className="gantt-period"
                    style={{ ...left(layout.period.at), width: `${layout.period.width}%` }}
                  />
                  <span className="gantt-today" style={left(layout.today)} />
                  {goal.milestones.map((m) => (
                    <a
                      key={m.id}
                      href={`#milestone-${m.id}`}
                      className={`gantt-milestone gantt-health-${m.health}`}
                      style={left(layout.at(m.due))}
                      onMouseEnter={() => setHovered(m.id)}
                      onMouseLeave={() => setHovered(null)}
                      onFocus={() => setFocused(m.id)}
                      onBlur={() => setFocused(null)}
                      onKeyDown={(event) => {
                        // Dismissible without moving focus (WCAG 1.4.13).
                        if (event.key === 'Escape') {
                          setHovered(null)
                          setFocused(null)
                        }
                      }}
                    >
                      <span className="visually-hidden">{describe(m)}</span>
                    </a>
                  ))}
                  {shown === undefined ? null : (
                    <span role="tooltip" className="gantt-tip" style={tipPlace(layout.at(shown.due))}>
                      {describe(shown)}
                    </span>
                  )}
                </div>
              </li>
            )
          })}
        </ol>
        {/* Below the rows, apart from the years, so the two labels never collide. */}
        <div className="gantt-row gantt-foot" aria-hidden="true">
          <span className="gantt-label" />
          <div className="gantt-track gantt-scale">
            <span className={`gantt-today-label${todayEnd}`} style={left(layout.today)}>
              {t('programmes.ganttTimeline.today')}
            </span>
          </div>
        </div>
      </figure>
    </section>
  )
}
