import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { Problem } from '../../contract/common.ts'
import { Liveness, Readiness } from '../../contract/health.ts'
import type { Db } from '../../store/database.ts'
import { problemTypeBase, sendProblem } from '../problem-body.ts'
import { checkReadiness, type ShutdownState } from './readiness.ts'

/**
 * Probes for process managers and load balancers, outside /api/v1 and without a session: they say
 * nothing about data. Never cached, so a probe always sees the present state.
 */
export async function healthRoutes(
  app: FastifyInstance,
  { db, shutdown }: { db: Db; shutdown: ShutdownState },
) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  // Any close (a signal, a test) marks the instance as draining before Fastify stops accepting.
  app.addHook('preClose', async () => {
    shutdown.draining = true
  })

  api.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        description: 'Does not touch the database, so a slow database never gets a live process restarted.',
        security: [],
        response: { 200: Liveness },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return { status: 'ok' as const }
    },
  )

  api.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and its schema is current',
        description:
          '503 while the database is unreachable, a migration is pending, or the server is shutting down.',
        security: [],
        response: { 200: Readiness, 503: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const result = await checkReadiness(db, shutdown)
      if (!result.ready) {
        request.log.warn({ reason: result.reason }, 'not ready')
        return sendProblem(reply, request, {
          type: `${problemTypeBase}not-ready`,
          title: 'Not ready',
          status: 503,
          detail: result.reason,
        })
      }
      return { status: 'ready' as const, engine: db.engine, migrations: result.migrations }
    },
  )
}
