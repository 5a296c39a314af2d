import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { type ProblemBody, problemTypeBase, sendProblem } from './problem-body.ts'

/** Problem codes of the HTTP shell: refusals raised before any route of ours runs. */
export type ShellProblemCode =
  | 'method-not-allowed'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'uri-too-long'
  | 'headers-too-large'
  | 'malformed-request'
  | 'request-timeout'

interface Refusal {
  readonly code: ShellProblemCode | 'invalid-input'
  readonly title: string
  readonly detail: (request: FastifyRequest) => string
}

function contentTypeOf(request: FastifyRequest): string {
  const type = request.headers['content-type']
  return type === undefined || type === '' ? 'no Content-Type' : `Content-Type '${type.slice(0, 100)}'`
}

function sizeOf(bytes: number | undefined): string {
  if (bytes === undefined) return 'size'
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : `${Math.round(bytes / 1024)} KiB`
}

/**
 * Fastify's own errors by code, in words a client can act on. Fastify's messages name its internals
 * ("content-type parser") or nothing at all ("Unsupported Media Type"); these say what to send.
 */
const refusals: Readonly<Record<string, Refusal>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: (request) =>
      `This API reads request bodies as application/json; this one was sent with ${contentTypeOf(request)}.`,
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body-too-large',
    title: 'Body too large',
    detail: (request) =>
      `The body is larger than the ${sizeOf(request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit)} this ${request.url.startsWith('/api/v1/imports') ? 'import' : 'API'} accepts.`,
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid-input',
    title: 'Invalid request',
    detail: () =>
      'The body is empty but Content-Type says application/json: send a JSON body, or leave out Content-Type.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid-input',
    title: 'Invalid request',
    detail: () =>
      'The body is not valid JSON, or holds a __proto__ or constructor.prototype key, which this API refuses.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid-input',
    title: 'Invalid request',
    detail: () => 'The body is not as long as its Content-Length header says.',
  },
  FST_ERR_BAD_URL: {
    code: 'invalid-input',
    title: 'Invalid request',
    detail: () =>
      'The path is not valid percent-encoding: every %XX sequence must decode to UTF-8 (RFC 3986).',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'uri-too-long',
    title: 'Path segment too long',
    detail: () => 'A segment of the path is longer than the 100 characters any id or code of this API has.',
  },
}

/**
 * The problem for an error that Fastify raised itself (parsing the body, routing the URL), or
 * undefined when the error is not one of its known 4xx refusals.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest): ProblemBody | undefined {
  const refusal = error.code === undefined ? undefined : refusals[error.code]
  if (refusal === undefined) {
    return undefined
  }
  const status = error.statusCode ?? 400
  return {
    type: `${problemTypeBase}${refusal.code}`,
    title: refusal.title,
    status,
    detail: refusal.detail(request),
  }
}

/** The title of a 4xx without a code we know: its status's own words. */
export function clientErrorTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Invalid request'
}

/**
 * Fastify's `frameworkErrors` option: a malformed percent-encoding (400) and an over-long path
 * parameter (414) are found by the router before any route, so before the hooks that add the
 * security headers; Fastify would answer them as plain JSON of its own making.
 */
export function frameworkErrors(
  headers: ReadonlyArray<readonly [string, string]>,
): NonNullable<FastifyServerOptions['frameworkErrors']> {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode ?? 400
    const problem = frameworkProblem(error, request) ?? {
      type: `${problemTypeBase}invalid-input`,
      title: clientErrorTitle(status),
      status,
      detail: 'The request URL could not be routed.',
    }
    for (const [name, value] of headers) {
      reply.header(name, value)
    }
    sendProblem(reply, request, problem)
  }
}
