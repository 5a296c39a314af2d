import { z } from 'zod'
import { milestoneStatuses, nodeKinds, programmeKinds, programmeStatuses } from '../domain/programme.ts'
import { milestoneHealths } from '../domain/programme-milestone.ts'
import { approvalParties } from '../domain/programme-policy.ts'
import { FuzzyDateView, MarkingView } from './common.ts'

/** Response schemas of /api/v1/programmes; presenters in server/programmes build them field by field. */

export const ProgrammeRefView = z
  .object({ id: z.string(), kind: z.enum(programmeKinds), title: z.string() })
  .meta({ id: 'ProgrammeRef' })

export const ProgressView = z
  .object({
    goals: z.number().int(),
    activities: z.number().int(),
    milestones: z.number().int(),
    done: z.number().int(),
    late: z.number().int(),
    atRisk: z.number().int(),
    percentDone: z.number().int().nullable(),
  })
  .meta({ id: 'ProgrammeProgress' })

export const ProgrammeSummary = z
  .object({
    id: z.string(),
    partner: z.object({ code: z.string(), name: z.string() }),
    kind: z.enum(programmeKinds),
    kindName: z.string(),
    title: z.string(),
    status: z.enum(programmeStatuses),
    period: z.object({
      from: FuzzyDateView,
      to: FuzzyDateView,
      startsOn: z.string(),
      endsOn: z.string(),
      label: z.string().meta({ example: '2023–2026' }),
    }),
    agreedOn: FuzzyDateView.nullable(),
    supersedes: ProgrammeRefView.nullable(),
    supersededBy: ProgrammeRefView.nullable(),
    nextReview: z.string().nullable(),
    illustrative: z.boolean(),
    progress: ProgressView,
    marking: MarkingView,
    version: z.number().int(),
  })
  .meta({ id: 'ProgrammeSummary' })

export const ProgrammeList = z
  .object({ items: z.array(ProgrammeSummary), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'ProgrammeList' })

const NodeBase = z.object({
  id: z.string(),
  kind: z.enum(nodeKinds),
  parentId: z.string().nullable(),
  position: z.number().int(),
  number: z.string().meta({ example: '1.2' }),
  title: z.string(),
  description: z.string(),
  priorityAreas: z.array(z.string()),
  illustrative: z.boolean(),
  marking: MarkingView,
  version: z.number().int(),
})

export const NodeView = NodeBase.meta({ id: 'ProgrammeNode' })

export const MilestoneView = z
  .object({
    id: z.string(),
    goalId: z.string(),
    title: z.string(),
    due: z.string(),
    status: z.enum(milestoneStatuses),
    health: z
      .enum(milestoneHealths)
      .meta({ description: 'Derived from due date and status on the server’s today' }),
    illustrative: z.boolean(),
    marking: MarkingView,
    version: z.number().int(),
  })
  .meta({ id: 'Milestone' })

export const ActivityView = NodeBase.meta({ id: 'Activity' })
export const GoalView = NodeBase.extend({
  activities: z.array(ActivityView),
  milestones: z.array(MilestoneView),
}).meta({ id: 'Goal' })
export const ObjectiveView = NodeBase.extend({ goals: z.array(GoalView) }).meta({ id: 'Objective' })

export const ApprovalView = z
  .object({
    party: z.enum(approvalParties),
    round: z.number().int(),
    decidedOn: z.string(),
    note: z.string(),
    recordedBy: z.string().nullable(),
    current: z.boolean().meta({ description: 'Recorded in the current negotiation round' }),
  })
  .meta({ id: 'Approval' })

export const AbilitiesView = z
  .object({
    edit: z.boolean(),
    track: z.boolean(),
    recordCouncilAgreement: z.boolean(),
    recordPartnerApproval: z.boolean(),
    transitions: z.array(z.enum(programmeStatuses)),
  })
  .meta({ id: 'ProgrammeAbilities' })

export const ProgrammeDetail = ProgrammeSummary.extend({
  publicDiplomacy: z.string(),
  today: z.string(),
  objectives: z.array(ObjectiveView),
  approvals: z.array(ApprovalView),
  abilities: AbilitiesView,
  versionCount: z.number().int(),
  areaOptions: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .meta({ description: 'Priority areas a part may be tagged with' }),
}).meta({ id: 'ProgrammeDetail' })

export const AreaProgressView = ProgressView.extend({ area: z.string(), name: z.string() }).meta({
  id: 'AreaProgress',
})

/** Requests for cooperation menu activities serving the programme's goals, by stage. */
export const ActivityTallyView = z
  .object({
    requested: z.number().int().meta({ description: 'Awaiting the provider’s decision' }),
    approved: z.number().int().meta({ description: 'Approved, no feedback report yet' }),
    reported: z.number().int().meta({ description: 'Approved and reported on after the event' }),
  })
  .meta({ id: 'ActivityTally' })

export const ProgressReport = z
  .object({
    today: z.string(),
    overall: ProgressView,
    byArea: z.array(AreaProgressView),
    menuActivities: z
      .object({
        overall: ActivityTallyView,
        byArea: z.array(ActivityTallyView.extend({ area: z.string() })),
      })
      .meta({
        description:
          'The partner’s requests for cooperation menu activities under the goals they serve (a request once per area), as far as the caller may see them: a partner its own',
      }),
    marking: MarkingView,
  })
  .meta({ id: 'ProgressReport' })

export const VersionView = z
  .object({
    number: z.number().int(),
    title: z.string(),
    agreedOn: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    itemCount: z.number().int(),
  })
  .meta({ id: 'ProgrammeVersion' })

export const VersionList = z.object({ items: z.array(VersionView) }).meta({ id: 'ProgrammeVersionList' })

const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
const KindSummary = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
})

export const DiffView = z
  .object({
    from: z.union([z.number().int(), z.literal('current'), z.literal('predecessor')]),
    to: z.union([z.number().int(), z.literal('current')]),
    marking: MarkingView.meta({ description: 'Highest marking of the parts compared' }),
    summary: z.object({
      objective: KindSummary,
      goal: KindSummary,
      activity: KindSummary,
      milestone: KindSummary,
    }),
    changes: z.array(
      z.object({
        kind: z.enum(['objective', 'goal', 'activity', 'milestone']),
        id: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        title: z.string(),
        fields: z.array(z.object({ field: z.string(), before: FieldValue, after: FieldValue })),
      }),
    ),
  })
  .meta({ id: 'ProgrammeDiff' })

export const PortfolioView = z
  .object({
    today: z.string(),
    items: z.array(
      ProgrammeSummary.extend({
        nextMilestone: z.object({ title: z.string(), due: z.string() }).nullable(),
      }),
    ),
    byStatus: z.array(z.object({ status: z.enum(programmeStatuses), count: z.number().int() })),
    marking: MarkingView,
  })
  .meta({ id: 'ProgrammePortfolio' })
