import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import { grantableRoles } from '../domain/account-grant.ts'
import { classificationRank } from '../domain/marking.ts'
import { rolePermissions } from '../domain/policy.ts'
import type { Principal } from '../domain/principal.ts'
import type { AppUserTable, Database } from './database.ts'
import type { Executor } from './executor.ts'

export type AccountStatus = 'active' | 'disabled' | 'locked'

export interface AccountFilter {
  readonly q?: string | undefined
  readonly kind?: string | undefined
  readonly country?: string | undefined
  readonly status?: AccountStatus | undefined
  readonly limit: number
  readonly offset: number
}

type UserRow = ExpressionBuilder<Database, 'app_user'>

/**
 * The accounts this administrator may manage, in SQL: clearance up to their own, their own kind
 * and country unless staff, and no role they could not grant themselves (`grantProblems`' rule,
 * so a list, a count and a lookup never show an account a write would refuse).
 */
export function reachableBy(granter: Principal) {
  const grantable = new Set(grantableRoles(granter))
  const refused = Object.keys(rolePermissions).filter((role) => !grantable.has(role))
  return (eb: UserRow): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb('app_user.clearance', '<=', classificationRank(granter.clearance)),
    ]
    if (granter.kind !== 'staff') {
      conditions.push(eb('app_user.kind', '=', granter.kind))
      conditions.push(eb('app_user.country_code', '=', granter.country ?? ''))
    }
    for (const role of refused) {
      conditions.push(sql<SqlBool>`(',' || ${eb.ref('app_user.roles')} || ',') not like ${`%,${role},%`}`)
    }
    return eb.and(conditions)
  }
}

function statusIs(eb: UserRow, status: AccountStatus): Expression<SqlBool> {
  if (status === 'disabled') return eb('app_user.disabled_at', 'is not', null)
  const locked = status === 'locked'
  return eb.and([
    eb('app_user.disabled_at', 'is', null),
    eb('app_user.locked_at', locked ? 'is not' : 'is', null),
  ])
}

function matching(granter: Principal, filter: Omit<AccountFilter, 'limit' | 'offset'>) {
  return (eb: UserRow): Expression<SqlBool> => {
    const conditions = [reachableBy(granter)(eb)]
    if (filter.kind !== undefined) conditions.push(eb('app_user.kind', '=', filter.kind))
    if (filter.country !== undefined) conditions.push(eb('app_user.country_code', '=', filter.country))
    if (filter.status !== undefined) conditions.push(statusIs(eb, filter.status))
    if (filter.q !== undefined && filter.q.trim() !== '') {
      const pattern = `%${filter.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      conditions.push(
        eb.or([
          sql<SqlBool>`lower(${eb.ref('app_user.username')}) like ${pattern} escape '\\'`,
          sql<SqlBool>`lower(${eb.ref('app_user.display_name')}) like ${pattern} escape '\\'`,
        ]),
      )
    }
    return eb.and(conditions)
  }
}

/** One page of the accounts the administrator may manage, by username, and how many match. */
export async function listAccounts(
  executor: Executor,
  granter: Principal,
  filter: AccountFilter,
): Promise<{ rows: AppUserTable[]; total: number }> {
  const where = matching(granter, filter)
  const rows = await executor
    .selectFrom('app_user')
    .selectAll()
    .where(where)
    .orderBy('username')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  const count = await executor
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow()
  return { rows, total: Number(count.total) }
}

/** The account when the administrator may manage it; null when missing or out of reach alike. */
export async function findReachableAccount(
  executor: Executor,
  granter: Principal,
  id: string,
): Promise<AppUserTable | null> {
  const row = await executor
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', id)
    .where(reachableBy(granter))
    .executeTakeFirst()
  return row ?? null
}

export async function usernameTaken(executor: Executor, username: string): Promise<boolean> {
  const row = await executor
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst()
  return row !== undefined
}

/** The columns an administrator's edit changes. */
export interface AccountChanges {
  readonly display_name?: string
  readonly country_code?: string | null
  readonly clearance?: number
  readonly roles?: string
}

/**
 * Writes the edit when `expectedVersion` is still stored, bumping the version; answers whether a
 * row was written (the caller tells stale from missing).
 */
export async function updateAccount(
  executor: Executor,
  id: string,
  changes: AccountChanges,
  expectedVersion: number,
): Promise<boolean> {
  const result = await executor
    .updateTable('app_user')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
