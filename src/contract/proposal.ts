import { z } from 'zod'
import { positions, proposalKinds, proposalProcedures } from '../domain/proposal.ts'
import { CountryCode, MarkingView, Paging } from './common.ts'
import { MarkingInput } from './engagement.ts'

export const ProposalStatusName = z
  .enum(['draft', 'open', 'adopted', 'blocked', 'withdrawn'])
  .meta({ id: 'ProposalStatus' })
export const ProposalProcedureName = z.enum(proposalProcedures).meta({ id: 'ProposalProcedure' })
export const ProposalKindName = z.enum(proposalKinds).meta({ id: 'ProposalKind' })
export const PositionName = z.enum(positions).meta({ id: 'Position' })

const Instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 instant with its offset, e.g. 2026-12-04T12:00:00Z' })
  .meta({ example: '2026-12-04T12:00:00Z' })

/** A new proposal: a draft until opened. A liaison-office proposal names the office it decides. */
export const ProposalInput = z
  .object({
    title: z.string().trim().min(1, 'A title is required').max(200),
    text: z.string().max(20_000).default(''),
    kind: ProposalKindName,
    partner: CountryCode.nullable().default(null),
    programme: z.string().min(1).max(100).nullable().default(null),
    engagement: z.string().min(1).max(100).nullable().default(null),
    liaisonOffice: z
      .string()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .meta({ description: 'The liaison office it decides; it opens when the proposal is adopted' }),
    procedure: ProposalProcedureName,
    deadline: Instant.nullable().default(null).meta({ description: 'When a silence procedure ends' }),
    marking: MarkingInput,
  })
  .strict()

export const PositionInput = z
  .object({
    position: PositionName,
    note: z.string().max(2000).nullable().default(null),
  })
  .strict()

export const ProposalParams = z.object({ id: z.string().min(1).max(100) })
export const PositionParams = ProposalParams.extend({ member: CountryCode })

export const ProposalListQuery = Paging.extend({
  status: ProposalStatusName.optional(),
  procedure: ProposalProcedureName.optional(),
  /** Only proposals linked to this partner, when the reader may see the partner. */
  partner: CountryCode.optional(),
}).strict()

export const MemberPosition = z
  .object({ member: z.string(), position: PositionName })
  .meta({ id: 'MemberPosition' })

export const ProposalSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: ProposalKindName,
    status: ProposalStatusName,
    procedure: ProposalProcedureName,
    deadline: z.string().nullable(),
    partner: z.string().nullable(),
    programme: z.string().nullable(),
    engagement: z.string().nullable(),
    liaisonOffice: z.string().nullable(),
    /** Present only for readers who may see members' positions (alliance principals). */
    positions: z.array(MemberPosition).optional(),
    marking: MarkingView,
    version: z.number().int(),
  })
  .meta({ id: 'ProposalSummary' })

export const ProposalList = z
  .object({ items: z.array(ProposalSummary), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'ProposalList' })

export const PositionHistoryEntry = z
  .object({
    event: z
      .enum(['position', 'break-silence'])
      .meta({ description: 'A position recorded, or the member breaking a silence procedure' }),
    member: z.string(),
    position: PositionName,
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    onBehalf: z.boolean().meta({ description: 'Recorded by staff on the member’s behalf' }),
    at: z.string(),
  })
  .meta({ id: 'PositionHistoryEntry' })

export const ProposalDetail = ProposalSummary.extend({
  text: z.string(),
  createdAt: z.string(),
  history: z.array(PositionHistoryEntry).optional(),
  blockers: z.array(z.string()).optional(),
  abilities: z.object({
    open: z.boolean(),
    withdraw: z.boolean(),
    recordPositions: z.enum(['any', 'own', 'none']),
    edit: z.boolean().meta({ description: 'May PATCH the draft' }),
    breakSilence: z
      .enum(['any', 'own', 'none'])
      .meta({ description: 'May break silence: for any member (staff), its own member, or not' }),
  }),
  pageMarking: MarkingView,
}).meta({ id: 'ProposalDetail' })

/**
 * A merge patch of a draft: the fields given replace the stored ones, the rest keep their value.
 * No defaults here, so a field left out is never reset.
 */
export const ProposalPatch = z
  .object({
    title: z.string().trim().min(1, 'A title is required').max(200),
    text: z.string().max(20_000),
    kind: ProposalKindName,
    partner: CountryCode.nullable(),
    programme: z.string().min(1).max(100).nullable(),
    engagement: z.string().min(1).max(100).nullable(),
    liaisonOffice: z.string().min(1).max(100).nullable(),
    procedure: ProposalProcedureName,
    deadline: Instant.nullable().meta({ description: 'When a silence procedure ends' }),
    marking: MarkingInput,
  })
  .partial()
  .strict()

/** Breaking silence: an ally's own user for its member (member may be left out), staff naming the member. */
export const BreakSilenceInput = z
  .object({
    member: CountryCode.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
