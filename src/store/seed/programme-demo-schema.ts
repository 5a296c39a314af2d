import { z } from 'zod'
import { parseFuzzyDate } from '../../domain/fuzzy-date.ts'
import { classifications } from '../../domain/marking.ts'
import { milestoneStatuses, programmeKinds, programmeStatuses } from '../../domain/programme.ts'

const Edtf = z.string().refine((value) => parseFuzzyDate(value) !== null, 'Not an EDTF year, month or day')
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const Code = z.string().regex(/^[A-Z]{3}$/)
const Marking = z.object({ classification: z.enum(classifications), releasableTo: z.array(Code) })

/**
 * Which versions a part belongs to: from version `since` ('draft' = only in the live text) to
 * version `until` (absent = still in the live text). `previously` holds older wording used in the
 * listed versions, so the demo shows a real field-level diff.
 */
const Lineage = {
  since: z.union([z.number().int().min(1), z.literal('draft')]).optional(),
  until: z.number().int().min(1).optional(),
  previously: z
    .object({
      in: z.array(z.number().int().min(1)),
      title: z.string().optional(),
      description: z.string().optional(),
      due: Day.optional(),
      status: z.enum(milestoneStatuses).optional(),
    })
    .optional(),
}

const SeedMilestone = z.object({
  id: z.string(),
  title: z.string(),
  due: Day,
  status: z.enum(milestoneStatuses),
  marking: Marking.optional(),
  ...Lineage,
})

const SeedActivity = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().default(''),
  priorityAreas: z.array(z.string()).default([]),
  marking: Marking.optional(),
  ...Lineage,
})

const SeedGoal = SeedActivity.extend({
  activities: z.array(SeedActivity).default([]),
  milestones: z.array(SeedMilestone).default([]),
})

const SeedObjective = SeedActivity.extend({ goals: z.array(SeedGoal).default([]) })

export const ProgrammeDemoData = z.object({
  about: z.string(),
  programmes: z.array(
    z.object({
      id: z.string(),
      partner: Code,
      kind: z.enum(programmeKinds),
      title: z.string(),
      status: z.enum(programmeStatuses),
      periodFrom: Edtf,
      periodTo: Edtf,
      agreedOn: Edtf.nullable(),
      /** Current negotiation round (0 for a programme never negotiated). */
      round: z.number().int().min(0),
      supersedes: z.string().nullable(),
      publicDiplomacy: z.string(),
      nextReview: Day.nullable(),
      source: z.string().nullable(),
      illustrative: z.boolean(),
      marking: Marking,
      versions: z.array(z.object({ number: z.number().int().min(1), agreedOn: Edtf, title: z.string() })),
      objectives: z.array(SeedObjective),
    }),
  ),
})
export type ProgrammeDemoData = z.infer<typeof ProgrammeDemoData>
export type SeedProgramme = ProgrammeDemoData['programmes'][number]
export type SeedObjective = z.infer<typeof SeedObjective>
export type SeedGoal = z.infer<typeof SeedGoal>
export type SeedActivity = z.infer<typeof SeedActivity>
export type SeedMilestone = z.infer<typeof SeedMilestone>
