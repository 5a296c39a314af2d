import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { Problem } from '../contract/common.ts'
import { DomainError } from '../domain/errors.ts'

/**
 * Optimistic concurrency over HTTP, the same for every feature: a read or write answers the
 * record's version as a strong ETag; a change sends it back in If-Match. Missing → 428, not an
 * ETag of this API → 400 naming the header, stale → 409 with `currentVersion` (raised by the store
 * through `staleVersion`, which compares the number this returns).
 */

/** The strong entity tag of a record version, e.g. "3". */
export function etagOf(version: number): string {
  return `"${version}"`
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version))
}

/** Versions are stored as 32-bit integers; nine digits keep every parsed value inside that range. */
const ifMatchPattern = /^(?:W\/)?"?(\d{1,9})"?$/

/** The version the client last read, from If-Match (`"7"`, `W/"7"` or `7`). */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match']
  const value = Array.isArray(header) ? header.join(',') : (header ?? '')
  if (value.trim() === '') {
    throw new DomainError(
      'precondition-required',
      'Send the If-Match header with the ETag you read (e.g. If-Match: "3"), so that a change made meanwhile is not overwritten.',
      {
        errors: [
          { in: 'header', pointer: '#/if-match', detail: 'Required: the ETag of the version you read' },
        ],
      },
    )
  }
  const match = ifMatchPattern.exec(value.trim())
  if (match?.[1] === undefined) {
    throw new DomainError(
      'invalid-input',
      'If-Match must be an ETag this API returned, e.g. "3". Read the record again and send its ETag.',
      { errors: [{ in: 'header', pointer: '#/if-match', detail: 'Not an ETag of this API' }] },
    )
  }
  return Number(match[1])
}

/** The If-Match request header, as every versioned write declares it. */
export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The ETag of the version you read. Missing: 428; stale: 409 with currentVersion.' }),
})

/** The answers every versioned write may give besides its success. */
export const versionedWriteErrors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  428: Problem,
} as const

/** The answers every create may give besides its success (no If-Match: nothing to be stale against). */
export const createErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const

/**
 * Route schema parts of a versioned write: spread into `schema`, e.g.
 * `schema: { params, body, ...versionedWrite({ 200: View }) }`.
 */
export function versionedWrite<R extends Record<number, z.ZodType>>(success: R) {
  return { headers: IfMatchHeaders, response: { ...versionedWriteErrors, ...success } }
}

interface TransformedSchema {
  headers?: { properties?: Record<string, unknown> }
  response?: Record<string, Record<string, unknown>>
}

const etagHeader = {
  ETag: {
    type: 'string',
    description: 'The version of the record as a strong ETag; send it back in If-Match.',
  },
}

/**
 * Adds the ETag response header to the OpenAPI description of every route that takes If-Match
 * (or is marked `config: { etag: true }`, for reads and creates), on its 200 and 201 answers.
 */
export function documentEtag<T extends { schema?: unknown }>(
  transformed: T,
  route: { config?: unknown } | undefined,
): T {
  const schema = transformed.schema as TransformedSchema | undefined
  const marked = (route?.config as { etag?: unknown } | undefined)?.etag === true
  if (schema?.response === undefined) return transformed
  if (!marked && schema.headers?.properties?.['if-match'] === undefined) return transformed
  for (const status of ['200', '201']) {
    const answer = schema.response[status]
    if (answer !== undefined) schema.response[status] = { ...answer, headers: etagHeader }
  }
  return transformed
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers an ETag (documented by `documentEtag`). */
    etag?: boolean
  }
}
