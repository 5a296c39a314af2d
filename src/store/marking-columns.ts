import { classificationAt, classificationRank, type Marking, publicMarking } from '../domain/marking.ts'
import type { MarkedColumns } from './database.ts'
import { decodeList, encodeSet } from './list-column.ts'

export function markingFromColumns(row: MarkedColumns): Marking {
  return {
    classification: classificationAt(Number(row.classification)),
    releasableTo: decodeList(row.releasable_to),
  }
}

export function markingToColumns(marking: Marking = publicMarking): MarkedColumns {
  return {
    classification: classificationRank(marking.classification),
    releasable_to: encodeSet(marking.releasableTo),
  }
}
