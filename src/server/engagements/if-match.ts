import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.ts'

/** The strong entity tag of a record version, e.g. "3". */
export function etagOf(version: number): string {
  return `"${version}"`
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version))
}

/**
 * The version the client last read, from If-Match. Writes without it are refused, so that nobody
 * overwrites a change they never saw.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match']
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null
  if (match === null) {
    throw new DomainError(
      'invalid-input',
      'Send the If-Match header with the ETag you read (e.g. If-Match: "3"), so that a change made meanwhile is not overwritten.',
      {
        errors: [
          { in: 'header', pointer: '#/if-match', detail: 'Required: the ETag of the version you read' },
        ],
      },
    )
  }
  return Number(match[1])
}
