import type { MarkedColumns } from './database.ts'

/** Tables of engagements, statements and calendar feeds (migration 2026-11-27T2210-engagements). */
export interface EngagementTables {
  engagement: EngagementTable
  engagement_participant: EngagementParticipantTable
  engagement_statement: EngagementStatementTable
  engagement_statement_association: EngagementStatementAssociationTable
  engagement_calendar_feed: EngagementCalendarFeedTable
}

export interface EngagementTable extends MarkedColumns {
  id: string
  kind: string
  level: string
  format: string
  title: string
  summary: string
  host: string | null
  place: string
  time_zone: string
  all_day: number
  start_local: string
  end_local: string
  start_utc: string
  end_utc: string
  start_day: string
  start_day_num: number
  end_day_num: number
  parent_id: string | null
  /** "|cyber-defence|space|", or "" for none; also rows of engagement_priority_area, for filters. */
  priority_areas: string
  /** JSON array of strings. */
  outcomes: string
  version: number
  created_at: string
  updated_at: string
}

export interface EngagementParticipantTable extends MarkedColumns {
  engagement_id: string
  position: number
  country_code: string
  person: string | null
  role: string | null
  level: string | null
}

export interface EngagementStatementTable extends MarkedColumns {
  id: string
  kind: string
  status: string
  title: string
  summary: string
  issued_on: string | null
  /** "|NATO|AUS|": the alliance or country codes. */
  issuers: string
  engagement_id: string | null
  priority_areas: string
  version: number
  created_at: string
  updated_at: string
}

export interface EngagementStatementAssociationTable extends MarkedColumns {
  statement_id: string
  country_code: string
  associated_at: string
}

export interface EngagementCalendarFeedTable {
  user_id: string
  token_hash: string
  created_at: string
}
