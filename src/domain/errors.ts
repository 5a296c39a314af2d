/** The closed set of reasons a domain operation can refuse. The server maps each to an HTTP status. */
export type DomainErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid-input'
  | 'stale-version'
  | 'conflict'
  | 'invalid-state'

/** A refusal with a reason a person can act on; never carries internal details. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

/** The 409 answer to a write whose expected version is not the stored one; nothing was written. */
export function staleVersion(what: string, current: number): DomainError {
  return new DomainError(
    'stale-version',
    `The ${what} was changed by someone else (it is now version ${current}). Reload it, reapply your change and send it again.`,
    { currentVersion: current },
  )
}
