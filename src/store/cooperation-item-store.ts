import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { allianceBodies, type ItemFormat, type ProviderKind } from '../domain/cooperation/vocabulary.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { distinctMarkingIds, markingsFromIds } from './contributing-markings.ts'
import { eligibleFor, itemVisibleTo } from './cooperation-scope.ts'
import './cooperation-tables.ts'
import type { Engine } from './database.ts'
import type { Executor } from './executor.ts'
import { decodeList, encodeOrderedList } from './list-column.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { expectWritten } from './versioned-row.ts'

export interface ProviderRecord {
  readonly kind: ProviderKind
  readonly code: string
  readonly name: string
}

export interface ItemDraft {
  readonly code: string
  readonly title: string
  readonly description: string
  readonly provider: { readonly kind: ProviderKind; readonly code: string }
  readonly format: ItemFormat
  readonly priorityAreas: readonly string[]
  readonly languages: readonly string[]
  readonly eligibility: { readonly partners: readonly string[]; readonly frameworks: readonly string[] }
  readonly illustrative: boolean
  readonly marking: Marking
}

export interface ItemRecord extends ItemDraft {
  readonly id: string
  readonly provider: ProviderRecord
  readonly eligibleForMe: boolean
  readonly createdAt: string
  readonly version: number
}

/** A provider's display name: the member's country name or the body's name. */
export function providerName(kind: string, code: string, countryName: string | null): string {
  return kind === 'body' ? (allianceBodies[code] ?? code) : (countryName ?? code)
}

function selectItems(executor: Executor, principal: Principal) {
  return executor
    .selectFrom('coop_item as i')
    .leftJoin('country as pc', 'pc.code', 'i.provider_code')
    .where(itemVisibleTo(principal, 'i'))
    .select([
      'i.id',
      'i.code',
      'i.title',
      'i.description',
      'i.provider_kind',
      'i.provider_code',
      'pc.name as provider_country_name',
      'i.format',
      'i.priority_areas',
      'i.languages',
      'i.illustrative',
      'i.created_at',
      'i.version',
      'i.classification',
      'i.releasable_to',
    ])
    .select(
      sql<number>`case when ${eligibleFor(principal.country, 'i')} then 1 else 0 end`.as('eligible_for_me'),
    )
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['execute']>>[number]

async function eligibilityOf(executor: Executor, ids: readonly string[]) {
  const lists = new Map(ids.map((id) => [id, { partners: [] as string[], frameworks: [] as string[] }]))
  if (ids.length === 0) return lists
  const rows = await executor
    .selectFrom('coop_item_eligible')
    .select(['item_id', 'kind', 'code'])
    .where('item_id', 'in', [...ids])
    .orderBy('item_id')
    .orderBy('kind')
    .orderBy('code')
    .execute()
  for (const row of rows) {
    const entry = lists.get(row.item_id)
    if (entry !== undefined) (row.kind === 'partner' ? entry.partners : entry.frameworks).push(row.code)
  }
  return lists
}

async function toRecords(executor: Executor, principal: Principal, rows: ItemRow[]): Promise<ItemRecord[]> {
  const eligibility = await eligibilityOf(
    executor,
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    provider: {
      kind: row.provider_kind as ProviderKind,
      code: row.provider_code,
      name: providerName(row.provider_kind, row.provider_code, row.provider_country_name),
    },
    format: row.format as ItemFormat,
    priorityAreas: decodeList(row.priority_areas),
    languages: decodeList(row.languages),
    eligibility: eligibility.get(row.id) ?? { partners: [], frameworks: [] },
    // Only a country's own requesters are "eligible"; staff and members request nothing for themselves.
    eligibleForMe: principal.kind === 'partner' && Number(row.eligible_for_me) === 1,
    illustrative: Number(row.illustrative) === 1,
    createdAt: row.created_at,
    marking: markingFromColumns(row),
    version: Number(row.version),
  }))
}

export async function findVisibleItem(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<ItemRecord | null> {
  const rows = await selectItems(executor, principal).where('i.id', '=', id).execute()
  return (await toRecords(executor, principal, rows))[0] ?? null
}

export interface ItemFilter {
  readonly q?: string | undefined
  readonly priorityArea?: string | undefined
  readonly provider?: string | undefined
  readonly format?: ItemFormat | undefined
  readonly eligible?: boolean | undefined
  readonly limit: number
  readonly offset: number
}

/** Words of a search, lower-cased; each must appear in the code, title or description. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8)
}

/** `like` with the pattern characters of the word taken literally. */
export function containsWord(column: string, word: string): RawBuilder<SqlBool> {
  const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`)
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escaped}%`} escape '\\'`
}

/** The conditions of an item filter, for the page and its count alike. */
export function itemConditions(
  principal: Principal,
  filter: ItemFilter,
  alias: string,
): RawBuilder<SqlBool>[] {
  const ref = (column: string) => sql.ref(`${alias}.${column}`)
  const conditions = searchWords(filter.q).map((word) => containsWord(`${alias}.search_text`, word))
  if (filter.priorityArea !== undefined) {
    conditions.push(
      sql<SqlBool>`${ref('id')} in (select ia.item_id from coop_item_area as ia where ia.area_id = ${filter.priorityArea})`,
    )
  }
  if (filter.provider !== undefined)
    conditions.push(sql<SqlBool>`${ref('provider_code')} = ${filter.provider}`)
  if (filter.format !== undefined) conditions.push(sql<SqlBool>`${ref('format')} = ${filter.format}`)
  if (filter.eligible === true) {
    conditions.push(
      principal.kind === 'partner' ? eligibleFor(principal.country, alias) : sql<SqlBool>`1 = 0`,
    )
  }
  return conditions
}

/** A page of the catalogue by title, with the total and the markings of every row counted. */
export async function listVisibleItems(
  executor: Executor,
  engine: Engine,
  principal: Principal,
  filter: ItemFilter,
): Promise<{ items: ItemRecord[]; total: number; markings: Marking[] }> {
  const conditions = itemConditions(principal, filter, 'i')
  let page = selectItems(executor, principal)
  let counted = executor
    .selectFrom('coop_item as i')
    .where(itemVisibleTo(principal, 'i'))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      distinctMarkingIds(engine, 'i.marking_id').as('ids'),
    ])
  for (const condition of conditions) {
    page = page.where(condition)
    counted = counted.where(condition)
  }
  const [rows, count] = await Promise.all([
    page.orderBy('i.title').orderBy('i.id').limit(filter.limit).offset(filter.offset).execute(),
    counted.executeTakeFirstOrThrow(),
  ])
  return {
    items: await toRecords(executor, principal, rows),
    total: Number(count.total),
    markings: markingsFromIds(count.ids),
  }
}

function itemColumns(draft: ItemDraft, now: Date) {
  return {
    code: draft.code,
    title: draft.title,
    description: draft.description,
    search_text: `${draft.code} ${draft.title} ${draft.description}`.toLowerCase(),
    provider_kind: draft.provider.kind,
    provider_code: draft.provider.code,
    format: draft.format,
    priority_areas: encodeOrderedList(draft.priorityAreas),
    languages: encodeOrderedList(draft.languages),
    open_to_all: draft.eligibility.partners.length === 0 && draft.eligibility.frameworks.length === 0 ? 1 : 0,
    illustrative: draft.illustrative ? 1 : 0,
    updated_at: now.toISOString(),
    ...markingToColumns(draft.marking),
  }
}

async function writeLists(executor: Executor, id: string, draft: ItemDraft): Promise<void> {
  await executor.deleteFrom('coop_item_area').where('item_id', '=', id).execute()
  await executor.deleteFrom('coop_item_eligible').where('item_id', '=', id).execute()
  const areas = [...new Set(draft.priorityAreas)]
  if (areas.length > 0) {
    await executor
      .insertInto('coop_item_area')
      .values(areas.map((area) => ({ item_id: id, area_id: area })))
      .execute()
  }
  const eligible = [
    ...[...new Set(draft.eligibility.partners)].map((code) => ({ item_id: id, kind: 'partner', code })),
    ...[...new Set(draft.eligibility.frameworks)].map((code) => ({ item_id: id, kind: 'framework', code })),
  ]
  if (eligible.length > 0) await executor.insertInto('coop_item_eligible').values(eligible).execute()
}

export async function insertItem(executor: Executor, id: string, draft: ItemDraft, now: Date): Promise<void> {
  await executor
    .insertInto('coop_item')
    .values({ id, version: 1, created_at: now.toISOString(), ...itemColumns(draft, now) })
    .execute()
  await writeLists(executor, id, draft)
}

/** Many new items in three bulk statements (the catalogue import): rows, areas, eligibility. */
export async function insertItems(
  executor: Executor,
  items: readonly { readonly id: string; readonly draft: ItemDraft }[],
  now: Date,
): Promise<void> {
  if (items.length === 0) return
  await executor
    .insertInto('coop_item')
    .values(
      items.map(({ id, draft }) => ({
        id,
        version: 1,
        created_at: now.toISOString(),
        ...itemColumns(draft, now),
      })),
    )
    .execute()
  const areas = items.flatMap(({ id, draft }) =>
    [...new Set(draft.priorityAreas)].map((area) => ({ item_id: id, area_id: area })),
  )
  if (areas.length > 0) await executor.insertInto('coop_item_area').values(areas).execute()
  const eligible = items.flatMap(({ id, draft }) => [
    ...[...new Set(draft.eligibility.partners)].map((code) => ({ item_id: id, kind: 'partner', code })),
    ...[...new Set(draft.eligibility.frameworks)].map((code) => ({ item_id: id, kind: 'framework', code })),
  ])
  if (eligible.length > 0) await executor.insertInto('coop_item_eligible').values(eligible).execute()
}

export async function updateItem(
  executor: Executor,
  principal: Principal,
  id: string,
  expected: number,
  draft: ItemDraft,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('coop_item')
    .set({ ...itemColumns(draft, now), version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'coop_item', what: 'cooperation item', id },
    result.numUpdatedRows,
  )
  await writeLists(executor, id, draft)
  return expected + 1
}

/** Whether another item already has the code (codes are unique across the catalogue). */
export async function itemCodeTaken(
  executor: Executor,
  code: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = executor.selectFrom('coop_item').select('id').where('code', '=', code)
  if (exceptId !== null) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

/** The names among `ids` that are not priority areas, frameworks, members: for every problem at once. */
export async function unknownCodes(
  executor: Executor,
  table: 'priority_area' | 'framework' | 'member' | 'partner' | 'country',
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return []
  const column =
    table === 'member' || table === 'partner' ? 'country_code' : table === 'country' ? 'code' : 'id'
  const rows = await sql<{ code: string }>`select ${sql.ref(column)} as code from ${sql.table(table)}
    where ${sql.ref(column)} in (${sql.join([...codes])})`.execute(executor)
  const known = new Set(rows.rows.map((row) => row.code))
  return codes.filter((code) => !known.has(code))
}
