import type { z } from 'zod'
import { invalidInput } from '../domain/errors.ts'
import { problemsFromZod } from './problem.ts'

/**
 * A patch laid over the stored record (fields left out keep their value), checked whole by the
 * record's input schema: a change that is fine alone but breaks the record (an end before the
 * start) is refused with every problem, as a new record would be.
 */
export function mergePatch<S extends z.ZodType<object, object>>(
  what: string,
  schema: S,
  current: z.input<S>,
  patch: Partial<z.input<S>>,
): z.output<S> {
  const merged = schema.safeParse({ ...current, ...patch })
  if (!merged.success) {
    throw invalidInput(what, problemsFromZod(merged.error.issues))
  }
  return merged.data
}
