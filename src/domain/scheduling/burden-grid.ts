import { type Burden, burdenOf, type Scoring } from './scoring.ts'
import {
  type BurdenTotals,
  classifyTicks,
  clockBoundaries,
  runningTotals,
  spanBoundaries,
  type TickGrid,
  tickDividing,
} from './tick-grid.ts'
import type { Participant } from './working-hours.ts'
import { offsetSpans } from './zone-offsets.ts'

/** Every participant's burden over one stretch of time, ready to price any slot in it at once. */
export interface BurdenGrid {
  readonly grid: TickGrid
  readonly participants: readonly Participant[]
  readonly scoring: Scoring
  readonly totals: readonly BurdenTotals[]
}

/**
 * Builds the grid over [from, to) (minutes since the epoch). `alignTo` lists the lengths a tick must
 * also divide: the step, the duration and the offset of the zone the range was given in.
 */
export function buildBurdenGrid(
  participants: readonly Participant[],
  scoring: Scoring,
  from: number,
  to: number,
  alignTo: readonly number[],
): BurdenGrid {
  const spans = participants.map((p) => offsetSpans(p.zone, from, to))
  const tick = tickDividing([
    ...alignTo,
    ...clockBoundaries(participants, scoring),
    ...spans.flatMap((zoneSpans) => spanBoundaries(from, zoneSpans)),
  ])
  const grid: TickGrid = { from, tick, length: Math.ceil((to - from) / tick) }
  const totals = participants.map((p, i) =>
    runningTotals(classifyTicks(p, scoring, grid, spans[i] ?? []), tick),
  )
  return { grid, participants, scoring, totals }
}

/** Tick index of a minute on the grid; the minute must lie on a tick. */
export function tickIndex(burdens: BurdenGrid, minute: number): number {
  return Math.round((minute - burdens.grid.from) / burdens.grid.tick)
}

/** The outside and night minutes of participant `p` between two ticks. */
export function burdenBetween(burdens: BurdenGrid, p: number, fromTick: number, toTick: number): Burden {
  const totals = burdens.totals[p]
  if (totals === undefined) {
    throw new RangeError(`no participant ${p}`)
  }
  const outside = (totals.outside[toTick] ?? 0) - (totals.outside[fromTick] ?? 0)
  const night = (totals.night[toTick] ?? 0) - (totals.night[fromTick] ?? 0)
  return burdenOf(burdens.scoring, outside, night)
}

/** Every participant's inconvenience for a slot [start, start + duration), as numbers only. */
export function slotInconvenience(
  burdens: BurdenGrid,
  startTick: number,
  lengthTicks: number,
  into: Float64Array,
) {
  const { scoring } = burdens
  for (let p = 0; p < burdens.totals.length; p++) {
    const totals = burdens.totals[p]
    if (totals === undefined) {
      continue
    }
    const end = startTick + lengthTicks
    const outside = (totals.outside[end] ?? 0) - (totals.outside[startTick] ?? 0)
    const night = (totals.night[end] ?? 0) - (totals.night[startTick] ?? 0)
    into[p] = (outside - night) * scoring.outside + night * scoring.night
  }
  return into
}
