import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { classificationRank } from '../domain/marking.ts'
import { isAlliance, type Principal } from '../domain/principal.ts'

/**
 * The SQL twin of `canRead` in domain/marking.ts: a condition on `<table>.classification` and
 * `<table>.releasable_to` that holds exactly for the rows the principal may read.
 * Every read of a marked table goes through it; visibility.test.ts checks it agrees with canRead.
 *
 * @example db.selectFrom('relationship_event as e').where(visibleTo(principal, 'e'))
 */
export function visibleTo(
  principal: Principal,
  table: string,
  { scan = false }: { readonly scan?: boolean } = {},
): RawBuilder<SqlBool> {
  // `scan`: the same condition with the classification written as `+column`, which hides it from
  // SQLite's index planner. For a count over a whole table SQLite otherwise answers the OR with two
  // index searches merged through a row-id set, three times slower than one pass over a narrow
  // covering index (bench/engagements.bench.ts). PostgreSQL reads unary plus as the same value.
  const classification = scan
    ? sql`+${sql.ref(`${table}.classification`)}`
    : sql.ref(`${table}.classification`)
  const releasableTo = sql.ref(`${table}.releasable_to`)
  const clearance = classificationRank(principal.clearance)
  if (isAlliance(principal)) {
    return sql<SqlBool>`${classification} <= ${clearance}`
  }
  if (principal.country === null) {
    return sql<SqlBool>`${classification} = 0`
  }
  return sql<SqlBool>`(${classification} = 0 or (${classification} <= ${clearance} and ${releasableTo} like ${releaseToken(principal.country)}))`
}

/**
 * Everything `visibleTo` reads from the principal, as text: two principals with the same shape get
 * the same SQL and parameters, so a compiled query may be cached per shape (compiled-query-cache.ts).
 * Keep it in step with `visibleTo`.
 */
export function visibilityShape(principal: Principal): string {
  const clearance = classificationRank(principal.clearance)
  if (isAlliance(principal)) {
    return `alliance:${clearance}`
  }
  return principal.country === null ? 'public' : `country:${principal.country}:${clearance}`
}

/**
 * The pattern that finds a country in the stored releasability ("|JPN|KOR|"), built in SQL around
 * the bound code. Not bound whole: SQLite re-prepares a statement each time a LIKE pattern that is
 * a bare parameter gets a value (to see whether its LIKE-prefix optimisation applies), which made
 * every marked read cost three to four times what it costs with this expression.
 */
function releaseToken(country: string): RawBuilder<string> {
  return sql<string>`('%|' || ${country} || '|%')`
}

/**
 * True where a column stored as "|a|b|" holds `item`. Builds its pattern in SQL for the same
 * reason as releaseToken; use it for every such list column.
 */
export function listContains(column: string, item: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${releaseToken(item)}`
}
