import type { z } from 'zod'
import type { FuzzyDateView, MarkingView } from '../contract/common.ts'
import { type FuzzyDate, formatFuzzyDate } from '../domain/fuzzy-date.ts'
import { type Marking, markingLabel } from '../domain/marking.ts'

export function presentMarking(marking: Marking): z.infer<typeof MarkingView> {
  return {
    classification: marking.classification,
    releasableTo: [...marking.releasableTo],
    label: markingLabel(marking),
  }
}

export function presentFuzzyDate(date: FuzzyDate): z.infer<typeof FuzzyDateView> {
  return { date: date.value, precision: date.precision, label: formatFuzzyDate(date) }
}

export function presentFuzzyDateOrNull(date: FuzzyDate | null): z.infer<typeof FuzzyDateView> | null {
  return date === null ? null : presentFuzzyDate(date)
}
