import { sql } from 'kysely'
import { DomainError } from '../domain/errors.ts'
import { earliestDay, type FuzzyDate, fuzzyDate, latestDay } from '../domain/fuzzy-date.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import {
  type ProgrammeKind,
  type ProgrammeStatus,
  programmeKinds,
  programmeStatuses,
} from '../domain/programme.ts'
import type { Database } from './database.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import './programme-tables.ts'
import { enumReader } from '../domain/enum.ts'
import { visibleRevisionColumns, visibleVersion } from './programme-revision-store.ts'
import { programmeVisibleTo } from './programme-scope.ts'
import { visibleTo } from './visibility.ts'

export interface ProgrammeRef {
  readonly id: string
  readonly title: string
  readonly kind: ProgrammeKind
}

export interface ProgrammeRecord {
  readonly id: string
  readonly partnerCode: string
  readonly partnerName: string
  readonly kind: ProgrammeKind
  readonly title: string
  readonly status: ProgrammeStatus
  readonly periodFrom: FuzzyDate
  readonly periodTo: FuzzyDate
  /** First and last day the period may mean (YYYY-MM-DD), for timelines and ordering. */
  readonly startsOn: string
  readonly endsOn: string
  readonly agreedOn: FuzzyDate | null
  readonly round: number
  readonly supersedes: ProgrammeRef | null
  readonly supersededBy: ProgrammeRef | null
  readonly publicDiplomacy: string
  readonly nextReview: string | null
  readonly illustrative: boolean
  readonly marking: Marking
  /**
   * Whether any party's approval of the text is recorded in the current round. Read unfiltered:
   * whether the text was approved is a fact about the programme, shown only to its editors.
   */
  readonly textApproved: boolean
  /** The version this principal sees: the highest revision among the rows it may see. */
  readonly version: number
}

export interface ProgrammeFilter {
  readonly partner?: string | undefined
  readonly kind?: ProgrammeKind | undefined
  readonly status?: ProgrammeStatus | undefined
}

/** The programme header, or null when it does not exist or this principal may not know of it. */
export async function findVisibleProgramme(
  db: Executor,
  principal: Principal,
  id: string,
): Promise<ProgrammeRecord | null> {
  const row = await selectProgrammes(db, principal).where('pr.id', '=', id).executeTakeFirst()
  return row === undefined ? null : toProgrammeRecord(row)
}

/** Like findVisibleProgramme, but absent and hidden are both a 404 problem. */
export async function requireVisibleProgramme(
  db: Executor,
  principal: Principal,
  id: string,
): Promise<ProgrammeRecord> {
  const found = await findVisibleProgramme(db, principal, id)
  if (found === null) {
    throw new DomainError('not-found', `No programme has the id ${id}.`)
  }
  return found
}

/** Programmes this principal may see, newest period first. */
export async function listVisibleProgrammes(
  db: Executor,
  principal: Principal,
  filter: ProgrammeFilter,
): Promise<ProgrammeRecord[]> {
  let query = selectProgrammes(db, principal)
  if (filter.partner !== undefined) query = query.where('pr.partner_code', '=', filter.partner)
  if (filter.kind !== undefined) query = query.where('pr.kind', '=', filter.kind)
  if (filter.status !== undefined) query = query.where('pr.status', '=', filter.status)
  const rows = await query.orderBy('c.name').orderBy('pr.starts_on', 'desc').orderBy('pr.id').execute()
  return rows.map(toProgrammeRecord)
}

function selectProgrammes(db: Executor, principal: Principal) {
  // The links to the older and newer programme show only when the principal may see the other end.
  return db
    .selectFrom('programme as pr')
    .innerJoin('country as c', 'c.code', 'pr.partner_code')
    .leftJoin('programme as sup', (join) =>
      join.onRef('sup.id', '=', 'pr.supersedes_id').on(programmeVisibleTo(principal, 'sup')),
    )
    .leftJoin('programme as nxt', (join) =>
      join.onRef('nxt.id', '=', 'pr.superseded_by_id').on(programmeVisibleTo(principal, 'nxt')),
    )
    .where(programmeVisibleTo(principal, 'pr'))
    .selectAll('pr')
    .select([
      'c.name as partner_name',
      'sup.id as sup_id',
      'sup.kind as sup_kind',
      'sup.title as sup_title',
      'nxt.id as nxt_id',
      'nxt.kind as nxt_kind',
      'nxt.title as nxt_title',
      // Exists: edits to its text are refused until it is reopened (finding 5 of issue 7).
      sql<number>`case when exists (select 1 from programme_approval as ap
        where ap.programme_id = pr.id and ap.round = pr.round) then 1 else 0 end`.as('approved_in_round'),
      ...visibleRevisionColumns(principal),
    ])
}

type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof selectProgrammes>['executeTakeFirstOrThrow']>>

function toRef(id: string | null, kind: string | null, title: string | null): ProgrammeRef | null {
  return id === null || kind === null || title === null ? null : { id, kind: toKind(kind), title }
}

export const toKind = enumReader(programmeKinds, 'programme kind')

export const toStatus = enumReader(programmeStatuses, 'programme status')

function toProgrammeRecord(row: ProgrammeRow): ProgrammeRecord {
  return {
    id: row.id,
    partnerCode: row.partner_code,
    partnerName: row.partner_name,
    kind: toKind(row.kind),
    title: row.title,
    status: toStatus(row.status),
    periodFrom: fuzzyDate(row.period_from),
    periodTo: fuzzyDate(row.period_to),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    agreedOn: row.agreed_on === null ? null : fuzzyDate(row.agreed_on),
    round: Number(row.round),
    supersedes: toRef(row.sup_id, row.sup_kind, row.sup_title),
    supersededBy: toRef(row.nxt_id, row.nxt_kind, row.nxt_title),
    publicDiplomacy: row.public_diplomacy,
    nextReview: row.next_review,
    illustrative: Number(row.illustrative) === 1,
    marking: markingFromColumns(row),
    textApproved: Number(row.approved_in_round) === 1,
    version: visibleVersion(row),
  }
}

export interface ProgrammeHeaderInput {
  readonly title: string
  readonly periodFrom: FuzzyDate
  readonly periodTo: FuzzyDate
  readonly publicDiplomacy: string
  readonly nextReview: string | null
  readonly marking: Marking
}

export interface NewProgramme extends ProgrammeHeaderInput {
  readonly partnerCode: string
  readonly kind: ProgrammeKind
  readonly supersedesId: string | null
}

/** The partner's code when the principal may see the partner; a 404 problem otherwise. */
export async function requireVisiblePartner(
  tx: Executor,
  principal: Principal,
  code: string,
): Promise<string> {
  const partner = await tx
    .selectFrom('partner as p')
    .select('p.country_code')
    .where('p.country_code', '=', code)
    .where(visibleTo(principal, 'p'))
    .executeTakeFirst()
  if (partner === undefined) {
    throw new DomainError('not-found', `No partner has the code ${code}.`)
  }
  return partner.country_code
}

/** Stores a new draft programme at version 1; the command has checked who may start it. */
export async function insertProgramme(
  tx: Executor,
  id: string,
  input: NewProgramme,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('programme')
    .values({
      id,
      partner_code: input.partnerCode,
      kind: input.kind,
      title: input.title,
      status: 'draft',
      ...periodColumns(input.periodFrom, input.periodTo),
      agreed_on: null,
      round: 0,
      supersedes_id: input.supersedesId,
      superseded_by_id: null,
      public_diplomacy: input.publicDiplomacy,
      next_review: input.nextReview,
      illustrative: 0,
      version: 1,
      header_revision: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...markingToColumns(input.marking),
    })
    .execute()
}

/** The header fields of a programme as columns, for `updateHeader`. */
export function headerColumns(input: ProgrammeHeaderInput): ProgrammeUpdate {
  return {
    title: input.title,
    ...periodColumns(input.periodFrom, input.periodTo),
    public_diplomacy: input.publicDiplomacy,
    next_review: input.nextReview,
    ...markingToColumns(input.marking),
  }
}

export type ProgrammeUpdate = Partial<
  Omit<Database['programme'], 'id' | 'version' | 'header_revision' | 'updated_at'>
>

/**
 * Changes header columns (status, round, fields) and stamps the header with `revision` (from
 * nextRevision), so whoever sees the header sees its version move.
 */
export async function updateHeader(
  tx: Executor,
  id: string,
  revision: number,
  changes: ProgrammeUpdate = {},
): Promise<void> {
  await tx
    .updateTable('programme')
    .set({ ...changes, header_revision: revision })
    .where('id', '=', id)
    .execute()
}

export function periodColumns(from: FuzzyDate, to: FuzzyDate) {
  return {
    period_from: from.value,
    period_to: to.value,
    starts_on: earliestDay(from),
    ends_on: latestDay(to),
  }
}

export function assertPeriod(from: FuzzyDate, to: FuzzyDate): void {
  if (earliestDay(from) > latestDay(to)) {
    throw invalidField('periodTo', 'The period must not end before it starts')
  }
}

export function invalidField(field: string, detail: string): DomainError {
  return new DomainError('invalid-input', `${field}: ${detail}.`, {
    errors: [{ in: 'body', pointer: `#/${field}`, detail }],
  })
}
