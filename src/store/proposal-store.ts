import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Position } from '../domain/decision-consensus.ts'
import { DomainError, staleVersion } from '../domain/errors.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type {
  PositionEntry,
  ProposalDraft,
  ProposalKind,
  ProposalLinks,
  ProposalProcedure,
} from '../domain/proposal.ts'
import type { ProposalStatus } from '../domain/proposal-lifecycle.ts'
import { CompiledQueryCache } from './compiled-query-cache.ts'
import { distinctMarkingIds, markingFromId, markingsFromIds } from './contributing-markings.ts'
import type { Db, Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { jsonArrayFrom, parseJsonArray } from './json.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import './liaison-office-tables.ts'
import './proposal-tables.ts'
import { visibilityShape, visibleTo } from './visibility.ts'

const compiledQueries = new CompiledQueryCache()

/** A proposal as a principal sees it: links to records it may not see read as null. */
export interface ProposalRecord {
  readonly id: string
  readonly title: string
  readonly text: string
  readonly kind: ProposalKind
  readonly status: ProposalStatus
  readonly procedure: ProposalProcedure
  readonly deadline: string | null
  readonly partner: string | null
  readonly programme: string | null
  readonly engagement: string | null
  readonly liaisonOffice: string | null
  readonly createdAt: string
  readonly marking: Marking
  /** The markings of the linked records shown (they contribute to the banner). */
  readonly linkMarkings: readonly Marking[]
  readonly version: number
}

/**
 * The proposal columns with each link read through the principal's marking filter in the same
 * statement: the id of a partner, programme or engagement the reader may not see is never sent.
 */
function selectProposals(executor: Executor, principal: Principal) {
  return (
    executor
      .selectFrom('proposal as p')
      .where(visibleTo(principal, 'p'))
      .select([
        'p.id',
        'p.title',
        'p.text',
        'p.kind',
        'p.status',
        'p.procedure',
        'p.deadline',
        'p.created_at',
        'p.version',
        'p.classification',
        'p.releasable_to',
      ])
      // Each link is a left join through the reader's marking filter: a link the reader may not see
      // reads as null, id and marking alike, in one lookup per linked table.
      .leftJoin('partner as lp', (join) =>
        join.onRef('lp.country_code', '=', 'p.partner_code').on(visibleTo(principal, 'lp')),
      )
      .leftJoin('programme as lg', (join) =>
        join.onRef('lg.id', '=', 'p.programme_id').on(visibleTo(principal, 'lg')),
      )
      .leftJoin('engagement as le', (join) =>
        join.onRef('le.id', '=', 'p.engagement_id').on(visibleTo(principal, 'le')),
      )
      .leftJoin('liaison_office as lo', (join) =>
        join.onRef('lo.id', '=', 'p.liaison_office_id').on(visibleTo(principal, 'lo')),
      )
      .select([
        'lp.country_code as partner_code',
        markingIdOf('lp', 'partner_marking'),
        'lg.id as programme_id',
        markingIdOf('lg', 'programme_marking'),
        'le.id as engagement_id',
        markingIdOf('le', 'engagement_marking'),
        'lo.id as liaison_office_id',
        markingIdOf('lo', 'liaison_office_marking'),
      ])
  )
}

/** A marked row's `marking_id` (kept by triggers, so it is not in the table types), null when not joined. */
function markingIdOf<A extends string>(alias: string, as: A) {
  return sql<string | null>`${sql.ref(`${alias}.marking_id`)}`.as(as)
}

type ProposalRow = Awaited<ReturnType<ReturnType<typeof selectProposals>['execute']>>[number]

function toRecord(row: ProposalRow): ProposalRecord {
  const links = [
    row.partner_marking,
    row.programme_marking,
    row.engagement_marking,
    row.liaison_office_marking,
  ]
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    kind: row.kind as ProposalKind,
    status: row.status as ProposalStatus,
    procedure: row.procedure as ProposalProcedure,
    deadline: row.deadline,
    partner: row.partner_code ?? null,
    programme: row.programme_id ?? null,
    engagement: row.engagement_id ?? null,
    liaisonOffice: row.liaison_office_id ?? null,
    createdAt: row.created_at,
    marking: markingFromColumns(row),
    linkMarkings: links.filter((id) => id !== null && id !== undefined).map(markingFromId),
    version: Number(row.version),
  }
}

export async function findVisibleProposal(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<ProposalRecord | null> {
  const row = await selectProposals(executor, principal).where('p.id', '=', id).executeTakeFirst()
  return row === undefined ? null : toRecord(row)
}

export interface ProposalFilter {
  readonly status?: ProposalStatus | undefined
  readonly procedure?: ProposalProcedure | undefined
  readonly partner?: string | undefined
  readonly limit: number
  readonly offset: number
}

/** A list page with, for readers of positions, the members of the day and each item's positions in order. */
export interface ProposalPage {
  readonly items: ProposalRecord[]
  readonly total: number
  readonly markings: Marking[]
  /** Null unless positions were asked for (a `positionsOn` day). */
  readonly positions: {
    readonly members: string[]
    readonly histories: Map<string, Pick<PositionEntry, 'member' | 'position' | 'event'>[]>
  } | null
}

/**
 * The list page in ONE statement, compiled once per shape (on PostgreSQL a named statement): the
 * page's proposals, the visible total and the markings counted, and, when `positionsOn` is a day,
 * the members of that day and every listed proposal's positions in the order they were recorded.
 */
export async function proposalPage(
  db: Db,
  principal: Principal,
  filter: ProposalFilter,
  positionsOn: string | null,
): Promise<ProposalPage> {
  // Only the filters given are bound, so the shape names which are present.
  const params = {
    limit: filter.limit,
    offset: filter.offset,
    ...(filter.status === undefined ? {} : { status: filter.status }),
    ...(filter.procedure === undefined ? {} : { procedure: filter.procedure }),
    ...(filter.partner === undefined ? {} : { partner: filter.partner }),
    ...(positionsOn === null ? {} : { day: positionsOn }),
  }
  const shape = `proposals:${visibilityShape(principal)}:${'status' in params}:${'procedure' in params}:${'partner' in params}:${'day' in params}`
  const pageOf = (page: typeof params) =>
    compiledQueries.execute(db, shape, page, (bound) => proposalPageQuery(db, principal, bound))
  const rows = await pageOf(params)
  // The count rides on each row; only a page past the end needs a second look.
  const counted =
    rows[0] ?? (filter.offset > 0 ? (await pageOf({ ...params, limit: 1, offset: 0 }))[0] : undefined)
  const items = rows.map(toRecord)
  return {
    items,
    total: Number(counted?.total ?? 0),
    markings: [...markingsFromIds(counted?.counted_ids), ...items.flatMap((item) => item.linkMarkings)],
    positions:
      positionsOn === null
        ? null
        : {
            members: parseJsonArray<string | { country_code: string }>(counted?.members ?? null).map(
              (member) => (typeof member === 'string' ? member : member.country_code),
            ),
            histories: new Map(
              rows.map((row) => [
                row.id,
                parseJsonArray(row.positions ?? null).map((entry) => ({
                  member: entry.member,
                  position: entry.position as Position,
                  event: entry.event === 'break-silence' ? ('break-silence' as const) : ('position' as const),
                })),
              ]),
            ),
          },
  }
}

/**
 * Proposals linked to `partner`, through the visible partner only: filtering by a partner the reader
 * may not see would tell which visible proposals are linked to it, though each shows its link as null.
 */
function linkedToVisiblePartner(principal: Principal, partner: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.partner_code = ${partner} and exists (select 1 from partner as fp where fp.country_code = p.partner_code and ${visibleTo(principal, 'fp')})`
}

function proposalPageQuery(
  db: Db,
  principal: Principal,
  bound: {
    limit: number
    offset: number
    status?: string
    procedure?: string
    partner?: string
    day?: string
  },
) {
  const json = jsonArrayFrom(db.engine)
  let page = selectProposals(db.kysely, principal)
  let counted = db.kysely
    .selectFrom('proposal as p')
    .where(visibleTo(principal, 'p'))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      distinctMarkingIds(db.engine, 'p.marking_id').as('counted_ids'),
    ])
  if (bound.status !== undefined) {
    page = page.where('p.status', '=', bound.status)
    counted = counted.where('p.status', '=', bound.status)
  }
  if (bound.procedure !== undefined) {
    page = page.where('p.procedure', '=', bound.procedure)
    counted = counted.where('p.procedure', '=', bound.procedure)
  }
  const { partner } = bound
  if (partner !== undefined) {
    page = page.where(linkedToVisiblePartner(principal, partner))
    counted = counted.where(linkedToVisiblePartner(principal, partner))
  }
  const { day } = bound
  const countedWithMembers = counted.$if(day !== undefined, (qb) =>
    qb.select((eb) =>
      json(
        eb
          .selectFrom('member')
          .select('member.country_code')
          .where('member.accession_date', '<=', day ?? '')
          .orderBy('member.country_code'),
      ).as('members'),
    ),
  )
  const ordered = page
    .orderBy('p.created_at', 'desc')
    .orderBy('p.title')
    .orderBy('p.id')
    .limit(bound.limit)
    .offset(bound.offset)
  return db.kysely
    .selectFrom(ordered.as('pg'))
    .innerJoin(countedWithMembers.as('counted'), (join) => join.onTrue())
    .selectAll('pg')
    .selectAll('counted')
    .$if(day !== undefined, (qb) =>
      qb.select((eb) =>
        json(
          eb
            .selectFrom('proposal_position as pp')
            .select(['pp.member_code as member', 'pp.position', 'pp.event'])
            .whereRef('pp.proposal_id', '=', 'pg.id')
            .orderBy('pp.seq'),
        ).as('positions'),
      ),
    )
    .orderBy('pg.created_at', 'desc')
    .orderBy('pg.title')
    .orderBy('pg.id')
}

/**
 * One proposal as the principal sees it, with (when `positionsOn` is a day) the members of that day
 * and its whole position history: one statement, compiled once per shape. Null when hidden or missing.
 */
export async function proposalWithHistory(
  db: Db,
  principal: Principal,
  id: string,
  positionsOn: string | null,
): Promise<{
  record: ProposalRecord
  positions: { members: string[]; history: PositionEntry[] } | null
} | null> {
  const params = { id, ...(positionsOn === null ? {} : { day: positionsOn }) }
  const shape = `proposal:${visibilityShape(principal)}:${'day' in params}`
  const [row] = await compiledQueries.execute(db, shape, params, (bound) => {
    const json = jsonArrayFrom(db.engine)
    const { day } = bound
    return selectProposals(db.kysely, principal)
      .where('p.id', '=', bound.id)
      .$if(day !== undefined, (qb) =>
        qb.select((eb) => [
          json(
            eb
              .selectFrom('member')
              .select('member.country_code')
              .where('member.accession_date', '<=', day ?? '')
              .orderBy('member.country_code'),
          ).as('members'),
          json(
            eb
              .selectFrom('proposal_position as pp')
              .select([
                'pp.member_code',
                'pp.position',
                'pp.note',
                'pp.recorded_by',
                'pp.on_behalf',
                'pp.recorded_at',
                'pp.event',
              ])
              .whereRef('pp.proposal_id', '=', 'p.id')
              .orderBy('pp.seq'),
          ).as('history'),
        ]),
      )
  })
  if (row === undefined) return null
  return {
    record: toRecord(row),
    positions:
      positionsOn === null
        ? null
        : {
            members: parseJsonArray(row.members ?? null).map((member) => member.country_code),
            history: parseJsonArray(row.history ?? null).map(toPositionEntry),
          },
  }
}

function toPositionEntry(row: {
  member_code: string
  position: string
  note: string | null
  recorded_by: string | null
  on_behalf: number
  recorded_at: string
  event: string
}): PositionEntry {
  return {
    event: row.event === 'break-silence' ? 'break-silence' : 'position',
    member: row.member_code,
    position: row.position as Position,
    note: row.note,
    recordedBy: row.recorded_by,
    onBehalf: Number(row.on_behalf) === 1,
    at: row.recorded_at,
  }
}

/**
 * The position history of the given proposals, oldest first. Positions are part of their
 * proposal and share its marking, so they are read through the proposal's filter.
 */
export async function positionHistories(
  executor: Executor,
  principal: Principal,
  proposalIds: readonly string[],
): Promise<Map<string, PositionEntry[]>> {
  const histories = new Map<string, PositionEntry[]>(proposalIds.map((id) => [id, []]))
  if (proposalIds.length === 0) return histories
  const rows = await executor
    .selectFrom('proposal_position as pp')
    .innerJoin('proposal as p', 'p.id', 'pp.proposal_id')
    .where(visibleTo(principal, 'p'))
    .where('pp.proposal_id', 'in', proposalIds)
    .select([
      'pp.proposal_id',
      'pp.member_code',
      'pp.position',
      'pp.note',
      'pp.recorded_by',
      'pp.on_behalf',
      'pp.recorded_at',
      'pp.event',
    ])
    .orderBy('pp.proposal_id')
    .orderBy('pp.seq')
    .execute()
  for (const row of rows) {
    histories.get(row.proposal_id)?.push(toPositionEntry(row))
  }
  return histories
}

/** The member states of the day, by code: those that had acceded by `day` (YYYY-MM-DD). */
export async function memberCodesOn(executor: Executor, day: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('member')
    .select('country_code')
    .where('accession_date', '<=', day)
    .orderBy('country_code')
    .execute()
  return rows.map((row) => row.country_code)
}

/** Takes the proposal's row lock (PostgreSQL; SQLite has one writer) so concurrent commands queue. */
export async function lockProposal(executor: Executor, engine: Engine, id: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select id from proposal where id = ${id} for update`.execute(executor)
  }
}

export async function insertProposal(
  executor: Executor,
  id: string,
  draft: ProposalDraft,
  now: Date,
): Promise<void> {
  await executor
    .insertInto('proposal')
    .values({
      id,
      title: draft.title,
      text: draft.text,
      kind: draft.kind,
      partner_code: draft.links.partner,
      programme_id: draft.links.programme,
      liaison_office_id: draft.links.liaisonOffice,
      engagement_id: draft.links.engagement,
      procedure: draft.procedure,
      deadline: draft.deadline,
      status: 'draft',
      version: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...markingToColumns(draft.marking),
    })
    .execute()
}

/** Moves the proposal to `status` when `expected` is still its version; returns the new version. */
export async function setProposalStatus(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  status: ProposalStatus,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('proposal')
    .set({ status, version: expected + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) {
    const current = await findVisibleProposal(executor, principal, id)
    throw current === null
      ? new DomainError('not-found', `No proposal has the id ${id}.`)
      : staleVersion('proposal', current.version)
  }
  return expected + 1
}

/** Appends a member's position to the proposal's history. */
export async function appendPosition(
  executor: Executor,
  proposalId: string,
  entry: PositionEntry,
): Promise<void> {
  const last = await executor
    .selectFrom('proposal_position')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst()
  await executor
    .insertInto('proposal_position')
    .values({
      proposal_id: proposalId,
      seq: Number(last?.seq ?? 0) + 1,
      member_code: entry.member,
      position: entry.position,
      note: entry.note,
      recorded_by: entry.recordedBy,
      on_behalf: entry.onBehalf ? 1 : 0,
      recorded_at: entry.at,
      event: entry.event,
    })
    .execute()
}

/** Which of the links name no record the principal may see (an unseen one reads as missing). */
export async function unseenLinks(
  executor: Executor,
  principal: Principal,
  links: Pick<ProposalLinks, 'partner' | 'programme' | 'engagement' | 'liaisonOffice'>,
): Promise<Array<'partner' | 'programme' | 'engagement' | 'liaisonOffice'>> {
  const unseen: Array<'partner' | 'programme' | 'engagement' | 'liaisonOffice'> = []
  if (links.liaisonOffice !== null) {
    const row = await executor
      .selectFrom('liaison_office as lo')
      .select('lo.id')
      .where('lo.id', '=', links.liaisonOffice)
      .where(visibleTo(principal, 'lo'))
      .executeTakeFirst()
    if (row === undefined) unseen.push('liaisonOffice')
  }
  if (links.partner !== null) {
    const row = await executor
      .selectFrom('partner as lp')
      .select('lp.country_code')
      .where('lp.country_code', '=', links.partner)
      .where(visibleTo(principal, 'lp'))
      .executeTakeFirst()
    if (row === undefined) unseen.push('partner')
  }
  if (links.programme !== null) {
    const row = await executor
      .selectFrom('programme as lg')
      .select('lg.id')
      .where('lg.id', '=', links.programme)
      .where(visibleTo(principal, 'lg'))
      .executeTakeFirst()
    if (row === undefined) unseen.push('programme')
  }
  if (links.engagement !== null) {
    const row = await executor
      .selectFrom('engagement as le')
      .select('le.id')
      .where('le.id', '=', links.engagement)
      .where(visibleTo(principal, 'le'))
      .executeTakeFirst()
    if (row === undefined) unseen.push('engagement')
  }
  return unseen
}

/** The stored columns a draft's patch or breaking silence may change. */
export interface ProposalChanges {
  readonly title?: string
  readonly text?: string
  readonly kind?: ProposalKind
  readonly links?: Pick<ProposalLinks, 'partner' | 'programme' | 'engagement' | 'liaisonOffice'>
  readonly procedure?: ProposalProcedure
  readonly deadline?: string | null
  readonly status?: ProposalStatus
  readonly marking?: Marking
}

/** Writes the changes when `expected` is still the version; returns the new version. */
export async function updateProposal(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  changes: ProposalChanges,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('proposal')
    .set({
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.text === undefined ? {} : { text: changes.text }),
      ...(changes.kind === undefined ? {} : { kind: changes.kind }),
      ...(changes.links === undefined
        ? {}
        : {
            partner_code: changes.links.partner,
            programme_id: changes.links.programme,
            engagement_id: changes.links.engagement,
            liaison_office_id: changes.links.liaisonOffice,
          }),
      ...(changes.procedure === undefined ? {} : { procedure: changes.procedure }),
      ...(changes.deadline === undefined ? {} : { deadline: changes.deadline }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.marking === undefined ? {} : markingToColumns(changes.marking)),
      version: expected + 1,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) {
    const current = await findVisibleProposal(executor, principal, id)
    throw current === null
      ? new DomainError('not-found', `No proposal has the id ${id}.`)
      : staleVersion('proposal', current.version)
  }
  return expected + 1
}

/** The office a proposal decides as stored, whoever may see it (for what its adoption sets going). */
export async function storedOfficeLink(executor: Executor, proposalId: string): Promise<string | null> {
  const row = await executor
    .selectFrom('proposal')
    .select('liaison_office_id')
    .where('id', '=', proposalId)
    .executeTakeFirst()
  return row?.liaison_office_id ?? null
}
