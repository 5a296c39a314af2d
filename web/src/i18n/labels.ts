import { partnerStatuses } from '../../../src/contract/partner.ts'
import { engagementFormats, engagementKinds, engagementLevels } from '../../../src/domain/engagement.ts'
import { statementKinds, statementStatuses } from '../../../src/domain/engagement-statement.ts'
import { precisions } from '../../../src/domain/fuzzy-date.ts'
import { milestoneStatuses, nodeKinds, programmeStatuses } from '../../../src/domain/programme.ts'
import { milestoneHealths } from '../../../src/domain/programme-milestone.ts'
import { confidences, eventKinds, membershipStatuses } from '../../../src/domain/registry.ts'
import { searchTypes } from '../../../src/domain/search-types.ts'
import { isMessageKey } from '../../../src/i18n/catalogue.ts'
import { t } from './translate.ts'

/**
 * The words for a family of slugs (`label.<family>.<slug>` in the catalogue), read in the current
 * language each time one is shown: `labels[slug]` works like the English maps it replaces, and a
 * language switch re-renders the pages that read it. A slug without a message fails at start-up.
 */
export function labelsOf<S extends string>(family: string, slugs: readonly S[]): Readonly<Record<S, string>> {
  const labels = {} as Record<S, string>
  for (const slug of slugs) {
    const key = `label.${family}.${slug}`
    if (!isMessageKey(key)) throw new Error(`The catalogue has no ${key}`)
    Object.defineProperty(labels, slug, { enumerable: true, get: () => t(key) })
  }
  return labels
}

export const engagementKindLabels = labelsOf('engagementKind', engagementKinds)
export const levelLabels = labelsOf('level', engagementLevels)
export const formatLabels = labelsOf('format', engagementFormats)
export const statementKindLabels = labelsOf('statementKind', statementKinds)
export const statementStatusLabels = labelsOf('statementStatus', statementStatuses)
export const searchTypeLabels = labelsOf('searchType', searchTypes)
export const programmeStatusLabels = labelsOf('programmeStatus', programmeStatuses)
export const milestoneStatusLabels = labelsOf('milestoneStatus', milestoneStatuses)
export const healthLabels = labelsOf('health', milestoneHealths)
export const nodeKindLabels = labelsOf('nodeKind', nodeKinds)
export const partnerStatusLabels = labelsOf('partnerStatus', partnerStatuses)
export const membershipStatusLabels = labelsOf('membershipStatus', membershipStatuses)
export const eventKindLabels = labelsOf('eventKind', eventKinds)
export const confidenceLabels = labelsOf('confidence', confidences)
export const precisionLabels = labelsOf('precision', precisions)
/** How a date of each precision is written, named in its field's label. */
export const precisionHints = labelsOf('precisionHint', precisions)
