import type { FastifyInstance } from 'fastify'
import type { Db } from '../../store/database.ts'
import { problemTypeBase, sendProblem } from '../problem-body.ts'
import { metricsAccess } from './access.ts'
import { createMetrics } from './collectors.ts'

/**
 * Prometheus metrics at /metrics (text exposition format): requests and latency by route pattern
 * and status class, database pool or file size, and Node's process metrics. Not in the OpenAPI
 * document: it is for the operator's scraper, not API clients. Call before any route is registered,
 * so the hook sees every route.
 */
export function registerMetrics(app: FastifyInstance, db: Db, token: string | undefined): void {
  const metrics = createMetrics(db)
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000)
  })
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const access = metricsAccess(request, token)
    if (access === 'token-required') {
      reply.header('www-authenticate', 'Bearer realm="metrics"')
      return sendProblem(reply, request, {
        type: `${problemTypeBase}unauthenticated`,
        title: 'Metrics token required',
        status: 401,
        detail: 'Send Authorization: Bearer with the token set in LIAISON_METRICS_TOKEN.',
      })
    }
    if (access === 'loopback-only') {
      return sendProblem(reply, request, {
        type: `${problemTypeBase}metrics-restricted`,
        title: 'Metrics are local only',
        status: 403,
        detail: 'Without LIAISON_METRICS_TOKEN, /metrics answers only direct requests from the server host.',
      })
    }
    const text = await metrics.registry.metrics()
    return reply.type(metrics.registry.contentType).send(text)
  })
}
