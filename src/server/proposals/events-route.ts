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
import { openStreams } from './live/open-streams.ts'

/** One SSE frame announcing a change: only the id and version, so nothing hidden can travel. */
export function changedFrame(change: ProposalChange): string {
  return `event: changed\ndata: ${JSON.stringify({ id: change.id, version: change.version })}\n\n`
}

/** Tells the browser to reconnect after 3 s (to this or another instance) when a stream ends. */
const prelude = 'retry: 3000\n: connected\n\n'

/**
 * `GET /api/v1/proposals/{id}/events`: Server-Sent Events for a proposal's page. The caller must
 * see the proposal (404 otherwise, alike for hidden and missing) and is checked again on every
 * change, so a proposal that becomes hidden ends its stream. A comment every `heartbeatMs` keeps
 * proxies from closing an idle stream. A stream ends when its client goes away, and every stream
 * ends when the app closes (before the server waits for its connections).
 */
export async function proposalEventsRoute(
  app: FastifyInstance,
  { db, feed, heartbeatMs }: { db: Db; feed: ProposalChangeFeed; heartbeatMs: number },
) {
  const streams = openStreams()
  app.addHook('preClose', async () => streams.closeAll())
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
      // Listened to before the visibility check, so a client that leaves during it is not missed.
      let gone = false
      reply.raw.once('close', () => {
        gone = true
      })
      if ((await findVisibleProposal(db.kysely, principal, id)) === null) {
        throw new DomainError('not-found', `No proposal has the id ${id}.`)
      }
      const stream = new PassThrough()
      stream.write(prelude)
      let unsubscribe = () => {}
      let heartbeat: NodeJS.Timeout | undefined
      const end = () => {
        clearInterval(heartbeat)
        unsubscribe()
        streams.forget(stop)
        stream.end()
      }
      // A stopping server ends the stream; a client that reads nothing more cannot hold its socket.
      const socket = request.raw.socket
      const stop = () => {
        end()
        setTimeout(() => socket.destroy(), 1_000).unref()
      }
      // A client already gone, or a server stopping: the answer ends with its prelude.
      if (!gone && streams.track(stop)) {
        let queue = Promise.resolve()
        unsubscribe = feed.subscribe(id, (change) => {
          // In order, each after checking the caller may still see the proposal.
          queue = queue.then(async () => {
            const visible = await findVisibleProposal(db.kysely, principal, id).catch(() => null)
            if (visible === null) end()
            else stream.write(changedFrame(change))
          })
        })
        heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), heartbeatMs).unref()
        // The response's close: the client went away (the request's own fires once it is read).
        reply.raw.once('close', end)
      } else {
        stream.end()
      }
      return (
        reply
          .type('text/event-stream; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no')
          // The socket closes with the stream: never left as a keep-alive a stopping server waits on.
          .header('connection', 'close')
          .send(stream)
      )
    },
  )
}
