import { z } from 'zod'
import { FuzzyDateView, MarkingView } from './common.ts'

/**
 * The whole-registry export (`liaison export`, `GET /api/v1/export`): every record the principal
 * may read, each with its marking, in a fixed order so that two exports of the same data are equal
 * byte for byte. Nothing in it depends on the day it is taken (no progress, no "today").
 */

const Timing = z.object({
  allDay: z.boolean(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
})

const ExportEvent = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  date: FuzzyDateView,
  source: z.string().nullable(),
  confidence: z.string(),
  illustrative: z.boolean(),
  marking: MarkingView,
})

const ExportPartner = z.object({
  code: z.string(),
  name: z.string(),
  capital: z.string().nullable(),
  timeZone: z.string(),
  status: z.string(),
  summary: z.string(),
  dialogueSince: FuzzyDateView.nullable(),
  marking: MarkingView,
  timeline: z.array(ExportEvent),
})

const ExportMembership = z.object({
  country: z.string(),
  from: FuzzyDateView.nullable(),
  to: FuzzyDateView.nullable(),
  status: z.string(),
  note: z.string().nullable(),
  marking: MarkingView,
})

const ExportFramework = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  formal: z.boolean(),
  started: FuzzyDateView.nullable(),
  description: z.string(),
  source: z.string().nullable(),
  marking: MarkingView,
  memberships: z.array(ExportMembership),
})

const ExportMember = z.object({
  code: z.string(),
  name: z.string(),
  capital: z.string().nullable(),
  timeZone: z.string(),
  accession: FuzzyDateView,
  marking: MarkingView,
})

const ExportNode = z.object({
  id: z.string(),
  kind: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  priorityAreas: z.array(z.string()),
  illustrative: z.boolean(),
  marking: MarkingView,
  version: z.number().int(),
})

const ExportMilestone = z.object({
  id: z.string(),
  goalId: z.string(),
  title: z.string(),
  due: z.string(),
  status: z.string(),
  illustrative: z.boolean(),
  marking: MarkingView,
  version: z.number().int(),
})

const ExportProgramme = z.object({
  id: z.string(),
  partnerCode: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  periodFrom: FuzzyDateView,
  periodTo: FuzzyDateView,
  agreedOn: FuzzyDateView.nullable(),
  round: z.number().int(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  publicDiplomacy: z.string(),
  nextReview: z.string().nullable(),
  illustrative: z.boolean(),
  marking: MarkingView,
  version: z.number().int(),
  nodes: z.array(ExportNode),
  milestones: z.array(ExportMilestone),
})

const ExportParticipant = z.object({
  country: z.string(),
  person: z.string().nullable(),
  role: z.string().nullable(),
  level: z.string().nullable(),
  marking: MarkingView,
})

const ExportEngagement = z.object({
  id: z.string(),
  kind: z.string(),
  level: z.string(),
  format: z.string(),
  title: z.string(),
  summary: z.string(),
  host: z.string().nullable(),
  place: z.string(),
  timing: Timing,
  parentId: z.string().nullable(),
  priorityAreas: z.array(z.string()),
  outcomes: z.array(z.string()),
  marking: MarkingView,
  version: z.number().int(),
  participants: z.array(ExportParticipant),
})

const ExportStatement = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  title: z.string(),
  summary: z.string(),
  issuedOn: z.string().nullable(),
  issuers: z.array(z.string()),
  engagementId: z.string().nullable(),
  priorityAreas: z.array(z.string()),
  associations: z.array(z.object({ country: z.string(), marking: MarkingView })),
  marking: MarkingView,
  version: z.number().int(),
})

const ExportProposal = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  kind: z.string(),
  status: z.string(),
  procedure: z.string(),
  deadline: z.string().nullable(),
  partner: z.string().nullable(),
  programme: z.string().nullable(),
  engagement: z.string().nullable(),
  liaisonOffice: z.string().nullable(),
  createdAt: z.string(),
  marking: MarkingView,
  version: z.number().int(),
})

const ExportOffice = z.object({
  id: z.string(),
  city: z.string(),
  country: z.string(),
  timeZone: z.string(),
  status: z.string(),
  partners: z.array(z.string()),
  proposalId: z.string().nullable(),
  createdAt: z.string(),
  marking: MarkingView,
  version: z.number().int(),
})

export const ExportDocument = z
  .object({
    format: z.literal('liaison-export'),
    formatVersion: z.literal(1),
    principal: z.object({
      kind: z.string(),
      country: z.string().nullable(),
      clearance: z.string(),
    }),
    marking: MarkingView.meta({ description: 'The highest marking of every record in the export' }),
    members: z.array(ExportMember),
    partners: z.array(ExportPartner),
    frameworks: z.array(ExportFramework),
    programmes: z.array(ExportProgramme),
    engagements: z.array(ExportEngagement),
    statements: z.array(ExportStatement),
    proposals: z.array(ExportProposal),
    offices: z.array(ExportOffice),
  })
  .meta({ id: 'ExportDocument' })

export type ExportDocument = z.infer<typeof ExportDocument>
