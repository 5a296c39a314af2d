import { useT } from '../../i18n/useT.ts'
import type { ProgrammeData } from './queries.ts'

const width = 1000
const labelWidth = 260
const rowHeight = 26
const healthColours = {
  done: '#3356c4',
  cancelled: '#888888',
  late: '#c53030',
  'at-risk': '#b7791f',
  'on-track': '#2f855a',
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000
}

/**
 * A Gantt-style view: one row per goal across the programme period, its milestones as diamonds
 * coloured by health, and a line for today. The tree above lists the same dates as text.
 */
export function GanttTimeline({ programme }: { programme: ProgrammeData }) {
  const t = useT()
  const goals = programme.objectives.flatMap((o) => o.goals)
  const dues = goals.flatMap((g) => g.milestones.map((m) => m.due))
  const start = [programme.period.startsOn, ...dues].sort()[0] ?? programme.period.startsOn
  const end = [programme.period.endsOn, ...dues, programme.today].sort().at(-1) ?? programme.period.endsOn
  const span = Math.max(1, dayNumber(end) - dayNumber(start))
  const x = (day: string) =>
    labelWidth + ((dayNumber(day) - dayNumber(start)) / span) * (width - labelWidth - 10)
  const height = 30 + goals.length * rowHeight
  const years: string[] = []
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y += 1) years.push(`${y}-01-01`)
  return (
    <section className="panel" aria-labelledby="gantt-title">
      <h2 id="gantt-title">{t('programmes.ganttTimeline.timeline')}</h2>
      <svg
        className="gantt"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('programmes.ganttTimeline.timelineOfGoalsAndTheir', {
          length: goals.length,
          start,
          end,
          today: programme.today,
        })}
      >
        {years
          .filter((y) => y >= start)
          .map((y) => (
            <g key={y}>
              <line x1={x(y)} x2={x(y)} y1={14} y2={height} stroke="#d9dee5" />
              <text x={x(y) + 3} y={11}>
                {y.slice(0, 4)}
              </text>
            </g>
          ))}
        {goals.map((goal, i) => {
          const y = 24 + i * rowHeight
          return (
            <g key={goal.id}>
              <text x={4} y={y + 14}>
                {`${goal.number} ${goal.title}`.slice(0, 42)}
              </text>
              <rect
                x={x(programme.period.startsOn)}
                y={y + 5}
                width={Math.max(2, x(programme.period.endsOn) - x(programme.period.startsOn))}
                height={rowHeight - 12}
                fill="#e6ebf2"
                rx={3}
              />
              {goal.milestones.map((m) => (
                <path
                  key={m.id}
                  d={`M ${x(m.due)} ${y + 3} l 7 8 l -7 8 l -7 -8 z`}
                  fill={healthColours[m.health]}
                >
                  <title>
                    {t('programmes.ganttTimeline.due', { title: m.title, due: m.due, health: m.health })}
                  </title>
                </path>
              ))}
            </g>
          )
        })}
        <line
          x1={x(programme.today)}
          x2={x(programme.today)}
          y1={14}
          y2={height}
          stroke="#c53030"
          strokeWidth={2}
          strokeDasharray="4 3"
        />
        <text x={x(programme.today) + 4} y={height - 4} fill="#8a1111">
          {t('programmes.ganttTimeline.today')}
        </text>
      </svg>
    </section>
  )
}
