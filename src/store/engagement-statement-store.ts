import { sql } from 'kysely'
import {
  type Statement,
  type StatementDraft,
  type StatementStatus,
  statementProblems,
  toStatementKind,
  toStatementStatus,
} from '../domain/engagement-statement.ts'
import { type FieldProblem, invalidInput } from '../domain/errors.ts'
import type { Marking } from '../domain/marking.ts'
import { clearanceProblems } from '../domain/marking-authority.ts'
import type { Principal } from '../domain/principal.ts'
import { markingsFromIds } from './contributing-markings.ts'
import { isVisibleEngagement } from './engagement-store.ts'
import type { EngagementStatementTable } from './engagement-tables.ts'
import type { Executor } from './executor.ts'
import { decodeList, encodeSet, hasListItem } from './list-column.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { expectWritten, removeVersioned } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

export interface StatementFilter {
  readonly engagement?: string | undefined
  readonly partner?: string | undefined
  readonly status?: StatementStatus | undefined
  readonly limit: number
  readonly offset: number
}

export interface StatementRecord extends Statement {
  /** The linked engagement's title, when the viewer may see it. */
  readonly engagementTitle: string | null
}

function selectStatements(executor: Executor, principal: Principal) {
  return executor
    .selectFrom('engagement_statement as s')
    .leftJoin('engagement as e', (join) =>
      join.onRef('e.id', '=', 's.engagement_id').on(visibleTo(principal, 'e')),
    )
    .where(visibleTo(principal, 's'))
    .selectAll('s')
    .select([
      'e.title as engagement_title',
      'e.id as visible_engagement_id',
      sql<string | null>`e.marking_id`.as('visible_engagement_marking'),
    ])
}

/** Visible statements, newest first, optionally for one engagement or one associated/issuing partner. */
export async function listVisibleStatements(
  executor: Executor,
  principal: Principal,
  filter: StatementFilter,
): Promise<{ items: StatementRecord[]; total: number; engagementMarkings: Marking[] }> {
  let query = selectStatements(executor, principal)
  if (filter.engagement !== undefined) {
    // Through the visibility-filtered join: a hidden engagement's statements are not counted, so
    // its id answers exactly as an unknown one does (an empty list, total 0).
    query = query.where('e.id', '=', filter.engagement)
  }
  if (filter.status !== undefined) {
    query = query.where('s.status', '=', filter.status)
  }
  if (filter.partner !== undefined) {
    const partner = filter.partner
    query = query.where((eb) =>
      eb.or([
        hasListItem('engagement_statement.issuers', 's', partner),
        eb.exists(
          eb
            .selectFrom('engagement_statement_association as a')
            .select(sql.lit(1).as('one'))
            .whereRef('a.statement_id', '=', 's.id')
            .where('a.country_code', '=', partner)
            .where(visibleTo(principal, 'a')),
        ),
      ]),
    )
  }
  // The count rides on each row; a page past the end has no row, so it counts on its own.
  const counted = query
  const rows = await query
    .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
    .orderBy(sql`coalesce(s.issued_on, s.created_at)`, 'desc')
    .orderBy('s.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  const associations = await visibleAssociations(
    executor,
    principal,
    rows.map((row) => row.id),
  )
  return {
    items: rows.map((row) =>
      toRecord(row, row.visible_engagement_id === null ? null : row.engagement_title, associations),
    ),
    // The linked engagements whose titles are shown: part of the answer, so of its banner.
    engagementMarkings: markingsFromIds(...rows.map((row) => row.visible_engagement_marking)),
    total: Number(
      rows[0]?.total ??
        (filter.offset > 0
          ? ((
              await counted
                .clearSelect()
                .select(sql<number>`cast(count(*) as integer)`.as('n'))
                .executeTakeFirst()
            )?.n ?? 0)
          : 0),
    ),
  }
}

export async function findVisibleStatement(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<StatementRecord | null> {
  const row = await selectStatements(executor, principal).where('s.id', '=', id).executeTakeFirst()
  if (row === undefined) {
    return null
  }
  const associations = await visibleAssociations(executor, principal, [id])
  return toRecord(row, row.visible_engagement_id === null ? null : row.engagement_title, associations)
}

async function visibleAssociations(executor: Executor, principal: Principal, ids: readonly string[]) {
  if (ids.length === 0) {
    return []
  }
  return executor
    .selectFrom('engagement_statement_association as a')
    .selectAll('a')
    .where('a.statement_id', 'in', [...ids])
    .where(visibleTo(principal, 'a'))
    .orderBy('a.country_code')
    .execute()
}

function toRecord(
  row: EngagementStatementTable,
  engagementTitle: string | null,
  associations: readonly {
    statement_id: string
    country_code: string
    classification: number
    releasable_to: string
  }[],
): StatementRecord {
  return {
    id: row.id,
    kind: toStatementKind(row.kind),
    status: toStatementStatus(row.status),
    title: row.title,
    summary: row.summary,
    issuedOn: row.issued_on,
    issuers: decodeList(row.issuers),
    engagementId: engagementTitle === null ? null : row.engagement_id,
    engagementTitle,
    priorityAreas: decodeList(row.priority_areas),
    associations: associations
      .filter((association) => association.statement_id === row.id)
      .map((association) => ({
        country: association.country_code,
        marking: markingFromColumns(association),
      })),
    marking: markingFromColumns(row),
    version: Number(row.version),
  }
}

/**
 * Refuses (400, every problem at once) a draft that breaks the statement's rules, is marked above
 * the writer's clearance, or links an engagement the writer cannot see (which answers as none).
 */
export async function checkStatementDraft(
  executor: Executor,
  principal: Principal,
  draft: StatementDraft,
): Promise<void> {
  const problems: FieldProblem[] = [
    ...statementProblems(draft),
    ...clearanceProblems(principal, [draft.marking]),
  ]
  if (draft.engagementId !== null && !(await isVisibleEngagement(executor, principal, draft.engagementId))) {
    problems.push({ pointer: '#/engagementId', detail: `No engagement has the id ${draft.engagementId}` })
  }
  if (problems.length > 0) {
    throw invalidInput('statement', problems)
  }
}

function columns(draft: StatementDraft) {
  return {
    kind: draft.kind,
    status: draft.status,
    title: draft.title,
    summary: draft.summary,
    issued_on: draft.issuedOn,
    issuers: encodeSet(draft.issuers),
    engagement_id: draft.engagementId,
    priority_areas: encodeSet(draft.priorityAreas),
    ...markingToColumns(draft.marking),
  }
}

/** Stores a new statement (version 1). Like every write here, on the command's transaction. */
export async function insertStatement(
  executor: Executor,
  id: string,
  draft: StatementDraft,
  now: Date,
): Promise<void> {
  const at = now.toISOString()
  await executor
    .insertInto('engagement_statement')
    .values({ id, ...columns(draft), version: 1, created_at: at, updated_at: at })
    .execute()
}

/** Replaces a statement's content when `expectedVersion` is still the stored one; returns the new version. */
export async function replaceStatement(
  executor: Executor,
  principal: Principal,
  id: string,
  expectedVersion: number,
  draft: StatementDraft,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('engagement_statement')
    .set({ ...columns(draft), version: expectedVersion + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'engagement_statement', what: 'statement', id },
    result.numUpdatedRows,
  )
  return expectedVersion + 1
}

/** Deletes a statement when `expectedVersion` is still the stored one. */
export async function removeStatement(
  executor: Executor,
  principal: Principal,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await removeVersioned(
    executor,
    principal,
    { table: 'engagement_statement', what: 'statement', id },
    expectedVersion,
  )
}

/**
 * Records that a partner associates itself with a statement (repeating it changes nothing). The
 * association carries the statement's marking, so that whoever may read the statement may read
 * who joined it.
 */
export async function insertAssociation(
  executor: Executor,
  statement: Pick<StatementRecord, 'id' | 'marking'>,
  country: string,
  now: Date,
): Promise<void> {
  await executor
    .insertInto('engagement_statement_association')
    .values({
      statement_id: statement.id,
      country_code: country,
      associated_at: now.toISOString(),
      ...markingToColumns(statement.marking),
    })
    .onConflict((oc) => oc.columns(['statement_id', 'country_code']).doNothing())
    .execute()
}

/** Removes a partner's association, if the writer can see it. */
export async function removeAssociation(
  executor: Executor,
  principal: Principal,
  statementId: string,
  country: string,
): Promise<void> {
  await executor
    .deleteFrom('engagement_statement_association as a')
    .where('a.statement_id', '=', statementId)
    .where('a.country_code', '=', country)
    .where(visibleTo(principal, 'a'))
    .execute()
}
