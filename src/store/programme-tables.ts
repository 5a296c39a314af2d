import type { Generated } from 'kysely'
import type { MarkedColumns } from './database.ts'

/*
 * The programme tables, added to the shared Database interface by declaration merging so that the
 * feature owns its schema types beside its store (migration: 2026-11-27T2200-programmes).
 */
declare module './database.ts' {
  interface Database {
    programme: ProgrammeTable
    programme_node: ProgrammeNodeTable
    programme_milestone: ProgrammeMilestoneTable
    programme_approval: ProgrammeApprovalTable
    programme_version: ProgrammeVersionTable
    programme_version_item: ProgrammeVersionItemTable
    programme_tombstone: ProgrammeTombstoneTable
  }
}

export interface ProgrammeTable extends MarkedColumns {
  id: string
  partner_code: string
  kind: string
  title: string
  status: string
  /** EDTF text, e.g. "2023" or "2014-05-06"; starts_on / ends_on are its first and last days. */
  period_from: string
  period_to: string
  starts_on: string
  ends_on: string
  /** EDTF text of the day (or month, year) the programme was agreed, when known. */
  agreed_on: string | null
  /** Negotiation round: approvals count only for the round they were recorded in. */
  round: number
  supersedes_id: string | null
  superseded_by_id: string | null
  public_diplomacy: string
  next_review: string | null
  illustrative: number
  /** The revision counter: raised by every change to the programme or any part of it (never shown). */
  version: number
  /** The revision at which the header (or its approvals, status, versions) last changed. */
  header_revision: Generated<number>
  created_at: string
  updated_at: string
}

export interface ProgrammeNodeTable extends MarkedColumns {
  id: string
  programme_id: string
  parent_id: string | null
  kind: string
  position: number
  title: string
  description: string
  /** "|cyber-defence|space|", or "" for none. */
  priority_areas: string
  illustrative: number
  /** The node's own version (its ETag). */
  version: number
  /** The programme revision at which this node last changed (migration 2026-12-02T1100). */
  programme_revision: Generated<number>
}

export interface ProgrammeMilestoneTable extends MarkedColumns {
  id: string
  programme_id: string
  goal_id: string
  title: string
  due: string
  status: string
  illustrative: number
  version: number
  /** The programme revision at which this milestone last changed. */
  programme_revision: Generated<number>
}

/**
 * The revision at which a part of this marking was deleted or re-marked, per programme: so that
 * whoever could see that part sees the programme's version move, and nobody else does.
 */
export interface ProgrammeTombstoneTable extends MarkedColumns {
  programme_id: string
  programme_revision: number
}

export interface ProgrammeApprovalTable extends MarkedColumns {
  id: string
  programme_id: string
  party: string
  round: number
  decided_on: string
  note: string
  recorded_by: string | null
  recorded_at: string
}

export interface ProgrammeVersionTable extends MarkedColumns {
  id: string
  programme_id: string
  number: number
  title: string
  agreed_on: string
  created_at: string
  created_by: string | null
}

export interface ProgrammeVersionItemTable extends MarkedColumns {
  version_id: string
  item_id: string
  kind: string
  parent_id: string | null
  position: number
  /** JSON object of the item's compared fields. */
  fields: string
}
