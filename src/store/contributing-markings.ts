import { type RawBuilder, sql } from 'kysely'
import { classificationAt, type Marking } from '../domain/marking.ts'
import type { Engine } from './database.ts'
import { decodeList } from './list-column.ts'

/**
 * The banner of an answer is the highest marking of every row that contributed to it (DESIGN.md),
 * and those rows are counted and joined in SQL. So the SQL that reads them also gathers their
 * distinct `marking_id`s, in the same statement and under the same visibility filter, and the
 * domain folds the few markings found into the banner (`highestMarking`): a row the principal
 * may not see is never read, so it can neither show nor raise a banner.
 */

/**
 * Aggregate: the distinct marking ids of `column` over the group, as one text "0,2|JPN|" (null
 * for no rows). Marking ids never hold a comma: they are a rank and "|"-separated country codes.
 */
export function distinctMarkingIds(engine: Engine, column: string): RawBuilder<string | null> {
  const ref = sql.ref(column)
  return engine === 'postgres'
    ? sql<string | null>`string_agg(distinct ${ref}, ',')`
    : sql<string | null>`group_concat(distinct ${ref})`
}

/**
 * A marking id as the triggers of migration 2026-12-02T0400-markings write it: the classification
 * rank (one digit) followed by the stored releasability ("2|JPN|KOR|", "0").
 */
export function markingFromId(id: string): Marking {
  const rank = Number(id.slice(0, 1))
  if (!Number.isInteger(rank) || id.length === 0) {
    throw new RangeError(`Not a marking id: ${id}`)
  }
  return { classification: classificationAt(rank), releasableTo: decodeList(id.slice(1)) }
}

/** The markings named by one or more aggregated id lists (see `distinctMarkingIds`). */
export function markingsFromIds(...lists: ReadonlyArray<string | null | undefined>): Marking[] {
  const ids = new Set(lists.flatMap((list) => (list === null || list === undefined ? [] : list.split(','))))
  return [...ids].filter((id) => id !== '').map(markingFromId)
}
