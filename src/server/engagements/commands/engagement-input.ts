import type { z } from 'zod'
import type { EngagementInput } from '../../../contract/engagement.ts'
import type { EngagementDraft } from '../../../domain/engagement.ts'
import type { EngagementDetail } from '../../../store/engagement-store.ts'

/** The request's engagement as the domain's draft: the four timing fields become one timing. */
export function toEngagementDraft(input: z.infer<typeof EngagementInput>): EngagementDraft {
  const { allDay, start, end, timeZone, ...rest } = input
  return { ...rest, timing: { allDay, start, end, timeZone } }
}

/** The stored engagement as an input, so that a patch can be laid over it. */
export function asEngagementInput(
  engagement: EngagementDetail['engagement'],
): z.infer<typeof EngagementInput> {
  return {
    kind: engagement.kind,
    level: engagement.level,
    format: engagement.format,
    title: engagement.title,
    summary: engagement.summary,
    host: engagement.host,
    place: engagement.place,
    timeZone: engagement.timing.timeZone,
    allDay: engagement.timing.allDay,
    start: engagement.timing.start,
    end: engagement.timing.end,
    parentId: engagement.parentId,
    priorityAreas: [...engagement.priorityAreas],
    outcomes: [...engagement.outcomes],
    participants: engagement.participants.map(({ country, person, role, level, marking }) => ({
      country,
      person,
      role,
      level,
      marking: { classification: marking.classification, releasableTo: [...marking.releasableTo] },
    })),
    marking: {
      classification: engagement.marking.classification,
      releasableTo: [...engagement.marking.releasableTo],
    },
  }
}
