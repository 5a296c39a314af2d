import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import {
  type Statement,
  type StatementKind,
  type StatementStatus,
  statementProblems,
  toStatementKind,
  toStatementStatus,
} from '../domain/engagement-statement.ts'
import { DomainError, invalidInput, staleVersion } from '../domain/errors.ts'
import { classificationRank, type Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { recordAudit } from './audit-store.ts'
import { markingsFromIds } from './contributing-markings.ts'
import type { Database, Db } from './database.ts'
import type { EngagementStatementTable } from './engagement-tables.ts'
import { decodeList, encodeSet, hasListItem } from './list-column.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { visibleTo } from './visibility.ts'

export interface StatementDraft {
  readonly kind: StatementKind
  readonly status: StatementStatus
  readonly title: string
  readonly summary: string
  readonly issuedOn: string | null
  readonly issuers: readonly string[]
  readonly engagementId: string | null
  readonly priorityAreas: readonly string[]
  readonly marking: Marking
}

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

function selectStatements(db: Db, principal: Principal) {
  return db.kysely
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
  db: Db,
  principal: Principal,
  filter: StatementFilter,
): Promise<{ items: StatementRecord[]; total: number; engagementMarkings: Marking[] }> {
  let query = selectStatements(db, principal)
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
    db,
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
  db: Db,
  principal: Principal,
  id: string,
): Promise<StatementRecord | null> {
  const row = await selectStatements(db, principal).where('s.id', '=', id).executeTakeFirst()
  if (row === undefined) {
    return null
  }
  const associations = await visibleAssociations(db, principal, [id])
  return toRecord(row, row.visible_engagement_id === null ? null : row.engagement_title, associations)
}

async function visibleAssociations(db: Db, principal: Principal, ids: readonly string[]) {
  if (ids.length === 0) {
    return []
  }
  return db.kysely
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

async function checkDraft(
  tx: Transaction<Database>,
  principal: Principal,
  draft: StatementDraft,
): Promise<void> {
  const problems = statementProblems(draft)
  if (classificationRank(draft.marking.classification) > classificationRank(principal.clearance)) {
    problems.push({ pointer: '#/marking/classification', detail: 'Above your own clearance' })
  }
  if (draft.engagementId !== null) {
    const found = await tx
      .selectFrom('engagement as e')
      .select('e.id')
      .where('e.id', '=', draft.engagementId)
      .where(visibleTo(principal, 'e'))
      .executeTakeFirst()
    if (found === undefined) {
      problems.push({ pointer: '#/engagementId', detail: `No engagement has the id ${draft.engagementId}` })
    }
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

export async function createStatement(
  db: Db,
  principal: Principal,
  draft: StatementDraft,
  now: Date,
  id: string = randomUUID(),
): Promise<string> {
  await db.kysely.transaction().execute(async (tx) => {
    await checkDraft(tx, principal, draft)
    const at = now.toISOString()
    await tx
      .insertInto('engagement_statement')
      .values({ id, ...columns(draft), version: 1, created_at: at, updated_at: at })
      .execute()
    await recordAudit(tx, principal, { action: 'create', entity: 'statement', entityId: id }, now)
  })
  return id
}

export async function updateStatement(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  draft: StatementDraft,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await checkDraft(tx, principal, draft)
    const result = await tx
      .updateTable('engagement_statement')
      .set({ ...columns(draft), version: expectedVersion + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) {
      throw await staleOrMissing(tx, principal, id)
    }
    await recordAudit(tx, principal, { action: 'update', entity: 'statement', entityId: id }, now)
  })
}

export async function deleteStatement(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const result = await tx
      .deleteFrom('engagement_statement')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) {
      throw await staleOrMissing(tx, principal, id)
    }
    await recordAudit(tx, principal, { action: 'delete', entity: 'statement', entityId: id }, now)
  })
}

async function staleOrMissing(
  tx: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<DomainError> {
  const current = await tx
    .selectFrom('engagement_statement as s')
    .select('s.version')
    .where('s.id', '=', id)
    .where(visibleTo(principal, 's'))
    .executeTakeFirst()
  return current === undefined
    ? new DomainError('not-found', `No statement has the id ${id}.`)
    : staleVersion('statement', Number(current.version))
}

/**
 * Records that a partner associates itself with a statement (idempotent). The association carries the
 * statement's marking, so that whoever may read the statement may read who joined it.
 */
export async function associatePartner(
  db: Db,
  principal: Principal,
  statement: StatementRecord,
  country: string,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const known = await tx.selectFrom('country').select('code').where('code', '=', country).executeTakeFirst()
    if (known === undefined) {
      throw new DomainError('invalid-input', `No country has the code ${country}.`, {
        errors: [{ pointer: '#/country', detail: `No country has the code ${country}` }],
      })
    }
    await tx
      .insertInto('engagement_statement_association')
      .values({
        statement_id: statement.id,
        country_code: country,
        associated_at: now.toISOString(),
        ...markingToColumns(statement.marking),
      })
      .onConflict((oc) => oc.columns(['statement_id', 'country_code']).doNothing())
      .execute()
    await recordAudit(
      tx,
      principal,
      { action: 'associate', entity: 'statement', entityId: statement.id, details: { country } },
      now,
    )
  })
}

export async function dissociatePartner(
  db: Db,
  principal: Principal,
  statementId: string,
  country: string,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('engagement_statement_association as a')
      .where('a.statement_id', '=', statementId)
      .where('a.country_code', '=', country)
      .where(visibleTo(principal, 'a'))
      .execute()
    await recordAudit(
      tx,
      principal,
      { action: 'dissociate', entity: 'statement', entityId: statementId, details: { country } },
      now,
    )
  })
}
