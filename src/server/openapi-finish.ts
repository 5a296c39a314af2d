/** The parts of an OpenAPI document that the finishing pass reads and writes. */
interface Operation {
  operationId?: string
  security?: Array<Record<string, string[]>>
  responses?: Record<string, { content?: Record<string, unknown> }>
}

type Document = { paths?: Record<string, Record<string, Operation>> }

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
 * (as the public), every other write needs the session cookie.
 */
export function finishDocument<T extends object>(document: T): T {
  const paths = (document as Document).paths ?? {}
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.has(method)) {
        continue
      }
      operation.operationId ??= operationIdOf(method, path)
      const signIn = path === '/api/v1/session' && method !== 'delete'
      operation.security ??= method === 'get' || signIn ? [{}, { session: [] }] : [{ session: [] }]
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const content = response.content
        if (Number(status) >= 400 && content !== undefined) {
          // Routes that produce CSV or iCalendar document their errors under that type too.
          const schema =
            content['application/json'] ?? content['application/problem+json'] ?? Object.values(content)[0]
          response.content = { 'application/problem+json': schema }
        }
      }
    }
  }
  return document
}
