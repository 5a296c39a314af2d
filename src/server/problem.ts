import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { DomainError, type DomainErrorCode, type FieldProblem } from '../domain/errors.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import { methodNotAllowed } from './allowed-methods.ts'
import { clientErrorTitle, frameworkProblem } from './framework-problems.ts'
import { type ProblemBody, type ProblemIssue, problemTypeBase, sendProblem } from './problem-body.ts'

const problems: Record<DomainErrorCode, { status: number; title: string }> = {
  'not-found': { status: 404, title: 'Not found' },
  forbidden: { status: 403, title: 'Not allowed' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  'invalid-input': { status: 400, title: 'Invalid request' },
  'stale-version': { status: 409, title: 'Changed by someone else' },
  'precondition-required': { status: 428, title: 'If-Match required' },
  conflict: { status: 409, title: 'Conflict' },
  'invalid-state': { status: 409, title: 'Not possible in the current state' },
}

const locations: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'path',
  headers: 'header',
}

function validationProblem(error: FastifyError): ProblemBody {
  const where = locations[error.validationContext ?? 'body'] ?? 'body'
  const issues: ProblemIssue[] = (error.validation ?? []).map((issue) => {
    const keys = (issue.params as { keys?: unknown }).keys
    const field =
      Array.isArray(keys) && issue.instancePath === '/' ? `/${keys.join(',')}` : issue.instancePath
    return { in: where, pointer: `#${field === '/' ? '' : field}`, detail: issue.message ?? 'Invalid value' }
  })
  const detail = issues
    .map((issue) => `${issue.pointer === '#' ? where : issue.pointer.slice(2)}: ${issue.detail}`)
    .join('; ')
  return {
    type: `${problemTypeBase}invalid-input`,
    title: 'Invalid request',
    status: 400,
    detail: `The ${where === 'query' ? 'query' : where} is not valid. ${detail}`,
    errors: issues,
  }
}

/** Renders every error as RFC 9457 problem+json. 5xx answers never echo internal messages. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const { status, title } = problems[error.code]
      return sendProblem(reply, request, {
        type: `${problemTypeBase}${error.code}`,
        title,
        status,
        detail: error.message,
        extensions: error.details,
      })
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, request, validationProblem(error))
    }
    const refusal = frameworkProblem(error, request)
    if (refusal !== undefined) {
      return sendProblem(reply, request, refusal)
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return sendProblem(reply, request, {
        type: `${problemTypeBase}${error.code === 'rate-limited' ? 'rate-limited' : 'invalid-input'}`,
        title:
          status === 429
            ? 'Too many requests'
            : status === 400
              ? 'Invalid request'
              : clientErrorTitle(status),
        status,
        detail: error.message,
      })
    }
    if (isUniqueViolation(error)) {
      // The safety net for a race no command foresaw: two writers of the same key at once. The
      // transaction rolled back, so nothing changed; the writer may reload and try again.
      return sendProblem(reply, request, {
        type: `${problemTypeBase}conflict`,
        title: problems.conflict.title,
        status: 409,
        detail: 'Someone else has just recorded the same thing. Nothing was changed; reload and try again.',
      })
    }
    request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, request, {
      type: `${problemTypeBase}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side. It has been logged; try again later.',
    })
  })

  // No route for this method: a 405 with Allow when the path has routes for other methods.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    const wrongMethod = methodNotAllowed(app, request.method, path)
    if (wrongMethod !== undefined) {
      reply.header('allow', wrongMethod.allow)
      return sendProblem(reply, request, wrongMethod.problem)
    }
    return sendProblem(reply, request, {
      type: `${problemTypeBase}not-found`,
      title: 'Not found',
      status: 404,
      detail: `There is no ${request.method} ${path}.`,
    })
  })
}

/** Zod issues as field problems, for a record that is checked again after merging a partial change. */
export function problemsFromZod(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldProblem[] {
  return issues.map((issue) => ({ pointer: `#/${issue.path.map(String).join('/')}`, detail: issue.message }))
}
