import { IANAZone } from 'luxon'
import type { FieldProblem } from './errors.ts'

/**
 * The registry's vocabularies (issue 11): what a relationship event can be, how sure its source
 * is, and where a framework membership stands. The demo data uses exactly these.
 */
export const eventKinds = [
  'dialogue',
  'meeting',
  'summit',
  'agreement',
  'declaration',
  'mission',
  'ipcp',
  'itpp',
  'other',
] as const
export type EventKind = (typeof eventKinds)[number]

export const confidences = ['high', 'medium', 'low'] as const
export type Confidence = (typeof confidences)[number]

/** `former` is what ending a membership leaves; `invited` never counts as a member. */
export const membershipStatuses = ['active', 'suspended', 'invited', 'former'] as const
export type MembershipStatus = (typeof membershipStatuses)[number]

/** A zone must be one the IANA database (through Luxon) knows: a schema cannot tell. */
export function zoneProblems(timeZone: string, pointer = '#/timeZone'): FieldProblem[] {
  return IANAZone.isValidZone(timeZone)
    ? []
    : [{ pointer, detail: `${timeZone} is not an IANA time zone; use one such as Asia/Tokyo.` }]
}
