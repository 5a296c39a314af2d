import type { FastifyReply, FastifyRequest } from 'fastify'
import { requestLocale } from './i18n.ts'
import { localizedTitle } from './problem-title.ts'

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
  const locale = requestLocale(request)
  return reply
    .code(body.status)
    .type('application/problem+json')
    .header('content-language', locale)
    .send({
      ...extensions,
      ...standard,
      title: localizedTitle(locale, body.title),
      instance: request.url,
      requestId: request.id,
    })
}
