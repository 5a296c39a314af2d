import type { z } from 'zod'
import type { FuzzyDateInput } from '../contract/fuzzy-date-input.ts'
import { type FuzzyDate, fuzzyDate } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'

/** Conversions the registry commands share between wire shapes and drafts. */

type DateInput = z.output<typeof FuzzyDateInput>

/** A validated fuzzy-date input (its schema checked the text against the precision). */
export function dateOf(input: DateInput): FuzzyDate {
  return fuzzyDate(input.date)
}

export function dateOrNull(input: DateInput | null): FuzzyDate | null {
  return input === null ? null : dateOf(input)
}

export function dateInput(date: FuzzyDate | null): DateInput | null {
  return date === null ? null : { date: date.value, precision: date.precision }
}

export function markingInput(marking: Marking): {
  classification: Marking['classification']
  releasableTo: string[]
} {
  return { classification: marking.classification, releasableTo: [...marking.releasableTo] }
}
