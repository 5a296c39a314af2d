import type { ColumnType } from 'kysely'
import type { MarkedColumns } from './database.ts'

/*
 * The decision tables, added to the shared Database interface by declaration merging, as the
 * programme tables are (migration 2026-12-02T1220-proposals).
 */
declare module './database.ts' {
  interface Database {
    proposal: ProposalTable
    proposal_position: ProposalPositionTable
  }
}

export interface ProposalTable extends MarkedColumns {
  id: string
  title: string
  text: string
  kind: string
  partner_code: string | null
  programme_id: string | null
  liaison_office_id: string | null
  engagement_id: string | null
  procedure: string
  deadline: string | null
  status: string
  version: number
  created_at: string
  updated_at: string
}

export interface ProposalPositionTable {
  proposal_id: string
  seq: number
  member_code: string
  position: string
  note: string | null
  recorded_by: string | null
  /** 1 when staff recorded it on the member's behalf. */
  on_behalf: number
  recorded_at: string
  /** 'position', or 'break-silence' when the member broke a silence procedure (migration 1400). */
  event: ColumnType<string, string | undefined, string>
}
