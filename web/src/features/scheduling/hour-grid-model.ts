import { addDays, daysBetween } from '../../../../src/domain/scheduling/limits.ts'
import { localTimeAt } from '../../../../src/domain/scheduling/local-time.ts'
import {
  epochDayOfDate,
  weekdayNames,
  weekdayOfEpochDay,
} from '../../../../src/domain/scheduling/working-hours.ts'
import type { SlotData } from './queries.ts'

/** A ranked slot placed on the grid: its rank, start and end in minutes, and its day on the range's clock. */
export interface GridSlot {
  readonly rank: number
  readonly start: number
  readonly end: number
  readonly day: string
  readonly data: SlotData
}

export function gridSlots(slots: readonly SlotData[], zone: string): GridSlot[] {
  return slots.map((slot, i) => {
    const start = Date.parse(slot.start) / 60_000
    return {
      rank: i + 1,
      start,
      end: Date.parse(slot.end) / 60_000,
      day: localTimeAt(start, zone).local.slice(0, 10),
      data: slot,
    }
  })
}

export interface DayOption {
  readonly date: string
  readonly label: string
}

/** Every day of the range, named with its weekday and the top slots that start on it. */
export function dayOptions(from: string, to: string, slots: readonly GridSlot[]): DayOption[] {
  const count = Math.max(0, daysBetween(from, to)) + 1
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(from, i)
    const weekday = weekdayNames[weekdayOfEpochDay(epochDayOfDate(date)) - 1] ?? ''
    const ranks = slots.filter((slot) => slot.day === date).map((slot) => slot.rank)
    const suffix =
      ranks.length === 0
        ? ''
        : ` — slot${ranks.length === 1 ? '' : 's'} ${ranks.slice(0, 5).join(', ')}${ranks.length > 5 ? '…' : ''}`
    return { date, label: `${weekday} ${date}${suffix}` }
  })
}

/** Where a slot covers a cell, as fractions of the cell's width; null when it does not. */
export function overlap(slot: GridSlot, cellStart: number, cellMinutes: number) {
  const from = Math.max(slot.start, cellStart)
  const to = Math.min(slot.end, cellStart + cellMinutes)
  if (to <= from) return null
  return {
    left: (from - cellStart) / cellMinutes,
    width: (to - from) / cellMinutes,
    starts: slot.start >= cellStart,
    ends: slot.end <= cellStart + cellMinutes,
  }
}
