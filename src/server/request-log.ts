import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'

/** What a request id from a proxy may look like: short, printable, nothing that could forge a log line. */
const acceptableId = /^[A-Za-z0-9._:@-]{1,128}$/

/**
 * Request ids: a proxy's X-Request-Id is kept only when a proxy is configured (LIAISON_TRUST_PROXY)
 * and the id is well-formed, so one trace spans proxy and app; otherwise, and for a direct client
 * (who could choose an id to confuse the logs), a fresh UUID.
 */
export function requestIdOptions(proxyTrusted: boolean): Partial<FastifyServerOptions> {
  return {
    requestIdHeader: false,
    // The one line per request below replaces Fastify's two (which log the raw URL, and with it
    // calendar tokens).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (request: IncomingMessage) => {
      const sent = request.headers['x-request-id']
      return proxyTrusted && typeof sent === 'string' && acceptableId.test(sent) ? sent : randomUUID()
    },
  }
}

/**
 * Echoes the request id in X-Request-Id and logs one JSON line per answered request: method, route
 * pattern (never the URL, which may hold a calendar token), status, duration and who asked, with its `requestId`. No
 * header, cookie or body is logged. Register before the routes so every route gets the hooks.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        user: request.principal.username,
      },
      'request',
    )
  })
}
