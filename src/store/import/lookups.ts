import type { Principal } from '../../domain/principal.ts'
import { itemVisibleTo } from '../cooperation-scope.ts'
import type { Executor } from '../executor.ts'
import '../cooperation-tables.ts'
import { visibleTo } from '../visibility.ts'

/*
 * The reads an import checks a batch against, one statement per batch and reference, never per row.
 */

/** Which of `codes` name a partner the principal may see: a hidden partner reads as unknown. */
export async function visiblePartners(
  executor: Executor,
  principal: Principal,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await executor
    .selectFrom('partner as p')
    .select('p.country_code')
    .where('p.country_code', 'in', [...new Set(codes)])
    .where(visibleTo(principal, 'p'))
    .execute()
  return new Set(rows.map((row) => row.country_code))
}

/** Which of `codes` are already partners or members, whatever their marking: a key is taken or not. */
export async function registeredCountries(
  executor: Executor,
  codes: readonly string[],
): Promise<{ partners: Set<string>; members: Set<string> }> {
  if (codes.length === 0) return { partners: new Set(), members: new Set() }
  const unique = [...new Set(codes)]
  const partners = await executor
    .selectFrom('partner')
    .select('country_code')
    .where('country_code', 'in', unique)
    .execute()
  const members = await executor
    .selectFrom('member')
    .select('country_code')
    .where('country_code', 'in', unique)
    .execute()
  return {
    partners: new Set(partners.map((row) => row.country_code)),
    members: new Set(members.map((row) => row.country_code)),
  }
}

type KeyedTable =
  | 'relationship_event'
  | 'engagement'
  | 'programme'
  | 'programme_node'
  | 'programme_milestone'
  | 'coop_item'
  | 'coop_event'

/**
 * Which of `ids` are taken in `table`, whatever their marking. Only the id is answered, never a
 * field, and only to a user who may import (staff): the unique key would refuse the insert anyway.
 */
export async function takenIds(
  executor: Executor,
  table: KeyedTable,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await executor
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Set(rows.map((row) => row.id))
}

/** Which of `ids` name an engagement the principal may see (a parent of an imported engagement). */
export async function visibleEngagements(
  executor: Executor,
  principal: Principal,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await executor
    .selectFrom('engagement as e')
    .select('e.id')
    .where('e.id', 'in', [...new Set(ids)])
    .where(visibleTo(principal, 'e'))
    .execute()
  return new Set(rows.map((row) => row.id))
}

/** Which of `codes` are taken by a cooperation item, whatever its marking (codes are unique). */
export async function takenItemCodes(executor: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await executor
    .selectFrom('coop_item')
    .select('code')
    .where('code', 'in', [...new Set(codes)])
    .execute()
  return new Set(rows.map((row) => row.code))
}

/** The ids of the cooperation items among `codes` the principal may see, by code. */
export async function visibleItemsByCode(
  executor: Executor,
  principal: Principal,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map()
  const rows = await executor
    .selectFrom('coop_item as i')
    .select(['i.id', 'i.code'])
    .where('i.code', 'in', [...new Set(codes)])
    .where(itemVisibleTo(principal, 'i'))
    .execute()
  return new Map(rows.map((row) => [row.code, row.id]))
}
