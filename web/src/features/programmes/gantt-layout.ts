import { timeScale } from '../../lib/axis.ts'
import { dayNumber } from '../../lib/dates.ts'

/** What the timeline needs of a programme: its period, today and each goal's milestones. */
export interface GanttInput {
  readonly startsOn: string
  readonly endsOn: string
  readonly today: string
  readonly goals: readonly { readonly id: string; readonly milestones: readonly { readonly due: string }[] }[]
}

export interface GanttLayout {
  /** Left edge of a day on the track, in percent of the track's width, so CSS follows any width. */
  readonly at: (day: string) => number
  /** Year ticks that leave room for their labels on a track this many pixels wide. */
  readonly ticks: readonly { readonly year: number; readonly at: number }[]
  readonly period: { readonly at: number; readonly width: number }
  readonly today: number
}

/**
 * The axis of the programme timeline: whole years from the earliest to the latest of the period,
 * the milestones and today, so that no diamond falls off the track.
 */
export function ganttLayout(input: GanttInput, trackWidth: number): GanttLayout {
  const days = [
    input.startsOn,
    input.endsOn,
    input.today,
    ...input.goals.flatMap((goal) => goal.milestones.map((m) => m.due)),
  ].map(dayNumber)
  const width = Math.max(1, trackWidth)
  const scale = timeScale(Math.min(...days), Math.max(...days), 0, width)
  const span = Math.max(1, scale.end - scale.start)
  const at = (day: string) => ((dayNumber(day) - scale.start) / span) * 100
  const start = at(input.startsOn)
  return {
    at,
    ticks: scale.ticks
      .map((tick) => ({ year: tick.year, at: (tick.x / width) * 100 }))
      .filter((tick) => tick.at < 100),
    period: { at: start, width: Math.max(0.5, at(input.endsOn) - start) },
    today: at(input.today),
  }
}
