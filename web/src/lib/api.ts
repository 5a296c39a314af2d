import type { z } from 'zod'

/** One field's message from a problem+json `errors[]` entry, e.g. pointer "#/username". */
export interface FieldProblem {
  readonly pointer: string
  readonly detail: string
}

/** An RFC 9457 problem returned by the API (or made up here when the network fails). */
export class ApiProblem extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly type: string
  readonly errors: readonly FieldProblem[]

  constructor(init: {
    status: number
    title: string
    detail: string
    type?: string
    errors?: FieldProblem[]
  }) {
    super(init.detail)
    this.name = 'ApiProblem'
    this.status = init.status
    this.title = init.title
    this.detail = init.detail
    this.type = init.type ?? 'about:blank'
    this.errors = init.errors ?? []
  }

  /** The message for one field, by its name (the last segment of the JSON pointer). */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.pointer.split('/').pop() === field)?.detail
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback
}

function toProblem(status: number, statusText: string, body: unknown): ApiProblem {
  if (!isRecord(body)) {
    return new ApiProblem({
      status,
      title: statusText || 'Request failed',
      detail: `The server answered ${status}.`,
    })
  }
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((error) => ({
        pointer: text(error.pointer, ''),
        detail: text(error.detail, 'Not valid'),
      }))
    : []
  return new ApiProblem({
    status,
    title: text(body.title, statusText || 'Request failed'),
    detail: text(body.detail, `The server answered ${status}.`),
    type: text(body.type, 'about:blank'),
    errors,
  })
}

async function readBody(response: Response): Promise<unknown> {
  const raw = await response.text()
  if (raw === '') {
    return null
  }
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/**
 * Calls the API with the session cookie and JSON. A non-2xx answer throws an ApiProblem; a 2xx
 * body is parsed with the contract schema, so the page gets exactly the typed shape the server sends.
 */
export async function apiRequest<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  schema: S,
  body?: unknown,
  options: { readonly ifMatch?: number } = {},
): Promise<z.output<S>> {
  // If-Match carries the version the page read, so a write over someone else's change gets a 409.
  const ifMatch: Record<string, string> =
    options.ifMatch === undefined ? {} : { 'if-match': `"${options.ifMatch}"` }
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json', ...ifMatch }
          : { accept: 'application/json', 'content-type': 'application/json', ...ifMatch },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiProblem({
      status: 0,
      title: 'Network error',
      detail: 'The server could not be reached. Check your connection and try again.',
    })
  }
  const parsed = await readBody(response)
  if (!response.ok) {
    throw toProblem(response.status, response.statusText, parsed)
  }
  return schema.parse(parsed)
}

export function apiGet<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  return apiRequest('GET', path, schema)
}

/** Builds a query string from the defined, non-empty values only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value))
    }
  }
  const encoded = search.toString()
  return encoded === '' ? '' : `?${encoded}`
}
