import type BetterSqlite3 from 'better-sqlite3'
import type { Generated, Kysely } from 'kysely'
import type { EngagementTables } from './engagement-tables.ts'

/**
 * Table types for Kysely. Dates are ISO text (YYYY-MM-DD, or full ISO instants for timestamps) in
 * both engines, so ordering and comparison behave the same. Booleans are 0/1 integers for the same
 * reason. Every marked table has `classification` (rank, 0 = PUBLIC) and `releasable_to`
 * ("|JPN|KOR|", or "" for alliance only), and a `marking_id` derived from the two by triggers that names its
 * row of `marking` (left out of these types: the triggers write it and only
 * visibility.ts reads it).
 */
export interface Database extends EngagementTables {
  country: CountryTable
  member: MemberTable
  partner: PartnerTable
  framework: FrameworkTable
  framework_membership: FrameworkMembershipTable
  relationship_event: RelationshipEventTable
  priority_area: PriorityAreaTable
  app_user: AppUserTable
  user_session: UserSessionTable
  external_identity: ExternalIdentityTable
  oidc_sign_in: OidcSignInTable
  audit_log: AuditLogTable
  marking: MarkingTable
  marking_release: MarkingReleaseTable
}

/** One row per distinct marking in use; `id` is classification rank then releasability ("2|JPN|"). */
export interface MarkingTable {
  id: string
  classification: number
  releasable_to: string
}

/** The release set of a marking, one row per country; kept by triggers. */
export interface MarkingReleaseTable {
  marking_id: string
  country_code: string
}

export interface MarkedColumns {
  classification: number
  releasable_to: string
}

export interface CountryTable {
  code: string
  name: string
  capital: string | null
  time_zone: string
}

export interface MemberTable extends MarkedColumns {
  country_code: string
  accession_date: string
  accession_precision: string
}

export interface PartnerTable extends MarkedColumns {
  country_code: string
  status: string
  summary: string
  dialogue_date: string | null
  dialogue_precision: string | null
  version: number
}

export interface FrameworkTable extends MarkedColumns {
  id: string
  name: string
  short_name: string
  formal: number
  started_date: string | null
  started_precision: string | null
  description: string
  source: string | null
  version: number
}

export interface FrameworkMembershipTable extends MarkedColumns {
  id: string
  framework_id: string
  country_code: string
  from_date: string | null
  from_precision: string | null
  to_date: string | null
  to_precision: string | null
  status: string
  note: string | null
  version: Generated<number>
}

export interface RelationshipEventTable extends MarkedColumns {
  id: string
  partner_code: string
  kind: string
  title: string
  description: string
  event_date: string
  event_precision: string
  source: string | null
  confidence: string
  illustrative: number
  version: number
  engagement_id: string | null
  programme_id: string | null
}

export interface PriorityAreaTable {
  id: string
  name: string
}

export interface AppUserTable {
  id: string
  username: string
  password_hash: string
  kind: string
  country_code: string | null
  clearance: number
  display_name: string
  roles: string
  created_at: string
  /** Consecutive failed sign-ins since the last success or unlock. */
  failed_sign_ins: number
  /** ISO instant the account was locked by failed sign-ins; null while it may sign in. */
  locked_at: string | null
  /** ISO instant an administrator disabled the account; null while active. */
  disabled_at: string | null
  /** Bumped by every administrator's change, for If-Match. */
  version: number
}

export interface UserSessionTable {
  id: string
  user_id: string
  created_at: string
  expires_at: string
  /** The OpenID provider that signed this session in; null for a local sign-in. */
  oidc_provider: string | null
  /** That provider's ID token, sent back as id_token_hint on sign-out. */
  oidc_id_token: string | null
}

/** A provider's subject, linked to the user it signs in. */
export interface ExternalIdentityTable {
  provider: string
  subject: string
  user_id: string
  created_at: string
  last_sign_in_at: string
}

/** A sign-in waiting for the provider's answer; `id` is a hash of the state. */
export interface OidcSignInTable {
  id: string
  provider: string
  code_verifier: string
  nonce: string
  expires_at: string
}

export interface AuditLogTable {
  id: string
  at: string
  actor: string | null
  action: string
  entity: string
  entity_id: string
  details: string
  /** Position in the hash chain (1, 2, 3…); see src/domain/audit-chain.ts. */
  seq: number | null
  prev_hash: string | null
  hash: string | null
  /** JSON: { field: { before, after } } of the changed fields only. */
  changes: string
  on_behalf_of: string | null
}

export type Engine = 'sqlite' | 'postgres'

/** What a pg Pool reports about its connections. */
export interface PoolCounts {
  readonly totalCount: number
  readonly idleCount: number
  readonly waitingCount: number
}

/** An open database: the Kysely instance plus which engine is behind it. */
export interface Db {
  readonly kysely: Kysely<Database>
  readonly engine: Engine
  /** Where it lives, with any password removed: for messages only. */
  readonly location: string
  /** The better-sqlite3 handle on SQLite (for benchmarks and backups); null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null
  /** The pg Pool's connection counts on PostgreSQL (for metrics); null on SQLite. */
  readonly pgPool: PoolCounts | null
  close(): Promise<void>
}
