import type { ColumnType } from 'kysely'
import type { MarkedColumns } from './database.ts'

/*
 * The cooperation menu tables, added to the shared Database interface by declaration merging
 * (migration 2026-12-03T1200-cooperation).
 */
declare module './database.ts' {
  interface Database {
    coop_item: CoopItemTable
    coop_item_area: { item_id: string; area_id: string }
    coop_item_eligible: { item_id: string; kind: string; code: string }
    coop_event: CoopEventTable
    coop_request: CoopRequestTable
    coop_request_goal: { request_id: string; goal_id: string; programme_id: string }
    coop_registration: CoopRegistrationTable
    coop_report: CoopReportTable
  }
}

interface Versioned extends MarkedColumns {
  id: string
  version: number
  created_at: string
  updated_at: string
}

export interface CoopItemTable extends Versioned {
  code: string
  title: string
  description: string
  search_text: string
  provider_kind: string
  provider_code: string
  format: string
  /** "|cyber-defence|space|" as entered; also rows of coop_item_area. */
  priority_areas: string
  languages: string
  open_to_all: number
  illustrative: number
}

export interface CoopEventTable extends Versioned {
  item_id: string
  starts_on: string
  ends_on: string
  place: string
  time_zone: string
  capacity: number
  application_deadline: string
  status: string
  /** Demo content (migration 2026-12-03T1400-cooperation-illustrative). */
  illustrative: ColumnType<number, number | undefined, number>
}

export interface CoopRequestTable extends Versioned {
  event_id: string
  item_id: string
  partner_code: string
  provider_kind: string
  provider_code: string
  status: string
  note: string
  decided_at: string | null
  decided_by: string | null
  decision_note: string | null
  invitation_status: string | null
  invitation_issued_at: string | null
  invitation_message: string | null
  invitation_responded_at: string | null
  illustrative: ColumnType<number, number | undefined, number>
}

export interface CoopRegistrationTable extends Versioned {
  request_id: string
  event_id: string
  partner_code: string
  provider_kind: string
  provider_code: string
  person_name: string
  nation: string
  role: string
  status: string
  queue_seq: number
  attendance: string | null
  illustrative: ColumnType<number, number | undefined, number>
}

export interface CoopReportTable {
  request_id: string
  rating: number
  summary: string
  outcomes: string
  goal_ids: string
  filed_at: string
  filed_by: string
  illustrative: ColumnType<number, number | undefined, number>
}
