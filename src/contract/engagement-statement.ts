import { z } from 'zod'
import { statementKinds, statementProblems, statementStatuses } from '../domain/engagement-statement.ts'
import { CodeLabel, CountryCode, IsoDay, MarkingView, Paging, Slug } from './common.ts'
import { MarkingInput } from './engagement.ts'

export const StatementKind = z.enum(statementKinds).meta({ id: 'StatementKind' })
export const StatementStatus = z.enum(statementStatuses).meta({ id: 'StatementStatus' })

const Issuer = z
  .string()
  .regex(/^(NATO|[A-Za-z]{3})$/, 'Use NATO or an ISO 3166-1 alpha-3 code')
  .transform((code) => code.toUpperCase())

const statementShape = {
  kind: StatementKind,
  status: StatementStatus,
  title: z.string().trim().min(1, 'Enter a title').max(300),
  summary: z.string().max(5000),
  issuedOn: IsoDay.nullable(),
  issuers: z.array(Issuer).max(60),
  engagementId: z.string().min(1).max(100).nullable(),
  priorityAreas: z.array(Slug).max(30),
  marking: MarkingInput,
}

const statementFields = z
  .object({
    ...statementShape,
    summary: statementShape.summary.default(''),
    issuedOn: statementShape.issuedOn.default(null),
    issuers: statementShape.issuers.default([]),
    engagementId: statementShape.engagementId.default(null),
    priorityAreas: statementShape.priorityAreas.default([]),
  })
  .strict()

export const StatementInput = statementFields.superRefine((value, context) => {
  for (const problem of statementProblems(value)) {
    context.addIssue({ code: 'custom', message: problem.detail, path: [problem.pointer.slice(2)] })
  }
})

export const StatementPatch = z.object(statementShape).partial().strict()

export const StatementParams = z.object({ id: z.string().min(1).max(100) })
export const AssociationParams = z.object({ id: z.string().min(1).max(100), country: CountryCode })

export const StatementListQuery = Paging.extend({
  engagement: z.string().min(1).max(100).optional(),
  partner: CountryCode.optional().meta({ description: 'Issued by or associated with this partner' }),
  status: StatementStatus.optional(),
}).strict()

export const StatementView = z
  .object({
    id: z.string(),
    kind: StatementKind,
    kindLabel: CodeLabel,
    status: StatementStatus,
    statusLabel: CodeLabel,
    title: z.string(),
    summary: z.string(),
    issuedOn: z.string().nullable(),
    issuers: z.array(z.string()),
    engagementId: z.string().nullable(),
    engagementTitle: z.string().nullable(),
    priorityAreas: z.array(z.string()),
    associations: z.array(z.object({ country: z.string(), marking: MarkingView })),
    marking: MarkingView,
    version: z.number().int(),
  })
  .meta({ id: 'Statement' })

export const StatementList = z
  .object({ items: z.array(StatementView), total: z.number().int(), marking: MarkingView })
  .meta({ id: 'StatementList' })
