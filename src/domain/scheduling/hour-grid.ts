import { type LocalTime, localTimeAt } from './local-time.ts'
import type { Scoring } from './scoring.ts'
import {
  classifyTicks,
  clockBoundaries,
  dayOff,
  night,
  outside,
  spanBoundaries,
  type TickGrid,
  type TickKind,
  tickDividing,
  working,
} from './tick-grid.ts'
import type { Participant } from './working-hours.ts'
import { offsetSpans } from './zone-offsets.ts'

/** What a stretch of time is for one participant, as the participants × hours grid colours it. */
export type HourKind = 'working' | 'outside' | 'night' | 'dayOff'

const kindNames: Readonly<Record<TickKind, HourKind>> = {
  [working]: 'working',
  [outside]: 'outside',
  [night]: 'night',
  [dayOff]: 'dayOff',
}

/** On a tie the costlier kind wins, so a cell half in the night never looks like a free hour. */
const tieOrder: readonly TickKind[] = [night, dayOff, outside, working]

export interface HourCell {
  /** Minutes since the epoch. */
  readonly start: number
  /** The kind most of the cell's minutes are. */
  readonly kind: HourKind
  /** The participant's clock at the cell's start. */
  readonly time: LocalTime
}

export interface HourRow {
  readonly label: string
  readonly zone: string
  readonly cells: readonly HourCell[]
}

/**
 * Every participant's day over [from, to) (minutes since the epoch) cut into cells of `cellMinutes`:
 * each cell says what most of its minutes are on that participant's clock and what the clock reads.
 * Built on the same tick classification the slot search prices, so the grid and the ranking agree.
 */
export function participantHours(
  participants: readonly Participant[],
  scoring: Scoring,
  from: number,
  to: number,
  cellMinutes: number,
): HourRow[] {
  const spans = participants.map((p) => offsetSpans(p.zone, from, to))
  const tick = tickDividing([
    cellMinutes,
    ...clockBoundaries(participants, scoring),
    ...spans.flatMap((zoneSpans) => spanBoundaries(from, zoneSpans)),
  ])
  const grid: TickGrid = { from, tick, length: Math.ceil((to - from) / tick) }
  const ticksPerCell = cellMinutes / tick
  const cellCount = Math.ceil((to - from) / cellMinutes)
  return participants.map((participant, p) => {
    const kinds = classifyTicks(participant, scoring, grid, spans[p] ?? [])
    const cells = Array.from({ length: cellCount }, (_, c) => {
      const counts = [0, 0, 0, 0]
      const end = Math.min((c + 1) * ticksPerCell, kinds.length)
      for (let i = c * ticksPerCell; i < end; i++) {
        const kind = kinds[i] ?? working
        counts[kind] = (counts[kind] ?? 0) + 1
      }
      const most = tieOrder.reduce((best, kind) => ((counts[kind] ?? 0) > (counts[best] ?? 0) ? kind : best))
      const start = from + c * cellMinutes
      return { start, kind: kindNames[most], time: localTimeAt(start, participant.zone) }
    })
    return { label: participant.label, zone: participant.zone, cells }
  })
}
