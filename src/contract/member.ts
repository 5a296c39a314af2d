import { z } from 'zod'
import { FuzzyDateView, MarkingView } from './common.ts'

export const MemberView = z
  .object({
    code: z.string(),
    name: z.string(),
    capital: z.string().nullable(),
    timeZone: z.string(),
    accession: FuzzyDateView,
    accessionYear: z.number().int(),
  })
  .meta({ id: 'Member' })

export const MemberList = z
  .object({ items: z.array(MemberView), marking: MarkingView })
  .meta({ id: 'MemberList' })
