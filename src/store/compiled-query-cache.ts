import { randomBytes } from 'node:crypto'
import type { Compilable, CompiledQuery } from 'kysely'
import type { Db, Engine } from './database.ts'
import { prepareByName } from './postgres-named-statements.ts'

/** Values bound into a cached query by name: scalars only (string, number, null, …). */
export type QueryParameters = Readonly<Record<string, unknown>>

/** Where each compiled parameter comes from: a named value of the call, or a constant of the shape. */
type Slot = { readonly name: string } | { readonly constant: unknown }

interface Template {
  readonly compiled: CompiledQuery<unknown>
  readonly slots: readonly Slot[]
}

/**
 * Kysely builds and compiles a query afresh on every call, and for a statement that SQLite answers
 * in a tenth of a millisecond that costs more than the answer (bench/foundation.bench.ts). This
 * cache builds and compiles each query shape once, with placeholders for its parameters, and later
 * only swaps the call's values into the compiled parameter list.
 *
 * The `key` must name everything the SQL text depends on besides `params`: the query, and for
 * marked tables the principal's `visibilityShape` (visibleTo binds its clearance and country as
 * constants of the marking subquery). `build` may use each parameter only as a bound value: not in the query's structure
 * (`if`, `limit`, `in` lists) and not transformed (`%${q}%`). Both misuses are detected at the first
 * compile and throw, because a placeholder then appears altered or not at all.
 *
 * Compiled SQL depends on the dialect, so templates are kept per database. The least recently
 * used shape is dropped beyond `capacity`, which keeps principal-dependent shapes bounded.
 */
export class CompiledQueryCache {
  readonly #capacity: number
  readonly #templates = new WeakMap<object, Map<string, Template>>()
  // Random, so that no genuine value can be mistaken for a placeholder.
  readonly #marker = `\u0000placeholder:${randomBytes(9).toString('base64url')}:`

  constructor(capacity = 500) {
    this.#capacity = capacity
  }

  /** The compiled query of shape `key` with `params` bound, built by `build` the first time only. */
  bind<P extends QueryParameters, R>(
    db: Db,
    key: string,
    params: P,
    build: (placeholders: P) => Compilable<R>,
  ): CompiledQuery<R> {
    return this.bindOn(db.kysely, db.engine, key, params, build)
  }

  /**
   * As `bind`, for a store that is given an executor rather than the database: templates are kept
   * per executor object (the database's own Kysely instance is one long-lived object; a
   * transaction's is new each time, so a statement meant to be cached runs on the database's).
   */
  bindOn<P extends QueryParameters, R>(
    executor: object,
    engine: Engine,
    key: string,
    params: P,
    build: (placeholders: P) => Compilable<R>,
  ): CompiledQuery<R> {
    const template = this.#template(executor, engine, key, params, build)
    const parameters = template.slots.map((slot) => ('name' in slot ? params[slot.name] : slot.constant))
    return { ...template.compiled, parameters }
  }

  /** Binds as `bind` does and runs the query: the rows. */
  async execute<P extends QueryParameters, R>(
    db: Db,
    key: string,
    params: P,
    build: (placeholders: P) => Compilable<R>,
  ): Promise<R[]> {
    const result = await db.kysely.executeQuery(this.bind(db, key, params, build))
    return result.rows
  }

  #template<P extends QueryParameters, R>(
    owner: object,
    engine: Engine,
    key: string,
    params: P,
    build: (placeholders: P) => Compilable<R>,
  ): Template {
    let templates = this.#templates.get(owner)
    if (templates === undefined) {
      templates = new Map()
      this.#templates.set(owner, templates)
    }
    const cached = templates.get(key)
    if (cached !== undefined) {
      // Moved to the end, so the map stays in least-recently-used order.
      templates.delete(key)
      templates.set(key, cached)
      return cached
    }
    const template = this.#compile(key, params, build)
    if (engine === 'postgres') prepareByName(template.compiled.sql)
    templates.set(key, template)
    if (templates.size > this.#capacity) {
      const oldest = templates.keys().next().value
      if (oldest !== undefined) {
        templates.delete(oldest)
      }
    }
    return template
  }

  #compile<P extends QueryParameters, R>(
    key: string,
    params: P,
    build: (placeholders: P) => Compilable<R>,
  ): Template {
    const names = Object.keys(params)
    const placeholderOf = new Map(names.map((name) => [`${this.#marker}${name}`, name]))
    // The placeholders stand in for values of other types (numbers, say) while the query is built;
    // they are never read as such, only found again in the compiled parameters below.
    const placeholders = Object.fromEntries([...placeholderOf].map(([text, name]) => [name, text])) as P
    const compiled = build(placeholders).compile()
    const slots = compiled.parameters.map((value): Slot => {
      const name = typeof value === 'string' ? placeholderOf.get(value) : undefined
      if (name !== undefined) {
        return { name }
      }
      if (typeof value === 'string' && value.includes(this.#marker)) {
        throw new Error(`Query ${key}: a parameter was transformed before binding (${value})`)
      }
      return { constant: value }
    })
    const unbound = names.filter((name) => !slots.some((slot) => 'name' in slot && slot.name === name))
    if (unbound.length > 0) {
      throw new Error(`Query ${key}: parameter ${unbound.join(', ')} is not bound as a value`)
    }
    return { compiled, slots }
  }
}
