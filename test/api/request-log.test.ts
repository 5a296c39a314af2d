import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

/**
 * With logging on, every answered request is one JSON line with method, route pattern, status,
 * duration, request id and username, and never a cookie, password or calendar token. Every answer
 * carries X-Request-Id, problem bodies repeat it, and a client's own X-Request-Id is believed only
 * from a configured proxy.
 */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

interface LogLine {
  readonly msg: string
  readonly requestId?: string
  readonly method?: string
  readonly route?: string
  readonly status?: number
  readonly durationMs?: number
  readonly user?: string | null
}

function capture(): { lines: string[]; stream: { write(line: string): void } } {
  const lines: string[] = []
  return { lines, stream: { write: (line) => lines.push(line) } }
}

function requestLines(lines: string[]): LogLine[] {
  return lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.msg === 'request')
}

describe.each(engines)('request logs on %s', (engine) => {
  let server: TestServer
  const log = capture()

  beforeAll(async () => {
    server = await startTestServer(engine, { logger: true, logStream: log.stream })
  })
  afterAll(async () => {
    await server.close()
  })

  it('writes one JSON line per request with route, status, duration, id and user; no secrets', async () => {
    const cookie = await server.signIn('staff')
    const feed = await fetch(`${server.url}/api/v1/calendar-feed`, { method: 'POST', headers: { cookie } })
    const { token } = (await feed.json()) as { token: string }
    const ics = await fetch(`${server.url}/api/v1/calendar/${token}/partners/JPN.ics`)
    expect(ics.status).toBe(200)
    const response = await fetch(`${server.url}/api/v1/partners/JPN`, { headers: { cookie } })
    expect(response.status).toBe(200)
    const id = response.headers.get('x-request-id') ?? ''
    expect(id).toMatch(uuid)
    const line = requestLines(log.lines).find((each) => each.requestId === id)
    expect(line).toMatchObject({
      method: 'GET',
      route: '/api/v1/partners/:code',
      status: 200,
      user: 'staff',
    })
    expect(line?.durationMs).toEqual(expect.any(Number))
    const signIn = requestLines(log.lines).find((each) => each.route === '/api/v1/session')
    expect(signIn).toMatchObject({ method: 'POST', status: 200 })
    const everything = log.lines.join('\n')
    expect(everything).not.toContain(testPassword)
    expect(everything).not.toContain(cookie.split('=')[1] ?? cookie)
    expect(everything).not.toMatch(/cookie|authorization|password/i)
    // A calendar feed's URL is its secret: the log names the route pattern, never the token.
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(everything).not.toContain(token)
    expect(requestLines(log.lines).map((each) => each.route)).toContain(
      '/api/v1/calendar/:token/partners/:file',
    )
  })

  it('gives every request its own id and repeats it in a problem body', async () => {
    const response = await fetch(`${server.url}/api/v1/partners/XXX`, {
      headers: { 'x-request-id': 'chosen-by-client' },
    })
    expect(response.status).toBe(404)
    const id = response.headers.get('x-request-id') ?? ''
    expect(id).toMatch(uuid)
    expect(((await response.json()) as { requestId: string }).requestId).toBe(id)
    const other = await fetch(`${server.url}/healthz`)
    expect(other.headers.get('x-request-id')).not.toBe(id)
    expect(requestLines(log.lines).find((each) => each.requestId === id)).toMatchObject({ status: 404 })
  })
})

describe('request ids behind a trusted proxy', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('sqlite', { trustProxy: '127.0.0.1' })
  })
  afterAll(async () => {
    await server.close()
  })

  it("keeps the proxy's well-formed X-Request-Id and replaces a malformed one", async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'edge-7f3a.42' } })
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.42')
    const forged = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'a b;c=d' } })
    expect(forged.headers.get('x-request-id')).toMatch(uuid)
  })
})

describe('logging off', () => {
  it('writes nothing when the logger is off, and still sends X-Request-Id', async () => {
    const log = capture()
    const server = await startTestServer('sqlite', { logger: false, logStream: log.stream })
    try {
      const response = await fetch(`${server.url}/healthz`)
      expect(response.headers.get('x-request-id')).toMatch(uuid)
      expect(log.lines).toEqual([])
    } finally {
      await server.close()
    }
  })
})
