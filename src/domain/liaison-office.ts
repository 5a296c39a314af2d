import { IANAZone } from 'luxon'
import type { Marking } from './marking.ts'

/**
 * A liaison office of the alliance abroad (issue 9): where it is, on which clock, the partners it
 * serves and where it stands. Pure: the caller checks that the countries exist and may be seen.
 */
export const liaisonOfficeStatuses = ['proposed', 'open', 'closed'] as const
export type LiaisonOfficeStatus = (typeof liaisonOfficeStatuses)[number]

export interface LiaisonOfficeDraft {
  readonly city: string
  /** The host country (ISO 3166-1 alpha-3). */
  readonly country: string
  /** The IANA zone the office keeps its hours in, e.g. Asia/Tokyo. */
  readonly timeZone: string
  /** The partner countries it serves, sorted and unique. */
  readonly partners: readonly string[]
  readonly status: LiaisonOfficeStatus
  readonly marking: Marking
}

export interface FieldProblem {
  readonly pointer: string
  readonly detail: string
}

/** Problems a schema cannot see: the zone must be one the IANA database (through Luxon) knows. */
export function officeProblems(draft: Pick<LiaisonOfficeDraft, 'timeZone'>): FieldProblem[] {
  return IANAZone.isValidZone(draft.timeZone)
    ? []
    : [
        {
          pointer: '#/timeZone',
          detail: `${draft.timeZone} is not an IANA time zone; use one such as Asia/Tokyo.`,
        },
      ]
}

/**
 * The status an office takes when the proposal that decides it is adopted: a proposed office
 * opens; an office already open or closed is left as it is (closing is a decision of its own).
 */
export function statusOnAdoption(status: LiaisonOfficeStatus): LiaisonOfficeStatus {
  return status === 'proposed' ? 'open' : status
}

/** An office is a place engagements and scheduling can use only once it is open. */
export function isSchedulingPlace(status: LiaisonOfficeStatus): boolean {
  return status === 'open'
}
