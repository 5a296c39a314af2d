import type { z } from 'zod'
import type { EngagementSummary, ParticipantView } from '../../contract/engagement.ts'
import type { StatementView } from '../../contract/engagement-statement.ts'
import { participationLevel } from '../../domain/engagement.ts'
import { showTime } from '../../domain/engagement-time.ts'
import type { Marking } from '../../domain/marking.ts'
import type { StatementRecord } from '../../store/engagement-statement-store.ts'
import type { EngagementListItem, ParticipantRecord } from '../../store/engagement-store.ts'
import { presentMarking } from '../present.ts'
import type { EngagementLabels } from './labels.ts'

/**
 * An engagement for the wire: times at the place and in the viewer's zone, labels beside codes in
 * the request's language (`engagementLabels(requestLocale(request))`).
 */
export function presentEngagement(
  item: Omit<EngagementListItem, 'participationMarkings'>,
  viewerZone: string,
  labels: EngagementLabels,
): z.infer<typeof EngagementSummary> {
  const { timing } = item
  return {
    id: item.id,
    kind: item.kind,
    kindLabel: labels.kind[item.kind],
    level: item.level,
    levelLabel: labels.level[item.level],
    format: item.format,
    formatLabel: labels.format[item.format],
    title: item.title,
    summary: item.summary,
    host: item.host,
    place: item.place,
    timeZone: timing.timeZone,
    allDay: timing.allDay,
    start: showTime(timing.start, timing.timeZone, timing.allDay, viewerZone),
    end: showTime(timing.end, timing.timeZone, timing.allDay, viewerZone),
    parentId: item.parentId,
    priorityAreas: [...item.priorityAreas],
    outcomes: [...item.outcomes],
    countries: [...item.countries],
    marking: presentMarking(item.marking),
    version: item.version,
  }
}

export function presentParticipant(
  engagement: Pick<EngagementListItem, 'level'>,
  participant: ParticipantRecord,
  labels: EngagementLabels,
): z.infer<typeof ParticipantView> {
  const level = participationLevel(engagement, participant)
  return {
    country: participant.country,
    countryName: participant.countryName,
    person: participant.person,
    role: participant.role,
    level,
    levelLabel: labels.level[level],
    ownLevel: participant.level !== null,
    marking: presentMarking(participant.marking),
  }
}

export function presentStatement(
  statement: StatementRecord,
  labels: EngagementLabels,
): z.infer<typeof StatementView> {
  return {
    id: statement.id,
    kind: statement.kind,
    kindLabel: labels.statementKind[statement.kind],
    status: statement.status,
    statusLabel: labels.statementStatus[statement.status],
    title: statement.title,
    summary: statement.summary,
    issuedOn: statement.issuedOn,
    issuers: [...statement.issuers],
    engagementId: statement.engagementId,
    engagementTitle: statement.engagementTitle,
    priorityAreas: [...statement.priorityAreas],
    associations: statement.associations.map((association) => ({
      country: association.country,
      marking: presentMarking(association.marking),
    })),
    marking: presentMarking(statement.marking),
    version: statement.version,
  }
}

/** What a shown statement adds to a banner: its own marking and those of its visible associations. */
export function statementMarkings(statement: StatementRecord): Marking[] {
  return [statement.marking, ...statement.associations.map((association) => association.marking)]
}
