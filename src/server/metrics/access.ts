import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

export type MetricsAccess = 'allowed' | 'token-required' | 'loopback-only'

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * Who may read /metrics. With LIAISON_METRICS_TOKEN set: whoever sends `Authorization: Bearer
 * <token>`, from anywhere. Without it: only direct connections from this host. A request that came
 * through a proxy (it carries X-Forwarded-For or Forwarded) is not direct even when the proxy sits
 * on this host, since it may be relaying anyone. The socket address is used, never request.ip,
 * which a trusted proxy's header sets.
 */
export function metricsAccess(request: FastifyRequest, token: string | undefined): MetricsAccess {
  if (token !== undefined && token !== '') {
    return bearerMatches(request.headers.authorization, token) ? 'allowed' : 'token-required'
  }
  const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined
  const direct = loopback.has(request.socket.remoteAddress ?? '')
  return direct && !proxied ? 'allowed' : 'loopback-only'
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  const sent = Buffer.from(match?.[1] ?? '')
  const expected = Buffer.from(token)
  // Compared in constant time so the answer's timing says nothing about how much of it was right.
  return sent.length === expected.length && timingSafeEqual(sent, expected)
}
