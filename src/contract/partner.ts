import { z } from 'zod'
import { CountryCode, FuzzyDateView, MarkingView, Paging, Slug } from './common.ts'

export const partnerStatuses = ['active', 'suspended', 'inactive', 'invited'] as const

export const PartnerListQuery = Paging.extend({
  framework: Slug.optional().meta({ description: 'Only partners in this framework today' }),
  q: z
    .string()
    .trim()
    .max(100, 'q must be at most 100 characters')
    .optional()
    .meta({ description: 'Search in name, code and capital' }),
}).strict()

export const PartnerFrameworkRef = z.object({ id: z.string(), shortName: z.string(), status: z.string() })

export const PartnerSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    capital: z.string().nullable(),
    timeZone: z.string(),
    status: z.enum(partnerStatuses),
    summary: z.string(),
    dialogueSince: FuzzyDateView.nullable(),
    frameworks: z.array(PartnerFrameworkRef),
    eventCount: z.number().int().meta({ description: 'Timeline events this principal may see' }),
  })
  .meta({ id: 'PartnerSummary' })

export const PartnerList = z
  .object({ items: z.array(PartnerSummary), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'PartnerList' })

export const TimelineEvent = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    description: z.string(),
    date: z.string().meta({ description: 'EDTF date', example: '199X' }),
    precision: FuzzyDateView.shape.precision,
    label: z.string(),
    source: z.string().nullable(),
    confidence: z.string(),
    illustrative: z.boolean(),
    marking: MarkingView,
    version: z.number().int(),
    link: z
      .object({ type: z.enum(['engagement', 'programme']), id: z.string(), title: z.string() })
      .nullable()
      .meta({ description: 'The engagement or programme it records, when the caller may see it' }),
    abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'TimelineEvent' })

export const PartnerDetail = PartnerSummary.extend({
  timeline: z.array(TimelineEvent),
  marking: MarkingView,
  recordMarking: MarkingView.meta({ description: 'The marking of the partner record itself' }),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), addEvent: z.boolean() }),
}).meta({
  id: 'PartnerDetail',
})

export const PartnerParams = z.object({ code: CountryCode })
