import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import { classificationRank } from '../domain/marking.ts'
import { isAlliance, type Principal } from '../domain/principal.ts'
import type { Database } from './database.ts'

/**
 * The SQL twin of `canRead` in domain/marking.ts: a condition on `<table>.marking_id` that holds
 * exactly for the rows the principal may read. Every marked row carries the id of its marking
 * (migration 2026-12-02T0400-markings), so the condition is an indexed `in` over the few markings
 * the principal may read, found once per statement in the small `marking` table, never a pattern
 * match over the rows. Every read of a marked table goes through it; visibility.test.ts checks it
 * agrees with canRead.
 *
 * @example db.selectFrom('relationship_event as e').where(visibleTo(principal, 'e'))
 */
export function visibleTo(principal: Principal, table: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.marking_id`)} in (${visibleMarkings(principal)})`
}

/**
 * The ids of the markings the principal may read, as a subquery. Resolved by the engine in the
 * same statement, so a marking added by a concurrent write (on any instance) is seen at once and
 * nothing needs invalidating; the `marking` table holds one row per distinct marking, so this
 * costs a few index probes.
 */
export function visibleMarkings(principal: Principal): RawBuilder<unknown> {
  const clearance = classificationRank(principal.clearance)
  if (isAlliance(principal)) {
    return sql`select vis_m.id from marking as vis_m where vis_m.classification <= ${clearance}`
  }
  if (principal.country === null) {
    return sql`select vis_m.id from marking as vis_m where vis_m.classification = 0`
  }
  return sql`select vis_m.id from marking as vis_m where vis_m.classification = 0
    union all select vis_r.marking_id from marking_release as vis_r
      join marking as vis_m on vis_m.id = vis_r.marking_id
      where vis_r.country_code = ${principal.country} and vis_m.classification <= ${clearance}`
}

/**
 * The same condition for a statement that declares the principal's markings once, as the CTE
 * `visibleMarkingsCte` writes: for statements that test visibility inside correlated subqueries
 * (analytics' summit windows, the engagement list's per-row lookups). PostgreSQL runs an inlined
 * `visibleMarkings` again for every outer row of a correlated subquery (the framework analytics
 * ran it 3,504 times); a materialised CTE is read once per statement. Both forms select the same
 * rows (visibility.test.ts checks each against canRead).
 *
 * @example sql`with ${visibleMarkingsCte(principal)} select … where ${visibleThroughCte('e')}`
 */
export function visibleThroughCte(table: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.marking_id`)} in (${cteMarkings})`
}

/** The ids the statement's `vis` CTE holds, as a subquery. */
const cteMarkings = sql`select vis.id from vis`

/** `vis(id) as materialized (…)`: the principal's visible marking ids, for a statement's `with`. */
export function visibleMarkingsCte(principal: Principal): RawBuilder<unknown> {
  return sql`vis(id) as materialized (${visibleMarkings(principal)})`
}

/**
 * How one statement tests visibility, for helpers that serve statements of both kinds: inlined
 * (`inlineSight`, the default) or through the statement's `vis` CTE (`cteSight`, where the root
 * declares it, as the engagement list does with `withVisibleMarkings`).
 */
export interface Sight {
  /** The condition on `<table>.marking_id`. */
  readonly of: (table: string) => RawBuilder<SqlBool>
  /** The visible marking ids, as a subquery. */
  readonly markings: RawBuilder<unknown>
}

export function inlineSight(principal: Principal): Sight {
  return { of: (table) => visibleTo(principal, table), markings: visibleMarkings(principal) }
}

export const cteSight: Sight = { of: visibleThroughCte, markings: cteMarkings }

/** A Kysely query creator whose statement declares the principal's `vis` CTE (for `cteSight`). */
export function withVisibleMarkings(db: Kysely<Database>, principal: Principal) {
  return db.with(
    (cte) => cte('vis').materialized(),
    // Kysely parenthesises a query builder here but not raw SQL, so the raw subquery brings its own.
    () => sql<{ id: string }>`(${visibleMarkings(principal)})`,
  )
}

/**
 * Everything `visibleTo` reads from the principal, as text: two principals with the same shape get
 * the same SQL and parameters, so a compiled query may be cached per shape (compiled-query-cache.ts).
 * Derived from the same three cases as `visibleMarkings`; visibility.test.ts checks the two agree.
 */
export function visibilityShape(principal: Principal): string {
  const clearance = classificationRank(principal.clearance)
  if (isAlliance(principal)) {
    return `alliance:${clearance}`
  }
  return principal.country === null ? 'public' : `country:${principal.country}:${clearance}`
}
