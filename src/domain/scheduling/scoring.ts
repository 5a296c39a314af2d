/**
 * How much a minute outside working hours costs. Every such minute costs `outside`; one in the night
 * window costs `night` instead, since a call at 03:00 hurts more than one at 19:00.
 */
export interface Scoring {
  readonly outside: number
  readonly night: number
  /** The night window, in minutes after local midnight; it wraps past midnight when start > end. */
  readonly nightStartMinute: number
  readonly nightEndMinute: number
}

export const defaultScoring: Scoring = {
  outside: 1,
  night: 3,
  nightStartMinute: 22 * 60,
  nightEndMinute: 7 * 60,
}

export function isNightMinute(scoring: Scoring, minuteOfDay: number): boolean {
  const { nightStartMinute: start, nightEndMinute: end } = scoring
  return start <= end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end
}

/** One participant's pain for a stretch of time. */
export interface Burden {
  /** Minutes outside their working hours, night minutes included. */
  readonly outsideMinutes: number
  /** Of those, the minutes in the night window. */
  readonly nightMinutes: number
  readonly inconvenience: number
}

export function burdenOf(scoring: Scoring, outsideMinutes: number, nightMinutes: number): Burden {
  return {
    outsideMinutes,
    nightMinutes,
    inconvenience: (outsideMinutes - nightMinutes) * scoring.outside + nightMinutes * scoring.night,
  }
}
