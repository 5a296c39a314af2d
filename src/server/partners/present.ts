import type { z } from 'zod'
import type { PartnerDetail, PartnerSummary, TimelineEvent } from '../../contract/partner.ts'
import { partnerStatuses } from '../../contract/partner.ts'
import { formatFuzzyDate } from '../../domain/fuzzy-date.ts'
import { allows } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import type { PartnerRecord, TimelineEventRecord } from '../../store/partner-store.ts'
import { presentFuzzyDateOrNull, presentMarking } from '../present.ts'

export function presentPartner(partner: PartnerRecord): z.infer<typeof PartnerSummary> {
  return {
    code: partner.code,
    name: partner.name,
    capital: partner.capital,
    timeZone: partner.timeZone,
    status: partnerStatuses.find((status) => status === partner.status) ?? 'active',
    summary: partner.summary,
    dialogueSince: presentFuzzyDateOrNull(partner.dialogueSince),
    frameworks: partner.frameworks.map(({ id, shortName, status }) => ({ id, shortName, status })),
    eventCount: partner.eventCount,
  }
}

export function presentTimelineEvent(
  principal: Principal,
  event: TimelineEventRecord,
): z.infer<typeof TimelineEvent> {
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    description: event.description,
    date: event.date.value,
    precision: event.date.precision,
    label: formatFuzzyDate(event.date),
    source: event.source,
    confidence: event.confidence,
    illustrative: event.illustrative,
    marking: presentMarking(event.marking),
    version: event.version,
    link: event.link === null ? null : { ...event.link },
    abilities: {
      edit: allows(principal, 'update', { type: 'registry' }),
      delete: allows(principal, 'delete', { type: 'registry' }),
    },
  }
}

export function presentPartnerDetail(
  principal: Principal,
  partner: PartnerRecord,
  timeline: readonly TimelineEventRecord[],
  marking: z.infer<typeof PartnerDetail>['marking'],
): z.infer<typeof PartnerDetail> {
  return {
    ...presentPartner(partner),
    timeline: timeline.map((event) => presentTimelineEvent(principal, event)),
    marking,
    recordMarking: presentMarking(partner.marking),
    version: partner.version,
    abilities: {
      edit: allows(principal, 'update', { type: 'registry' }),
      addEvent: allows(principal, 'create', { type: 'registry' }),
    },
  }
}
