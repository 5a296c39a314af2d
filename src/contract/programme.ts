import { z } from 'zod'
import { parseFuzzyDate } from '../domain/fuzzy-date.ts'
import { classifications } from '../domain/marking.ts'
import { milestoneStatuses, nodeKinds, programmeKinds, programmeStatuses } from '../domain/programme.ts'
import { approvalParties } from '../domain/programme-policy.ts'
import { CountryCode, IsoDay } from './common.ts'

/** Request schemas of /api/v1/programmes. The views are in programme-view.ts. */

export const ProgrammeId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'Use a programme id as returned by the API')
  .meta({ example: 'jpn-itpp-2023' })

export const Edtf = z
  .string()
  .refine(
    (value) => parseFuzzyDate(value) !== null,
    'Use an EDTF year, month or day, e.g. 2023 or 2023-07-12',
  )
  .meta({ example: '2023' })

export const MarkingInput = z.object({
  classification: z.enum(classifications),
  releasableTo: z
    .array(CountryCode)
    .max(50)
    .default([])
    .meta({ description: 'Partner codes; empty means alliance only' }),
})
// No component id: input and output differ (codes are upper-cased), so a shared id collides.

const Title = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(300, 'title must be at most 300 characters')
const Description = z.string().max(5000, 'description must be at most 5000 characters')
const PriorityAreas = z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'Use a priority area id')).max(20)

export const ProgrammeParams = z.object({ id: ProgrammeId })
export const NodeParams = z.object({ id: ProgrammeId, nodeId: ProgrammeId })
export const MilestoneParams = z.object({ id: ProgrammeId, milestoneId: ProgrammeId })

export const ProgrammeListQuery = z
  .object({
    partner: CountryCode.optional(),
    kind: z.enum(programmeKinds).optional(),
    status: z.enum(programmeStatuses).optional(),
  })
  .strict()

export const ProgrammeCreate = z
  .object({
    partner: CountryCode,
    kind: z.enum(programmeKinds),
    title: Title,
    periodFrom: Edtf,
    periodTo: Edtf,
    supersedesId: ProgrammeId.nullable().default(null),
    publicDiplomacy: Description.default(''),
    nextReview: IsoDay.nullable().default(null),
    marking: MarkingInput.optional().meta({
      description: 'Defaults to RESTRICTED, releasable to the partner',
    }),
  })
  .strict()
  .meta({ id: 'ProgrammeCreate' })

export const ProgrammePatch = z
  .object({
    title: Title.optional(),
    periodFrom: Edtf.optional(),
    periodTo: Edtf.optional(),
    publicDiplomacy: Description.optional(),
    nextReview: IsoDay.nullable().optional(),
    marking: MarkingInput.optional(),
  })
  .strict()
  .meta({ id: 'ProgrammePatch' })

export const NodeCreate = z
  .object({
    kind: z.enum(nodeKinds),
    parentId: ProgrammeId.nullable(),
    title: Title,
    description: Description.default(''),
    priorityAreas: PriorityAreas.default([]),
    marking: MarkingInput.optional().meta({ description: 'Defaults to the parent’s marking' }),
    position: z.number().int().min(0).optional().meta({ description: 'Index among siblings; default last' }),
  })
  .strict()
  .meta({ id: 'NodeCreate' })

export const NodePatch = z
  .object({
    title: Title.optional(),
    description: Description.optional(),
    priorityAreas: PriorityAreas.optional(),
    marking: MarkingInput.optional(),
  })
  .strict()
  .meta({ id: 'NodePatch' })

export const NodeMove = z
  .object({
    parentId: ProgrammeId.nullable(),
    position: z.number().int().min(0, 'position must not be negative'),
  })
  .strict()
  .meta({ id: 'NodeMove' })

export const MilestoneCreate = z
  .object({
    goalId: ProgrammeId,
    title: Title,
    due: IsoDay,
    status: z.enum(milestoneStatuses).default('planned'),
    marking: MarkingInput.optional().meta({ description: 'Defaults to the goal’s marking' }),
  })
  .strict()
  .meta({ id: 'MilestoneCreate' })

export const MilestonePatch = z
  .object({
    goalId: ProgrammeId.optional(),
    title: Title.optional(),
    due: IsoDay.optional(),
    status: z.enum(milestoneStatuses).optional(),
    marking: MarkingInput.optional(),
  })
  .strict()
  .meta({ id: 'MilestonePatch' })

export const ApprovalCreate = z
  .object({
    party: z.enum(approvalParties),
    decidedOn: IsoDay,
    note: z.string().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'ApprovalCreate' })

export const TransitionRequest = z
  .object({
    to: z.enum(programmeStatuses),
    supersededBy: ProgrammeId.optional().meta({
      description: 'The newer programme, to mark this one superseded',
    }),
    agreedOn: Edtf.optional().meta({ description: 'When agreed; defaults to the later approval' }),
  })
  .strict()
  .meta({ id: 'TransitionRequest' })

const VersionRef = z.union([
  z.literal('current'),
  z.coerce.number().int().min(1, 'a version number starts at 1'),
])

export const DiffQuery = z
  .object({
    from: z.union([z.literal('predecessor'), VersionRef]).meta({
      description:
        'Version number, "current" for the live text, or "predecessor" for the last version of the programme this one supersedes',
    }),
    to: VersionRef.default('current'),
  })
  .strict()

export const DocumentParams = z.object({ id: ProgrammeId, format: z.enum(['md', 'docx', 'pdf']) })
