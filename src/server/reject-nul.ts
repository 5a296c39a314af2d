import type { FastifyInstance } from 'fastify'
import { DomainError } from '../domain/errors.ts'

/** RFC 6901: "~" and "/" inside a key are escaped so the pointer stays unambiguous. */
function escapeKey(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * The JSON pointer of the first string (value or key) holding a NUL character, or undefined.
 * Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findNul(value: unknown): string | undefined {
  const pending: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '#' }]
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const current = item.value
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        return item.pointer
      }
    } else if (typeof current === 'object' && current !== null) {
      const entries = Array.isArray(current)
        ? current.map((v, i) => [String(i), v] as const)
        : Object.entries(current)
      for (const [key, child] of entries.reverse()) {
        const pointer = `${item.pointer}/${escapeKey(key)}`
        if (key.includes('\u0000')) {
          return pointer
        }
        pending.push({ value: child, pointer })
      }
    }
  }
  return undefined
}

const places = [
  ['params', 'path'],
  ['query', 'query'],
  ['body', 'body'],
] as const

/**
 * Refuses a NUL character anywhere in the path, query or body before any handler runs: PostgreSQL
 * cannot store it in text (it answered 500) and no field of the API has a use for it.
 */
export function registerNulGuard(app: FastifyInstance): void {
  // Thrown as the one invalid-input error, so problem.ts renders it like every other 400.
  app.addHook('preValidation', async (request) => {
    for (const [property, where] of places) {
      const pointer = findNul(request[property])
      if (pointer !== undefined) {
        const field = pointer === '#' ? where : pointer.slice(2)
        const detail = 'must not contain a NUL character (U+0000)'
        throw new DomainError('invalid-input', `The ${where} is not valid. ${field}: ${detail}`, {
          errors: [{ in: where, pointer, detail }],
        })
      }
    }
  })
}
