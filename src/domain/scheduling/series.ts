import { type BurdenGrid, buildBurdenGrid, slotInconvenience, tickIndex } from './burden-grid.ts'
import { addDays } from './limits.ts'
import type { Scoring } from './scoring.ts'
import { describeSlot, type RankedSlot, rangeZoneOffsets } from './slot-search.ts'
import {
  epochDayOfDate,
  formatClock,
  type Participant,
  weekdayNames,
  weekdayOfEpochDay,
} from './working-hours.ts'
import { localMinuteToInstant, offsetSpans, startOfLocalDay } from './zone-offsets.ts'

export interface SeriesPlan {
  readonly participants: readonly Participant[]
  /** The first day of the first period, on the clock of `timeZone`. */
  readonly from: string
  readonly timeZone: string
  readonly occurrences: number
  /** Each occurrence falls somewhere in its own period of this many days (7: weekly). */
  readonly periodDays: number
  readonly durationMinutes: number
  readonly stepMinutes: number
  readonly scoring: Scoring
}

/** A participant's summed burden over the whole series. */
export interface SeriesBurden {
  readonly outsideMinutes: number
  readonly nightMinutes: number
  readonly inconvenience: number
}

export interface ParticipantComparison {
  readonly label: string
  readonly zone: string
  readonly fair: SeriesBurden
  readonly naive: SeriesBurden
}

export interface SeriesResult {
  /** The chosen slot of each occurrence, in order. */
  readonly occurrences: readonly RankedSlot[]
  /** The same local time every period that costs everyone together least, for comparison. */
  readonly naive: {
    readonly weekday: string
    readonly time: string
    readonly timeZone: string
    readonly occurrences: readonly RankedSlot[]
  }
  readonly participants: readonly ParticipantComparison[]
  readonly fairWorst: number
  readonly naiveWorst: number
}

/** How many of an occurrence's cheapest distinct options the search weighs against each other. */
const optionsPerOccurrence = 40

interface Option {
  readonly start: number
  readonly costs: Float64Array
  readonly total: number
}

/**
 * Chooses one slot per period so that the largest participant's total burden over the series is as
 * small as the search finds (then the spread, as a sum of squares, then the total): a greedy pass in
 * order, then moves of one occurrence at a time while any move helps. Exact min-max is a
 * partition problem; this local search is deterministic and fast.
 */
export function planSeries(plan: SeriesPlan): SeriesResult {
  const zone = plan.timeZone
  const periodStarts = Array.from({ length: plan.occurrences + 1 }, (_, k) =>
    startOfLocalDay(zone, addDays(plan.from, k * plan.periodDays)),
  )
  const start = periodStarts[0] ?? 0
  const end = (periodStarts.at(-1) ?? start) + plan.durationMinutes + 1440
  const burdens = buildBurdenGrid(plan.participants, plan.scoring, start, end, [
    plan.stepMinutes,
    plan.durationMinutes,
    ...rangeZoneOffsets(zone, start, end),
  ])
  const options = periodStarts
    .slice(0, -1)
    .map((from, k) => optionsOf(burdens, plan, from, periodStarts[k + 1] ?? from))
  const chosen = choose(options, plan.participants.length)
  const fair = chosen.map((option) => describeSlot(burdens, option.start, plan.durationMinutes))
  const naive = naivePlan(burdens, plan, start, end)
  return {
    occurrences: fair,
    naive,
    participants: plan.participants.map((participant, p) => ({
      label: participant.label,
      zone: participant.zone,
      fair: sumBurden(fair, p),
      naive: sumBurden(naive.occurrences, p),
    })),
    fairWorst: worstOf(fair, plan.participants.length),
    naiveWorst: worstOf(naive.occurrences, plan.participants.length),
  }
}

function optionsOf(burdens: BurdenGrid, plan: SeriesPlan, from: number, to: number): Option[] {
  const lengthTicks = plan.durationMinutes / burdens.grid.tick
  const seen = new Set<string>()
  const all: Option[] = []
  for (let startMinute = from; startMinute < to; startMinute += plan.stepMinutes) {
    const costs = slotInconvenience(
      burdens,
      tickIndex(burdens, startMinute),
      lengthTicks,
      new Float64Array(plan.participants.length),
    )
    const key = costs.join(',')
    if (!seen.has(key)) {
      // The earliest slot stands for all that cost everyone the same.
      seen.add(key)
      all.push({ start: startMinute, costs, total: costs.reduce((sum, cost) => sum + cost, 0) })
    }
  }
  const byTotal = [...all].sort((a, b) => a.total - b.total || a.start - b.start)
  const kept = new Set(byTotal.slice(0, optionsPerOccurrence))
  // Keep as well, for each participant, the option kindest to them, so the search can relieve anyone.
  for (let p = 0; p < plan.participants.length; p++) {
    const kindest = byTotal.reduce((best, option) =>
      (option.costs[p] ?? 0) < (best.costs[p] ?? 0) ? option : best,
    )
    kept.add(kindest)
  }
  return [...kept].sort((a, b) => a.total - b.total || a.start - b.start)
}

/** Lower is better: the largest total, then the sum of squares, then the sum. */
function score(totals: Float64Array): [number, number, number] {
  let max = 0
  let squares = 0
  let sum = 0
  for (const total of totals) {
    max = Math.max(max, total)
    squares += total * total
    sum += total
  }
  return [max, squares, sum]
}

function better(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))
}

function choose(options: readonly Option[][], participantCount: number): Option[] {
  const totals = new Float64Array(participantCount)
  const chosen: Option[] = []
  const trial = new Float64Array(participantCount)
  for (const candidates of options) {
    let best: Option | undefined
    let bestScore: [number, number, number] = [Number.POSITIVE_INFINITY, 0, 0]
    for (const option of candidates) {
      for (let p = 0; p < participantCount; p++) trial[p] = (totals[p] ?? 0) + (option.costs[p] ?? 0)
      const trialScore = score(trial)
      if (better(trialScore, bestScore)) {
        best = option
        bestScore = trialScore
      }
    }
    if (best === undefined) {
      throw new RangeError('an occurrence has no slot')
    }
    chosen.push(best)
    for (let p = 0; p < participantCount; p++) totals[p] = (totals[p] ?? 0) + (best.costs[p] ?? 0)
  }
  for (let round = 0, improved = true; improved && round < 100; round++) {
    improved = false
    for (let k = 0; k < chosen.length; k++) {
      const current = chosen[k]
      const candidates = options[k]
      if (current === undefined || candidates === undefined) continue
      let bestScore = score(totals)
      let best = current
      for (const option of candidates) {
        for (let p = 0; p < participantCount; p++) {
          trial[p] = (totals[p] ?? 0) - (current.costs[p] ?? 0) + (option.costs[p] ?? 0)
        }
        const trialScore = score(trial)
        if (better(trialScore, bestScore)) {
          best = option
          bestScore = trialScore
        }
      }
      if (best !== current) {
        for (let p = 0; p < participantCount; p++) {
          totals[p] = (totals[p] ?? 0) - (current.costs[p] ?? 0) + (best.costs[p] ?? 0)
        }
        chosen[k] = best
        improved = true
      }
    }
  }
  return chosen
}

/** The one local weekday and time, every period, that costs everyone together least. */
function naivePlan(burdens: BurdenGrid, plan: SeriesPlan, start: number, end: number): SeriesResult['naive'] {
  const spans = offsetSpans(plan.timeZone, start - 1440, end + 1440)
  const firstDay = epochDayOfDate(plan.from)
  const lengthTicks = plan.durationMinutes / burdens.grid.tick
  const costs = new Float64Array(plan.participants.length)
  let bestOffset = 0
  let bestTotal = Number.POSITIVE_INFINITY
  let bestWorst = Number.POSITIVE_INFINITY
  const periodMinutes = plan.periodDays * 1440
  const startsAt = (offset: number) =>
    Array.from(
      { length: plan.occurrences },
      (_, k) => localMinuteToInstant(spans, (firstDay + k * plan.periodDays) * 1440 + offset) ?? start,
    )
  for (let offset = 0; offset < periodMinutes; offset += plan.stepMinutes) {
    const perParticipant = new Float64Array(plan.participants.length)
    for (const instant of startsAt(offset)) {
      slotInconvenience(burdens, tickIndex(burdens, instant), lengthTicks, costs)
      for (let p = 0; p < costs.length; p++) perParticipant[p] = (perParticipant[p] ?? 0) + (costs[p] ?? 0)
    }
    const [worst, , total] = score(perParticipant)
    if (total < bestTotal || (total === bestTotal && worst < bestWorst)) {
      bestOffset = offset
      bestTotal = total
      bestWorst = worst
    }
  }
  const weekdayIndex = weekdayOfEpochDay(firstDay + Math.floor(bestOffset / 1440)) - 1
  return {
    weekday: weekdayNames[weekdayIndex] ?? 'Mon',
    time: formatClock(bestOffset % 1440),
    timeZone: plan.timeZone,
    occurrences: startsAt(bestOffset).map((instant) => describeSlot(burdens, instant, plan.durationMinutes)),
  }
}

function sumBurden(slots: readonly RankedSlot[], p: number): SeriesBurden {
  let outsideMinutes = 0
  let nightMinutes = 0
  let inconvenience = 0
  for (const slot of slots) {
    const burden = slot.participants[p]
    outsideMinutes += burden?.outsideMinutes ?? 0
    nightMinutes += burden?.nightMinutes ?? 0
    inconvenience += burden?.inconvenience ?? 0
  }
  return { outsideMinutes, nightMinutes, inconvenience }
}

function worstOf(slots: readonly RankedSlot[], participantCount: number): number {
  return Math.max(0, ...Array.from({ length: participantCount }, (_, p) => sumBurden(slots, p).inconvenience))
}
