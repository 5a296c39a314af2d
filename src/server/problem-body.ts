import type { FastifyReply, FastifyRequest } from 'fastify'

/** Where each error code is explained (/api/docs/errors); the fragment names the code. */
export const problemTypeBase = '/api/docs/errors#'

export interface ProblemIssue {
  readonly in: string
  readonly pointer: string
  readonly detail: string
}

/** An RFC 9457 problem as the API answers it. */
export interface ProblemBody {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: ProblemIssue[]
  /** Extension members (RFC 9457 §3.2), e.g. the current version on a 409. */
  readonly extensions?: Readonly<Record<string, unknown>>
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: ProblemBody) {
  const { extensions, ...standard } = body
  return reply
    .code(body.status)
    .type('application/problem+json')
    .send({ ...extensions, ...standard, instance: request.url, requestId: request.id })
}
