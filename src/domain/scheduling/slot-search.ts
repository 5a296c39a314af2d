import {
  type BurdenGrid,
  buildBurdenGrid,
  burdenBetween,
  slotInconvenience,
  tickIndex,
} from './burden-grid.ts'
import { addDays } from './limits.ts'
import { type LocalTime, localTimeAt, utcIso } from './local-time.ts'
import type { Scoring } from './scoring.ts'
import type { Participant } from './working-hours.ts'
import { offsetSpans, startOfLocalDay } from './zone-offsets.ts'

export interface SlotSearch {
  readonly participants: readonly Participant[]
  /** First and last day of the range (inclusive), as dates on the clock of `timeZone`. */
  readonly from: string
  readonly to: string
  readonly timeZone: string
  readonly durationMinutes: number
  readonly stepMinutes: number
  readonly scoring: Scoring
  /** How many of the best slots to give. */
  readonly limit: number
}

/** One participant's view of a slot. */
export interface ParticipantSlot {
  readonly label: string
  readonly zone: string
  readonly start: LocalTime
  readonly end: LocalTime
  readonly outsideMinutes: number
  readonly nightMinutes: number
  readonly inconvenience: number
}

export interface RankedSlot {
  /** UTC, ISO 8601. */
  readonly start: string
  readonly end: string
  /** The sum of every participant's inconvenience. */
  readonly inconvenience: number
  /** The largest single participant's inconvenience. */
  readonly worst: number
  readonly participants: readonly ParticipantSlot[]
}

export interface SlotSearchResult {
  readonly candidates: number
  readonly slots: readonly RankedSlot[]
}

/** The range [from 00:00, day after `to` 00:00) in minutes since the epoch, on the clock of `zone`. */
export function rangeMinutes(zone: string, from: string, to: string): { start: number; end: number } {
  return { start: startOfLocalDay(zone, from), end: startOfLocalDay(zone, addDays(to, 1)) }
}

/** Offsets of the range's own zone, which its midnight and so every slot start is aligned to. */
export function rangeZoneOffsets(zone: string, start: number, end: number): number[] {
  return offsetSpans(zone, start, end).map((span) => span.offset)
}

/**
 * The slots of the range, every `step` minutes from its first midnight, ranked by the sum of
 * everyone's inconvenience, then by the worst single burden, then by time.
 */
export function searchSlots(search: SlotSearch): SlotSearchResult {
  const { start, end } = rangeMinutes(search.timeZone, search.from, search.to)
  const burdens = buildBurdenGrid(search.participants, search.scoring, start, end, [
    search.stepMinutes,
    search.durationMinutes,
    ...rangeZoneOffsets(search.timeZone, start, end),
  ])
  const candidates = Math.max(0, Math.floor((end - start - search.durationMinutes) / search.stepMinutes) + 1)
  const totals = new Float64Array(candidates)
  const worst = new Float64Array(candidates)
  const scratch = new Float64Array(search.participants.length)
  const stepTicks = search.stepMinutes / burdens.grid.tick
  const lengthTicks = search.durationMinutes / burdens.grid.tick
  for (let c = 0; c < candidates; c++) {
    slotInconvenience(burdens, c * stepTicks, lengthTicks, scratch)
    let sum = 0
    let max = 0
    for (const value of scratch) {
      sum += value
      max = Math.max(value, max)
    }
    totals[c] = sum
    worst[c] = max
  }
  const order = Array.from({ length: candidates }, (_, c) => c)
  order.sort((a, b) => (totals[a] ?? 0) - (totals[b] ?? 0) || (worst[a] ?? 0) - (worst[b] ?? 0) || a - b)
  const slots = order
    .slice(0, search.limit)
    .map((c) => describeSlot(burdens, start + c * search.stepMinutes, search.durationMinutes))
  return { candidates, slots }
}

/** A slot with everyone's local start and end and burden. */
export function describeSlot(burdens: BurdenGrid, startMinute: number, durationMinutes: number): RankedSlot {
  const endMinute = startMinute + durationMinutes
  const fromTick = tickIndex(burdens, startMinute)
  const toTick = tickIndex(burdens, endMinute)
  const participants = burdens.participants.map((participant, p) => ({
    label: participant.label,
    zone: participant.zone,
    start: localTimeAt(startMinute, participant.zone),
    end: localTimeAt(endMinute, participant.zone),
    ...burdenBetween(burdens, p, fromTick, toTick),
  }))
  return {
    start: utcIso(startMinute),
    end: utcIso(endMinute),
    inconvenience: participants.reduce((sum, p) => sum + p.inconvenience, 0),
    worst: participants.reduce((max, p) => Math.max(max, p.inconvenience), 0),
    participants,
  }
}
