import type { Place } from './places.ts'
import { defaultScoring, type Scoring } from './scoring.ts'
import { defaultWorkingHours, type Participant, parseClock, weekdayNumber } from './working-hours.ts'

/** A participant as the API and the CLI take it, once its place is resolved. */
export interface ParticipantRequest {
  readonly label?: string | undefined
  readonly workingHours?:
    | { readonly start: string; readonly end: string; readonly days: readonly string[] }
    | undefined
  readonly daysOff?: readonly string[] | undefined
}

export function toParticipant(place: Place, request: ParticipantRequest = {}): Participant {
  const hours = request.workingHours
  return {
    label: request.label ?? place.ref,
    zone: place.zone,
    workingHours:
      hours === undefined
        ? defaultWorkingHours
        : {
            startMinute: parseClock(hours.start) ?? defaultWorkingHours.startMinute,
            endMinute: parseClock(hours.end) ?? defaultWorkingHours.endMinute,
            days: [...new Set(hours.days.map((day) => weekdayNumber(day) ?? 0).filter((day) => day > 0))],
          },
    daysOff: request.daysOff ?? [],
  }
}

export interface WeightsRequest {
  readonly outside: number
  readonly night: number
  readonly nightStart: string
  readonly nightEnd: string
}

export function toScoring(weights: WeightsRequest | undefined): Scoring {
  if (weights === undefined) {
    return defaultScoring
  }
  return {
    outside: weights.outside,
    night: weights.night,
    nightStartMinute: parseClock(weights.nightStart) ?? defaultScoring.nightStartMinute,
    nightEndMinute: parseClock(weights.nightEnd) ?? defaultScoring.nightEndMinute,
  }
}
