import type { ColumnType } from 'kysely'

/* The reminder table, merged into the shared Database interface (migration 2026-12-02T1440). */
declare module './database.ts' {
  interface Database {
    proposal_reminder: ProposalReminderTable
  }
}

export type WebhookState = 'pending' | 'sent' | 'failed'

export interface ProposalReminderTable {
  id: string
  proposal_id: string
  member_code: string
  offset_label: string
  due_at: string
  created_at: string
  webhook_state: ColumnType<string, string | undefined, string>
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: string
}
