/** The parts of an OpenAPI document that the finishing pass reads and writes. */
interface Response {
  description?: string
  content?: Record<string, { schema?: unknown }>
  headers?: Record<string, unknown>
  $ref?: string
}

interface Operation {
  operationId?: string
  security?: Array<Record<string, string[]>>
  requestBody?: unknown
  responses?: Record<string, Response>
}

type Document = {
  paths?: Record<string, Record<string, Operation>>
  components?: { responses?: Record<string, Response> }
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }

/**
 * Answers of the HTTP shell that no route schema states: a method a path does not list (405), and
 * a body the API cannot read (413, 415) on every operation that takes one.
 */
const shellResponses: Record<string, Response> = {
  MethodNotAllowed: {
    description: 'The path does not answer this method; Allow lists the methods it answers.',
    headers: {
      Allow: { description: 'The methods of the path, e.g. `GET, HEAD, POST`.', schema: { type: 'string' } },
    },
    content: problemContent,
  },
  BodyTooLarge: { description: 'The body is larger than 1 MiB.', content: problemContent },
  UnsupportedMediaType: { description: 'The body is not sent as application/json.', content: problemContent },
}

const contentDisposition = {
  'Content-Disposition': {
    description: 'attachment, with the file name to save the download under.',
    schema: { type: 'string', example: 'attachment; filename="jpn-itpp-2023.pdf"' },
  },
}

/** A 2xx answer that is a file (a document, CSV, iCalendar), not JSON nor an event stream. */
function isDownload(status: string, response: Response): boolean {
  const types = Object.keys(response.content ?? {})
  return (
    status.startsWith('2') &&
    types.length > 0 &&
    !types.some((type) => type.endsWith('json') || type === 'text/event-stream')
  )
}

/** Binary files (DOCX, PDF) have no JSON Schema type: OpenAPI 3.1 describes them by media type alone. */
function isText(mediaType: string): boolean {
  return mediaType.startsWith('text/')
}

const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options'])

/** getPartnersByCode from GET /api/v1/partners/{code}: stable and unique per method and path. */
function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split(/[/.{}-]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  return `${method}${words.join('')}`
}

/**
 * Fills what the route schemas cannot say: errors are problem+json (not JSON), every operation
 * has a unique operationId, and a `security` entry: reads and sign-in work without a session
 * (as the public), every other write needs the session cookie. Downloads state their
 * Content-Disposition and their files' media types; the shell's 405, 413 and 415 are described.
 */
export function finishDocument<T extends object>(document: T): T {
  const finished = document as Document
  finished.components = {
    ...finished.components,
    responses: { ...finished.components?.responses, ...shellResponses },
  }
  const paths = finished.paths ?? {}
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.has(method)) {
        continue
      }
      operation.operationId ??= operationIdOf(method, path)
      const signIn = path === '/api/v1/session' && method !== 'delete'
      operation.security ??= method === 'get' || signIn ? [{}, { session: [] }] : [{ session: [] }]
      if (operation.requestBody !== undefined) {
        operation.responses = {
          ...operation.responses,
          413: { $ref: '#/components/responses/BodyTooLarge' },
          415: { $ref: '#/components/responses/UnsupportedMediaType' },
        }
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (isDownload(status, response)) {
          response.headers = { ...response.headers, ...contentDisposition }
          for (const [mediaType, entry] of Object.entries(response.content ?? {})) {
            if (!isText(mediaType)) {
              delete entry.schema
            }
          }
        }
        const content = response.content
        if (Number(status) >= 400 && content !== undefined) {
          // Routes that produce CSV or iCalendar document their errors under that type too.
          const media =
            content['application/json'] ?? content['application/problem+json'] ?? Object.values(content)[0]
          response.content = {
            'application/problem+json': media ?? problemContent['application/problem+json'],
          }
        }
      }
    }
  }
  return document
}
