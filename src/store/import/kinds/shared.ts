import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { MarkingInput } from '../../../contract/engagement.ts'
import { parseFuzzyDate } from '../../../domain/fuzzy-date.ts'
import type { ImportProblem } from '../../../domain/import/import-problem.ts'
import type { Marking } from '../../../domain/marking.ts'
import { classificationRank, normaliseReleasability, publicMarking } from '../../../domain/marking.ts'
import type { Principal } from '../../../domain/principal.ts'
import type { RowAt } from '../import-kind.ts'

/** The id a file gives a record, so that the same file imported twice is refused, not doubled. */
export const RecordId = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
    'Use letters, digits and . _ : - (at most 100), e.g. jpn-2007-01',
  )

export const FuzzyDateText = z
  .string()
  .trim()
  .refine((value) => parseFuzzyDate(value) !== null, 'Use 199X (a decade), 2005, 2012-09 or 2014-05-06')

/** A marking as a file gives it; PUBLIC when left out, like a record written without one. */
export const ImportMarking = MarkingInput.default({ classification: 'PUBLIC', releasableTo: [] }).transform(
  (marking): Marking => ({
    classification: marking.classification,
    releasableTo: normaliseReleasability(marking.releasableTo),
  }),
)

export const defaultMarking: Marking = publicMarking

export function newId(given: string | undefined): string {
  return given ?? randomUUID()
}

/** Rows marked above the importer's clearance: nobody records what they could not read back. */
export function clearanceRowProblems<Row>(
  principal: Principal,
  batch: readonly RowAt<Row>[],
  markingOf: (row: Row) => readonly Marking[],
): ImportProblem[] {
  const limit = classificationRank(principal.clearance)
  return batch
    .filter((item) => markingOf(item.value).some((m) => classificationRank(m.classification) > limit))
    .map((item) => ({ row: item.row, field: 'classification', message: 'Above your own clearance' }))
}

/**
 * Keys given twice in the file, or already taken in the database: each reported at its row. The
 * `seen` map (key → first row) lives as long as the run, so a repeat many batches later is found.
 */
export function duplicateKeyProblems<Row>(
  batch: readonly RowAt<Row>[],
  keyOf: (row: Row) => string | undefined,
  field: string,
  seen: Map<string, number>,
  taken: ReadonlySet<string>,
  what: string,
): ImportProblem[] {
  const problems: ImportProblem[] = []
  for (const item of batch) {
    const key = keyOf(item.value)
    if (key === undefined) continue
    const first = seen.get(key)
    if (first !== undefined) {
      problems.push({ row: item.row, field, message: `${key} is already used on row ${first} of this file` })
      continue
    }
    seen.set(key, item.row)
    if (taken.has(key)) {
      problems.push({ row: item.row, field, message: `A ${what} with the ${field} ${key} already exists` })
    }
  }
  return problems
}

/** Rows whose batch lookup did not find what they name. */
export function unknownReferenceProblems<Row>(
  batch: readonly RowAt<Row>[],
  refsOf: (row: Row) => readonly string[],
  found: (ref: string) => boolean,
  field: string,
  message: (ref: string) => string,
): ImportProblem[] {
  const problems: ImportProblem[] = []
  for (const item of batch) {
    for (const ref of refsOf(item.value)) {
      if (!found(ref)) {
        problems.push({ row: item.row, field, message: message(ref) })
      }
    }
  }
  return problems
}
