import type { Socket } from 'node:net'
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Problem } from '../../contract/common.ts'
import { ProposalParams } from '../../contract/proposal.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Db } from '../../store/database.ts'
import { findVisibleProposal } from '../../store/proposal-store.ts'
import type { ProposalChange, ProposalChangeFeed } from './live/change-feed.ts'

/** One SSE frame announcing a change: only the id and version, so nothing hidden can travel. */
export function changedFrame(change: ProposalChange): string {
  return `event: changed\ndata: ${JSON.stringify({ id: change.id, version: change.version })}\n\n`
}

/**
 * `GET /api/v1/proposals/{id}/events`: Server-Sent Events for a proposal's page. The caller must
 * see the proposal (404 otherwise, alike for hidden and missing) and is checked again on every
 * change, so a proposal that becomes hidden ends its stream. A comment every `heartbeatMs` keeps
 * proxies from closing an idle stream.
 */
export async function proposalEventsRoute(
  app: FastifyInstance,
  { db, feed, heartbeatMs }: { db: Db; feed: ProposalChangeFeed; heartbeatMs: number },
) {
  // Streams never end by themselves: a stopping server ends them, or its close would wait forever.
  const open = new Set<PassThrough>()
  const sockets = new Set<Socket>()
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end()
    for (const socket of sockets) socket.destroy()
  })
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/proposals/:id/events',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Follow a proposal’s changes (Server-Sent Events)',
        description: `A text/event-stream: \`event: changed\` with \`data: {"id","version"}\` each time the proposal changes (a position, silence broken, adoption, withdrawal, an edit), and a comment line every ${Math.round(heartbeatMs / 1000)} s. No content is sent: the page reads the proposal again.`,
        params: ProposalParams,
        produces: ['text/event-stream'],
        response: {
          200: z.unknown().meta({ description: 'text/event-stream' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { principal } = request
      const { id } = request.params
      // Tracked from the start: a stopping server destroys it even if the client left mid-check.
      const socket = request.raw.socket
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
      if ((await findVisibleProposal(db.kysely, principal, id)) === null) {
        throw new DomainError('not-found', `No proposal has the id ${id}.`)
      }
      const stream = new PassThrough()
      let queue = Promise.resolve()
      const unsubscribe = feed.subscribe(id, (change) => {
        // In order, each after checking the caller may still see the proposal.
        queue = queue.then(async () => {
          const visible = await findVisibleProposal(db.kysely, principal, id).catch(() => null)
          if (visible === null) stream.end()
          else stream.write(changedFrame(change))
        })
      })
      const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), heartbeatMs)
      open.add(stream)
      const close = () => {
        clearInterval(heartbeat)
        unsubscribe()
        open.delete(stream)
        stream.end()
      }
      // The response's close: the client went away (the request's own fires once it is read).
      reply.raw.on('close', close)
      stream.on('close', close)
      stream.write('retry: 3000\n: connected\n\n')
      return (
        reply
          .type('text/event-stream; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no')
          // The socket closes with the stream: never left as an idle keep-alive a stopping server waits on.
          .header('connection', 'close')
          .send(stream)
      )
    },
  )
}
