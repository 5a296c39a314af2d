/** How much work one request may ask for; the contract refuses more with a 400. */
export const schedulingLimits = {
  maxRangeDays: 366,
  minStepMinutes: 5,
  maxStepMinutes: 24 * 60,
  minDurationMinutes: 5,
  maxDurationMinutes: 24 * 60,
  maxParticipants: 30,
  maxOccurrences: 104,
  maxPeriodDays: 28,
  maxSlots: 100,
  maxDaysOff: 400,
} as const

/** Days from one YYYY-MM-DD to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
