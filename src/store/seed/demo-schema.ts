import { z } from 'zod'
import { parseFuzzyDate } from '../../domain/fuzzy-date.ts'
import { classifications } from '../../domain/marking.ts'

const Edtf = z
  .string()
  .refine((value) => parseFuzzyDate(value) !== null, 'Not an EDTF decade, year, month or day')
const Code = z.string().regex(/^[A-Z]{3}$/)
const DemoMarking = z.object({
  classification: z.enum(classifications),
  releasableTo: z.array(Code),
})

/** The shape of data/demo.json; checked before anything is written. */
export const DemoData = z.object({
  about: z.string(),
  countries: z.array(
    z.object({ code: Code, name: z.string(), capital: z.string().nullable(), timeZone: z.string() }),
  ),
  members: z.array(z.object({ country: Code, accession: Edtf })),
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      formal: z.boolean(),
      started: Edtf.nullable(),
      description: z.string(),
      source: z.string().nullable().optional(),
      marking: DemoMarking.optional(),
    }),
  ),
  memberships: z.array(
    z.object({
      framework: z.string(),
      country: Code,
      from: Edtf.nullable(),
      to: Edtf.nullable(),
      status: z.string(),
      note: z.string().nullable().optional(),
      marking: DemoMarking.optional(),
    }),
  ),
  partners: z.array(
    z.object({
      code: Code,
      status: z.enum(['active', 'suspended', 'inactive', 'invited']),
      summary: z.string(),
      dialogueSince: Edtf.nullable(),
      marking: DemoMarking.optional(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      partner: Code,
      kind: z.string(),
      date: Edtf,
      title: z.string(),
      description: z.string(),
      source: z.string().nullable().optional(),
      confidence: z.string().optional(),
      illustrative: z.boolean().optional(),
      marking: DemoMarking.optional(),
    }),
  ),
  priorityAreas: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type DemoData = z.infer<typeof DemoData>
