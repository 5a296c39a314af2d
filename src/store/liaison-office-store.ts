import { sql } from 'kysely'
import type { LiaisonOfficeDraft, LiaisonOfficeStatus } from '../domain/liaison-office.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import type { ProposalStatus } from '../domain/proposal-lifecycle.ts'
import { distinctMarkingIds, markingFromId, markingsFromIds } from './contributing-markings.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import './liaison-office-tables.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import './proposal-tables.ts'
import { expectWritten } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

/** An office as a principal sees it: partners and the deciding proposal only where visible. */
export interface LiaisonOfficeRecord {
  readonly id: string
  readonly city: string
  readonly country: string
  readonly countryName: string
  readonly timeZone: string
  readonly status: LiaisonOfficeStatus
  /** The visible partners it serves, by code. */
  readonly partners: readonly string[]
  /** The latest visible proposal that decides it. */
  readonly proposal: { readonly id: string; readonly status: ProposalStatus } | null
  readonly createdAt: string
  readonly marking: Marking
  /** Markings of the shown proposal and partners (they contribute to the banner). */
  readonly linkMarkings: readonly Marking[]
  readonly version: number
}

/** The office columns, with the deciding proposal read through the marking filter in the same statement. */
function selectOffices(executor: Executor, principal: Principal) {
  return executor
    .selectFrom('liaison_office as o')
    .innerJoin('country as c', 'c.code', 'o.country_code')
    .where(visibleTo(principal, 'o'))
    .select([
      'o.id',
      'o.city',
      'o.country_code',
      'c.name as country_name',
      'o.time_zone',
      'o.status',
      'o.created_at',
      'o.version',
      'o.classification',
      'o.releasable_to',
    ])
    .select((eb) => {
      const deciding = (value: ReturnType<typeof sql<string>>) =>
        eb
          .selectFrom('proposal as lp')
          .select(value.as('v'))
          .whereRef('lp.liaison_office_id', '=', 'o.id')
          .where(visibleTo(principal, 'lp'))
          .orderBy('lp.created_at', 'desc')
          .orderBy('lp.id', 'desc')
          .limit(1)
      return [
        deciding(sql<string>`lp.id`).as('proposal_id'),
        deciding(sql<string>`lp.status`).as('proposal_status'),
        deciding(sql<string>`lp.marking_id`).as('proposal_marking'),
      ]
    })
}

type OfficeRow = Awaited<ReturnType<ReturnType<typeof selectOffices>['execute']>>[number]

/** The visible partners each office serves, with their markings (they contribute to the banner). */
async function partnersOf(
  executor: Executor,
  principal: Principal,
  ids: readonly string[],
): Promise<Map<string, { codes: string[]; markings: Marking[] }>> {
  const served = new Map(ids.map((id) => [id, { codes: [] as string[], markings: [] as Marking[] }]))
  if (ids.length === 0) return served
  const rows = await executor
    .selectFrom('liaison_office_partner as op')
    .innerJoin('partner as p', 'p.country_code', 'op.partner_code')
    .where('op.office_id', 'in', [...ids])
    .where(visibleTo(principal, 'p'))
    .select(['op.office_id', 'op.partner_code', sql<string>`p.marking_id`.as('marking_id')])
    .orderBy('op.office_id')
    .orderBy('op.partner_code')
    .execute()
  for (const row of rows) {
    const entry = served.get(row.office_id)
    entry?.codes.push(row.partner_code)
    entry?.markings.push(markingFromId(row.marking_id))
  }
  return served
}

async function toRecords(executor: Executor, principal: Principal, rows: OfficeRow[]) {
  const partners = await partnersOf(
    executor,
    principal,
    rows.map((row) => row.id),
  )
  return rows.map((row): LiaisonOfficeRecord => {
    const served = partners.get(row.id) ?? { codes: [], markings: [] }
    const proposal =
      row.proposal_id === null || row.proposal_id === undefined
        ? null
        : { id: row.proposal_id, status: String(row.proposal_status) as ProposalStatus }
    return {
      id: row.id,
      city: row.city,
      country: row.country_code,
      countryName: row.country_name,
      timeZone: row.time_zone,
      status: row.status as LiaisonOfficeStatus,
      partners: served.codes,
      proposal,
      createdAt: row.created_at,
      marking: markingFromColumns(row),
      linkMarkings: [
        ...served.markings,
        ...(proposal === null || row.proposal_marking === null || row.proposal_marking === undefined
          ? []
          : [markingFromId(row.proposal_marking)]),
      ],
      version: Number(row.version),
    }
  })
}

export async function findVisibleOffice(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<LiaisonOfficeRecord | null> {
  const rows = await selectOffices(executor, principal).where('o.id', '=', id).execute()
  return (await toRecords(executor, principal, rows))[0] ?? null
}

export interface OfficeFilter {
  readonly status?: LiaisonOfficeStatus | undefined
  /** Offices serving this partner (the partner page). */
  readonly partner?: string | undefined
  readonly limit: number
  readonly offset: number
}

/** A page of visible offices by city, with the total and the markings of every row counted. */
export async function listVisibleOffices(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  filter: OfficeFilter,
): Promise<{ items: LiaisonOfficeRecord[]; total: number; markings: Marking[] }> {
  let page = selectOffices(executor, principal)
  let counted = executor
    .selectFrom('liaison_office as o')
    .where(visibleTo(principal, 'o'))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      distinctMarkingIds(engine, 'o.marking_id').as('ids'),
    ])
  if (filter.status !== undefined) {
    page = page.where('o.status', '=', filter.status)
    counted = counted.where('o.status', '=', filter.status)
  }
  const partner = filter.partner
  if (partner !== undefined) {
    // Only a partner the reader may see selects anything: a hidden one reads as serving nothing.
    const serving = (alias: 'o') =>
      sql<boolean>`exists (select 1 from liaison_office_partner op join partner p on p.country_code = op.partner_code
        where op.office_id = ${sql.ref(`${alias}.id`)} and op.partner_code = ${partner} and ${visibleTo(principal, 'p')})`
    page = page.where(serving('o'))
    counted = counted.where(serving('o'))
  }
  const [rows, count] = await Promise.all([
    page.orderBy('o.city').orderBy('o.id').limit(filter.limit).offset(filter.offset).execute(),
    counted.executeTakeFirstOrThrow(),
  ])
  const items = await toRecords(executor, principal, rows)
  return {
    items,
    total: Number(count.total),
    markings: [...markingsFromIds(count.ids), ...items.flatMap((item) => item.linkMarkings)],
  }
}

/** Takes the office's row lock (PostgreSQL; SQLite has one writer) so concurrent commands queue. */
export async function lockOffice(executor: Executor, engine: Engine, id: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select id from liaison_office where id = ${id} for update`.execute(executor)
  }
}

export async function insertOffice(
  executor: Executor,
  id: string,
  draft: LiaisonOfficeDraft,
  now: Date,
): Promise<void> {
  await executor
    .insertInto('liaison_office')
    .values({
      id,
      city: draft.city,
      country_code: draft.country,
      time_zone: draft.timeZone,
      status: draft.status,
      version: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...markingToColumns(draft.marking),
    })
    .execute()
  await writePartners(executor, id, draft.partners)
}

/** Replaces the office's partners with `partners`. */
async function writePartners(executor: Executor, id: string, partners: readonly string[]): Promise<void> {
  await executor.deleteFrom('liaison_office_partner').where('office_id', '=', id).execute()
  if (partners.length === 0) return
  await executor
    .insertInto('liaison_office_partner')
    .values(partners.map((code) => ({ office_id: id, partner_code: code })))
    .execute()
}

/**
 * Writes the office when `expected` is still its version; returns the new version. `partners` are
 * the codes to keep: the caller merges in the hidden partners the writer cannot see, so an edit
 * never drops what it could not show.
 */
export async function updateOffice(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  draft: LiaisonOfficeDraft,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('liaison_office')
    .set({
      city: draft.city,
      country_code: draft.country,
      time_zone: draft.timeZone,
      status: draft.status,
      version: expected + 1,
      updated_at: now.toISOString(),
      ...markingToColumns(draft.marking),
    })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'liaison_office', what: 'liaison office', id },
    result.numUpdatedRows,
  )
  await writePartners(executor, id, draft.partners)
  return expected + 1
}

/** Every partner an office serves, visible or not (for merging into an edit). */
export async function allPartnerCodes(executor: Executor, id: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('liaison_office_partner')
    .select('partner_code')
    .where('office_id', '=', id)
    .execute()
  return rows.map((row) => row.partner_code)
}

/**
 * Sets an office's status as the system does when its proposal is adopted (no If-Match: the
 * proposal's own version was checked). Returns the status before, or null when there is no office.
 */
export async function setOfficeStatusBySystem(
  executor: Executor,
  id: string,
  decide: (status: LiaisonOfficeStatus) => LiaisonOfficeStatus,
  now: Date,
): Promise<{ before: LiaisonOfficeStatus; after: LiaisonOfficeStatus } | null> {
  const row = await executor
    .selectFrom('liaison_office')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (row === undefined) return null
  const before = row.status as LiaisonOfficeStatus
  const after = decide(before)
  if (after !== before) {
    await executor
      .updateTable('liaison_office')
      .set({ status: after, version: Number(row.version) + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute()
  }
  return { before, after }
}

/** The codes among `codes` that name no partner the principal may see. */
export async function unseenPartners(
  executor: Executor,
  principal: Principal,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return []
  const rows = await executor
    .selectFrom('partner as p')
    .select('p.country_code')
    .where('p.country_code', 'in', [...codes])
    .where(visibleTo(principal, 'p'))
    .execute()
  const seen = new Set(rows.map((row) => row.country_code))
  return codes.filter((code) => !seen.has(code))
}

/** Whether the country code is in the register of countries (members and partners alike). */
export async function countryKnown(executor: Executor, code: string): Promise<boolean> {
  const row = await executor.selectFrom('country').select('code').where('code', '=', code).executeTakeFirst()
  return row !== undefined
}

/** Whether the principal may see the office (for links from proposals). */
export async function officeVisible(executor: Executor, principal: Principal, id: string): Promise<boolean> {
  const row = await executor
    .selectFrom('liaison_office as o')
    .select('o.id')
    .where('o.id', '=', id)
    .where(visibleTo(principal, 'o'))
    .executeTakeFirst()
  return row !== undefined
}
