import type { z } from 'zod'
import { networkProblem, problemFrom } from './problem.ts'

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

/** A file sent as the body as it is (an import), instead of a JSON body. */
export interface FileBody {
  readonly body: Blob
  readonly contentType: string
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
  options: { readonly ifMatch?: number; readonly file?: FileBody } = {},
): Promise<z.output<S>> {
  // If-Match carries the version the page read, so a write over someone else's change gets a 409.
  const ifMatch: Record<string, string> =
    options.ifMatch === undefined ? {} : { 'if-match': `"${options.ifMatch}"` }
  let response: Response
  try {
    const { file } = options
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        file !== undefined
          ? { accept: 'application/json', 'content-type': file.contentType, ...ifMatch }
          : body === undefined
            ? { accept: 'application/json', ...ifMatch }
            : { accept: 'application/json', 'content-type': 'application/json', ...ifMatch },
      body: file !== undefined ? file.body : body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkProblem()
  }
  const parsed = await readBody(response)
  if (!response.ok) {
    throw problemFrom(response.status, response.statusText, parsed)
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
