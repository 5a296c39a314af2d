import type { Place } from '../../domain/scheduling/places.ts'
import type { SeriesResult } from '../../domain/scheduling/series.ts'
import type { SharedHoursItem, SharedHoursResult } from '../../domain/scheduling/shared-hours.ts'
import type { RankedSlot } from '../../domain/scheduling/slot-search.ts'

export function presentPlace(place: Place) {
  return { ref: place.ref, kind: place.kind, name: place.name, zone: place.zone }
}

export function presentSlot(slot: RankedSlot) {
  return {
    start: slot.start,
    end: slot.end,
    inconvenience: slot.inconvenience,
    worst: slot.worst,
    participants: slot.participants.map((p) => ({
      label: p.label,
      zone: p.zone,
      start: { ...p.start },
      end: { ...p.end },
      outsideMinutes: p.outsideMinutes,
      nightMinutes: p.nightMinutes,
      inconvenience: p.inconvenience,
    })),
  }
}

export function presentSeries(places: readonly Place[], timeZone: string, series: SeriesResult) {
  return {
    participants: places.map(presentPlace),
    timeZone,
    occurrences: series.occurrences.map(presentSlot),
    naive: {
      weekday: series.naive.weekday,
      time: series.naive.time,
      timeZone: series.naive.timeZone,
      occurrences: series.naive.occurrences.map(presentSlot),
    },
    burdens: series.participants.map((p) => ({
      label: p.label,
      zone: p.zone,
      fair: { ...p.fair },
      naive: { ...p.naive },
    })),
    fairWorst: series.fairWorst,
    naiveWorst: series.naiveWorst,
  }
}

function presentSharedItem(place: Place, item: SharedHoursItem) {
  return {
    ref: place.ref,
    name: place.name,
    zone: item.zone,
    months: item.months.map((month) => ({ ...month })),
    hoursPerYear: item.hoursPerYear,
    ...(item.hoursPerYearWithOffice === undefined
      ? {}
      : { hoursPerYearWithOffice: item.hoursPerYearWithOffice }),
    ...(item.hoursPerYearWithEither === undefined
      ? {}
      : { hoursPerYearWithEither: item.hoursPerYearWithEither }),
  }
}

export function presentSharedHours(
  year: number,
  hq: Place,
  office: Place | null,
  partners: readonly Place[],
  result: SharedHoursResult,
) {
  return {
    year,
    hq: presentPlace(hq),
    office: office === null ? null : presentPlace(office),
    items: result.items.map((item, i) => presentSharedItem(partners[i] ?? hq, item)),
    officeWithHq:
      office === null || result.office === undefined ? null : presentSharedItem(office, result.office),
  }
}
