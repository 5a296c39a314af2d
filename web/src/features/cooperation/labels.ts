import {
  eventPhases,
  invitationStatuses,
  itemFormats,
  participantRoles,
  registrationStatuses,
  requestStatuses,
} from '../../../../src/domain/cooperation/vocabulary.ts'
import { labelsOf } from '../../i18n/labels.ts'
import { priorityAreaLabel, priorityAreaLabels } from '../../lib/labels.ts'

/** The cooperation menu's words for its slugs (`label.<family>.<slug>`), in the reader's language. */
export const formatLabels = labelsOf('itemFormat', itemFormats)
export const requestStatusLabels = labelsOf('requestStatus', requestStatuses)
export const invitationStatusLabels = labelsOf('invitationStatus', invitationStatuses)
export const registrationStatusLabels = labelsOf('registrationStatus', registrationStatuses)
export const phaseLabels = labelsOf('eventPhase', eventPhases)
export const roleLabels = labelsOf('participantRole', participantRoles)

/**
 * The priority areas the filters offer (the register's ids, data/demo.json), by name in the
 * current language; the API has no list route for them yet. Read at render, so a language switch shows.
 */
export function priorityAreaOptions(): ReadonlyArray<readonly [string, string]> {
  return Object.keys(priorityAreaLabels).map((id) => [id, priorityAreaLabel(id)] as const)
}

/** A priority area by name; an id the catalogue does not know is shown as its words ("cyber-defence" → "Cyber defence"). */
export const areaName = priorityAreaLabel
