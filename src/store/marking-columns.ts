import { classificationAt, classificationRank, type Marking, publicMarking } from '../domain/marking.ts'
import type { MarkedColumns } from './database.ts'
import { decodeReleasability, encodeReleasability } from './visibility.ts'

export function markingFromColumns(row: MarkedColumns): Marking {
  return {
    classification: classificationAt(Number(row.classification)),
    releasableTo: decodeReleasability(row.releasable_to),
  }
}

export function markingToColumns(marking: Marking = publicMarking): MarkedColumns {
  return {
    classification: classificationRank(marking.classification),
    releasable_to: encodeReleasability(marking.releasableTo),
  }
}
