import { z } from 'zod'
import { FuzzyDateView, IsoDay, MarkingView, Slug } from './common.ts'

export const FrameworkSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    formal: z.boolean(),
    started: FuzzyDateView.nullable(),
    description: z.string(),
    memberCount: z.number().int().meta({ description: 'Current members this principal may see' }),
  })
  .meta({ id: 'FrameworkSummary' })

export const FrameworkList = z
  .object({ items: z.array(FrameworkSummary), marking: MarkingView })
  .meta({ id: 'FrameworkList' })

export const FrameworkMembership = z
  .object({
    id: z.string(),
    version: z.number().int(),
    code: z.string(),
    name: z.string(),
    from: FuzzyDateView.nullable(),
    to: FuzzyDateView.nullable(),
    status: z.string(),
    note: z.string().nullable(),
    marking: MarkingView,
    abilities: z.object({ edit: z.boolean(), end: z.boolean() }),
  })
  .meta({ id: 'FrameworkMembership' })

export const FrameworkDetail = FrameworkSummary.extend({
  asOf: IsoDay,
  members: z.array(FrameworkMembership).meta({ description: 'Members on the asOf day' }),
  history: z.array(FrameworkMembership).meta({ description: 'Every membership span, past and present' }),
  source: z.string().nullable(),
  marking: MarkingView,
  recordMarking: MarkingView.meta({ description: 'The marking of the framework record itself' }),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), addMembership: z.boolean() }),
}).meta({ id: 'FrameworkDetail' })

export const FrameworkParams = z.object({ id: Slug })
export const FrameworkQuery = z
  .object({ asOf: IsoDay.optional().meta({ description: 'Day to list members on; today by default' }) })
  .strict()
