import { z } from 'zod'
import {
  engagementFormats,
  engagementKinds,
  engagementLevels,
  structureProblems,
} from '../domain/engagement.ts'
import { isNamedZone, timingProblems } from '../domain/engagement-time.ts'
import { classifications } from '../domain/marking.ts'
import { CodeLabel, CountryCode, IsoDay, MarkingView, Paging, Slug } from './common.ts'

export const EngagementKind = z.enum(engagementKinds).meta({ id: 'EngagementKind' })
export const EngagementLevel = z.enum(engagementLevels).meta({ id: 'EngagementLevel' })
export const EngagementFormat = z.enum(engagementFormats).meta({ id: 'EngagementFormat' })

export const TimeZoneName = z
  .string()
  .refine(isNamedZone, 'Use an IANA time zone name such as Europe/Madrid, not an offset')
  .meta({ example: 'Europe/Madrid' })

/** A marking as written by a person: the label is derived, never sent. */
export const MarkingInput = z
  .object({
    classification: z.enum(classifications),
    releasableTo: z.array(CountryCode).max(60).default([]),
  })
  .strict()

export const ParticipantInput = z
  .object({
    country: CountryCode,
    person: z.string().trim().min(1).max(200).nullable().default(null),
    role: z.string().trim().min(1).max(200).nullable().default(null),
    level: EngagementLevel.nullable()
      .default(null)
      .meta({ description: 'The level this country took part at, when not the engagement’s own' }),
    marking: MarkingInput.nullable()
      .default(null)
      .meta({ description: 'Defaults to the engagement’s marking' }),
  })
  .strict()

/** The fields without defaults: a patch must leave out what it does not change. */
const engagementShape = {
  kind: EngagementKind,
  level: EngagementLevel,
  format: EngagementFormat,
  title: z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters'),
  summary: z.string().max(5000),
  host: CountryCode.nullable().meta({ description: 'Host country; null when the alliance hosts' }),
  place: z.string().trim().min(1, 'Enter the place').max(300),
  timeZone: TimeZoneName,
  allDay: z.boolean(),
  start: z
    .string()
    .meta({ description: 'Local wall time at the place: YYYY-MM-DDTHH:mm, or YYYY-MM-DD when all day' }),
  end: z.string().meta({ description: 'Local wall time at the place; for all-day engagements the last day' }),
  parentId: z.string().min(1).max(100).nullable(),
  priorityAreas: z.array(Slug).max(30),
  outcomes: z.array(z.string().trim().min(1).max(1000)).max(50),
  participants: z.array(ParticipantInput).max(200),
  marking: MarkingInput,
}

const engagementFields = z
  .object({
    ...engagementShape,
    summary: engagementShape.summary.default(''),
    host: engagementShape.host.default(null),
    allDay: engagementShape.allDay.default(false),
    parentId: engagementShape.parentId.default(null),
    priorityAreas: engagementShape.priorityAreas.default([]),
    outcomes: engagementShape.outcomes.default([]),
    participants: engagementShape.participants.default([]),
  })
  .strict()

type EngagementFields = z.infer<typeof engagementFields>

/** The rules that span several fields, reported on each field they concern. */
function crossFieldIssues(value: EngagementFields, context: z.RefinementCtx): void {
  const problems = [
    ...timingProblems({ allDay: value.allDay, start: value.start, end: value.end, timeZone: value.timeZone }),
    ...structureProblems(value),
  ].filter((problem) => problem.pointer !== '#/timeZone')
  for (const problem of problems) {
    context.addIssue({
      code: 'custom',
      message: problem.detail,
      path: problem.pointer
        .slice(2)
        .split('/')
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    })
  }
}

/** A new engagement. The same schema validates the web form, so both show the same messages. */
export const EngagementInput = engagementFields.superRefine(crossFieldIssues)

/** A change to an engagement: any subset of the fields; the merged result must pass EngagementInput. */
export const EngagementPatch = z.object(engagementShape).partial().strict()

export const ViewerZoneQuery = z.object({
  tz: TimeZoneName.optional().meta({
    description: 'Viewer’s IANA zone for the `viewer` times; UTC by default',
  }),
})

export const EngagementListQuery = Paging.extend({
  partner: CountryCode.optional().meta({ description: 'A visible participant from this country' }),
  framework: Slug.optional().meta({
    description: 'A visible participant that belonged to this framework then',
  }),
  kind: EngagementKind.optional(),
  level: EngagementLevel.optional(),
  format: EngagementFormat.optional(),
  from: IsoDay.optional().meta({ description: 'Engagements ending on or after this local day' }),
  to: IsoDay.optional().meta({ description: 'Engagements starting on or before this local day' }),
  priorityArea: Slug.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  tz: ViewerZoneQuery.shape.tz,
})
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'to must not be before from',
    path: ['to'],
  })

export const EngagementParams = z.object({ id: z.string().min(1).max(100) })

const ShownTime = z.object({
  local: z.string(),
  zone: z.string(),
  offset: z.string().meta({ example: '+02:00' }),
  abbreviation: z.string(),
})

export const EngagementTimeView = z
  .object({
    place: ShownTime.meta({ description: 'Wall time at the place, in its named zone' }),
    viewer: ShownTime.meta({ description: 'The same moment in the viewer’s zone' }),
    utc: z.string(),
  })
  .meta({ id: 'EngagementTime' })

export const EngagementSummary = z
  .object({
    id: z.string(),
    kind: EngagementKind,
    kindLabel: CodeLabel,
    level: EngagementLevel,
    levelLabel: CodeLabel,
    format: EngagementFormat,
    formatLabel: CodeLabel,
    title: z.string(),
    summary: z.string(),
    host: z.string().nullable(),
    place: z.string(),
    timeZone: z.string(),
    allDay: z.boolean(),
    start: EngagementTimeView,
    end: EngagementTimeView,
    parentId: z.string().nullable(),
    priorityAreas: z.array(z.string()),
    outcomes: z.array(z.string()),
    countries: z.array(z.string()).meta({ description: 'Participating countries this viewer may see' }),
    marking: MarkingView,
    version: z.number().int(),
  })
  .meta({ id: 'EngagementSummary' })

export const EngagementList = z
  .object({ items: z.array(EngagementSummary), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'EngagementList' })

export const ParticipantView = z
  .object({
    country: z.string(),
    countryName: z.string(),
    person: z.string().nullable(),
    role: z.string().nullable(),
    level: EngagementLevel,
    levelLabel: CodeLabel,
    ownLevel: z.boolean().meta({ description: 'True when the country took part at a level of its own' }),
    marking: MarkingView,
  })
  .meta({ id: 'Participant' })
