import { z } from 'zod'
import { MarkingView } from './common.ts'
import { EngagementSummary, ParticipantView } from './engagement.ts'
import { StatementView } from './engagement-statement.ts'

export const EngagementDetail = EngagementSummary.extend({
  participants: z.array(ParticipantView),
  parent: z.object({ id: z.string(), title: z.string() }).nullable(),
  sidelines: z
    .array(EngagementSummary)
    .meta({ description: 'Sideline meetings held beside this engagement' }),
  statements: z
    .array(StatementView)
    .meta({ description: 'Statements linked to it or to its sideline meetings, including ones not issued' }),
  abilities: z.object({ create: z.boolean(), update: z.boolean(), delete: z.boolean() }),
  pageMarking: MarkingView.meta({ description: 'Highest marking of everything on this page' }),
}).meta({ id: 'EngagementDetail' })
