import { jsonArrayFrom as postgresJsonArrayFrom } from 'kysely/helpers/postgres'
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite'
import type { Engine } from './database.ts'

type JsonArrayFrom = typeof sqliteJsonArrayFrom

/**
 * The engine's own `jsonArrayFrom`: a correlated subquery folded into a JSON array column, so a
 * list answers in one statement. SQLite returns the array as text; read it with `parseJsonArray`.
 */
export function jsonArrayFrom(engine: Engine): JsonArrayFrom {
  return engine === 'postgres' ? postgresJsonArrayFrom : sqliteJsonArrayFrom
}

export function parseJsonArray<T>(value: T[] | string | null): T[] {
  if (value === null) {
    return []
  }
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value
}
