import { maxHeaderSize, ServerResponse, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError } from 'fastify'
import type { ShellProblemCode } from './framework-problems.ts'
import { problemTypeBase } from './problem-body.ts'

interface RawProblem {
  readonly status: number
  readonly code: ShellProblemCode
  readonly title: string
  readonly detail: string
}

/** What Node's HTTP parser refused, numbered as Node itself would (lib/_http_server.js). */
function rawProblemOf(error: ConnectionError): RawProblem {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'headers-too-large',
        title: 'Request line and headers too large',
        detail: `The request line and headers together are larger than the ${maxHeaderSize / 1024} KiB this server reads; shorten the query or send fewer or shorter headers.`,
      }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        code: 'body-too-large',
        title: 'Body too large',
        detail: 'The chunk extensions of the body are larger than this server reads.',
      }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'request-timeout',
        title: 'Request timeout',
        detail: 'The request was not received completely in time; send it again.',
      }
    default:
      return {
        status: 400,
        code: 'malformed-request',
        title: 'Malformed HTTP request',
        detail: `The request is not valid HTTP/1.1${reasonOf(error)}; nothing was done.`,
      }
  }
}

/** llhttp's reason is a fixed phrase about the request's syntax ("Invalid header token"). */
function reasonOf(error: ConnectionError): string {
  const reason = (error as { reason?: unknown }).reason
  return typeof reason === 'string' && /^[\x20-\x7e]{1,100}$/.test(reason) ? ` (${reason})` : ''
}

/** The whole HTTP/1.1 answer: status line, headers (as on every other answer) and the problem. */
function rawProblemResponse(problem: RawProblem, headers: ReadonlyArray<readonly [string, string]>): string {
  const body = JSON.stringify({
    type: `${problemTypeBase}${problem.code}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
  })
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`,
    'content-type: application/problem+json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    '',
    body,
  ].join('\r\n')
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses some requests (headers over 16 KiB,
 * broken syntax, a body not framed as its headers say) before Fastify sees a request, so no reply
 * exists; the answer is written on the socket itself, then the connection closed.
 */
export function clientErrorHandler(
  headers: ReadonlyArray<readonly [string, string]>,
): (error: ConnectionError, socket: Socket) => void {
  return (error, socket) => {
    // A reset or closed connection has no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) {
      return
    }
    const answer = () => {
      const inFlight: unknown = Reflect.get(socket, '_httpMessage')
      const answering =
        inFlight instanceof ServerResponse && inFlight.headersSent && !inFlight.writableFinished
      if (socket.writable && !answering) {
        socket.end(rawProblemResponse(rawProblemOf(error), headers), () => socket.destroy())
        // A client that never reads would hold the connection open: closed after a grace period.
        setTimeout(() => socket.destroy(), 10_000).unref()
      } else {
        socket.destroy()
      }
    }
    // A request received whole before the broken bytes may still be answering on this socket: its
    // answer goes first, whole (HTTP/1.1 answers in order), then this one. Node's own handler would
    // drop that answer, or corrupt it with a second status line. When the broken bytes are that
    // request's own body, it will never be complete: it is answered by this problem, now.
    const inFlight: unknown = Reflect.get(socket, '_httpMessage')
    if (inFlight instanceof ServerResponse && !inFlight.writableFinished && inFlight.req.complete) {
      inFlight.once('finish', answer)
      inFlight.once('close', () => {
        if (!inFlight.writableFinished) socket.destroy()
      })
      return
    }
    answer()
  }
}
