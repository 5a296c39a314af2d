/** The closed set of reasons a domain operation can refuse. The server maps each to an HTTP status. */
export type DomainErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid-input'
  | 'stale-version'
  | 'precondition-required'
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

/**
 * A refusal's reason as plain data: what policy checks return. Cheap where an Error is not (no stack
 * is captured), because `allows` asks for one per action per row of every list page to compute its
 * abilities; `authorize` throws it as a DomainError.
 */
export interface Refusal {
  readonly code: DomainErrorCode
  readonly message: string
  readonly details?: Readonly<Record<string, unknown>>
}

export function refuse(
  code: DomainErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Refusal {
  return details === undefined ? { code, message } : { code, message, details }
}

/** The 409 answer to a write whose expected version is not the stored one; nothing was written. */
export function staleVersion(what: string, current: number): DomainError {
  return new DomainError(
    'stale-version',
    `The ${what} was changed by someone else (it is now version ${current}). Reload it, reapply your change and send it again.`,
    { currentVersion: current },
  )
}

/** One thing wrong with a request, located by a JSON pointer such as "#/marking/classification". */
export interface FieldProblem {
  readonly pointer: string
  readonly detail: string
}

/** The 400 answer listing every problem of a submitted record, e.g. "The statement is not valid. title: …". */
export function invalidInput(what: string, problems: readonly FieldProblem[]): DomainError {
  const summary = problems.map((problem) => `${problem.pointer.slice(2)}: ${problem.detail}`).join('; ')
  return new DomainError('invalid-input', `The ${what} is not valid. ${summary}`, { errors: problems })
}
