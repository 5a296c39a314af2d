import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.ts'

/** A strong ETag for a record version: the version number in quotes. */
export function etag(version: number): string {
  return `"${version}"`
}

export function sendEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etag(version))
}

/** Thrown when a write comes without If-Match: 428, so a client cannot overwrite blindly. */
class PreconditionRequired extends Error {
  readonly statusCode = 428
  readonly code = 'precondition-required'
}

/**
 * The version the client read, from If-Match (`"7"`, `W/"7"` or `7`). Writes to a programme, its
 * nodes and milestones all require it; a wrong one becomes 409 stale-version in the store.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match']
  if (header === undefined || header === '') {
    throw new PreconditionRequired(
      'Send If-Match with the ETag you read (e.g. If-Match: "3"), so that nobody’s change is overwritten.',
    )
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
  if (match?.[1] === undefined) {
    throw new DomainError(
      'invalid-input',
      `If-Match must be an ETag this API returned, e.g. "3"; got ${header}.`,
      {
        errors: [{ in: 'header', pointer: '#/if-match', detail: 'Not an ETag of this API' }],
      },
    )
  }
  return Number(match[1])
}
