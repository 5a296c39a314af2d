import type { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { engines } from '../support/databases.ts'
import { databaseFingerprint } from '../support/db-fingerprint.ts'
import { type RawAnswer, rawExchange } from '../support/raw-http.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/**
 * The HTTP shell: a wrong method, and every refusal that Fastify's router and body parsers or
 * Node's HTTP parser make before a route of ours runs, is an RFC 9457 problem+json with a type
 * the error catalogue explains, and the security headers of every other answer.
 */

const ShellProblem = z.object({
  type: z.string().regex(/^\/api\/docs\/errors#[a-z-]+$/),
  title: z.string().min(1),
  status: z.number().int(),
  detail: z.string().min(20),
})

/** Bytes of a request with the usual headers; `head` is the request line and extra headers. */
function wire(head: string, body = ''): string {
  return `${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n${body}`
}

const jsonPost = (length: number | string) =>
  `POST /api/v1/session HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${length}`

describe.each(engines)('the HTTP shell on %s', (engine) => {
  let server: TestServer
  let staff = ''
  let catalogue = ''

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    catalogue = await (await fetch(`${server.url}/api/docs/errors`)).text()
  })
  afterAll(() => server.close())

  /** A problem+json answer with the status and code, explained in the catalogue, with our headers. */
  function expectProblem(
    answer: { status: number; header: (name: string) => string | undefined; body: string },
    status: number,
    code: string,
  ): z.infer<typeof ShellProblem> {
    expect(answer.status, answer.body).toBe(status)
    expect(answer.header('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(answer.header('x-content-type-options')).toBe('nosniff')
    expect(answer.header('content-security-policy')).toContain("frame-ancestors 'none'")
    const problem = ShellProblem.parse(JSON.parse(answer.body))
    expect(problem.status).toBe(status)
    expect(problem.type).toBe(`/api/docs/errors#${code}`)
    expect(catalogue, `the catalogue explains ${code}`).toContain(`id="${code}"`)
    return problem
  }

  async function fetched(path: string, init: RequestInit = {}) {
    const response = await fetch(`${server.url}${path}`, init)
    const body = await response.text()
    return {
      status: response.status,
      header: (name: string) => response.headers.get(name) ?? undefined,
      body,
    }
  }

  const fromWire = (answer: RawAnswer | undefined) => ({
    status: answer?.status ?? 0,
    header: (name: string) => answer?.headers.get(name),
    body: answer?.body ?? '',
  })

  /** The one answer to raw bytes, after which the server closed the connection. */
  async function rawOnly(request: string, options: { halfClose?: boolean } = {}) {
    const { answers, wire: text } = await rawExchange(server.url, request, options)
    expect(answers.length, text).toBe(1)
    return fromWire(answers[0])
  }

  describe('a wrong method', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['PUT', '/api/v1/partners', 'GET, HEAD, POST'],
      ['DELETE', '/api/v1/partners/JPN', 'GET, HEAD, PATCH'],
      ['OPTIONS', '/api/v1/engagements', 'GET, HEAD, POST'],
      ['PUT', '/api/v1/session', 'GET, HEAD, POST, DELETE'],
      ['GET', '/api/v1/programmes/jpn-itpp-2023/nodes', 'POST'],
      ['POST', '/api/v1/statements/any-id/associations/JPN', 'PUT, DELETE'],
      ['PATCH', '/api/v1/programmes/jpn-itpp-2023/document.pdf', 'GET, HEAD'],
    ]
    it.each(cases)('%s %s is a 405 with Allow: %s, changing nothing', async (method, path, allow) => {
      const before = await databaseFingerprint(server.db)
      const answer = await fetched(path, {
        method,
        headers: { cookie: staff, 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      })
      const problem = expectProblem(answer, 405, 'method-not-allowed')
      expect(answer.header('allow')).toBe(allow)
      expect(problem.detail).toContain(method)
      expect(await databaseFingerprint(server.db)).toBe(before)
    })

    it('is a 405 on a client route of the web app, which answers GET', async () => {
      const answer = await fetched('/programmes/jpn-itpp-2023', { method: 'POST' })
      expectProblem(answer, 405, 'method-not-allowed')
      expect(answer.header('allow')).toBe('GET, HEAD')
    })

    it('leaves an unknown API path a 404 for every method, without Allow', async () => {
      for (const method of ['GET', 'DELETE', 'POST']) {
        const answer = await fetched('/api/v1/no-such-thing/42', { method })
        expectProblem(answer, 404, 'not-found')
        expect(answer.header('allow')).toBeUndefined()
      }
    })

    it('leaves the client routes of the web app serving index.html', async () => {
      const answer = await fetched('/programmes/jpn-itpp-2023')
      expect(answer.status).toBe(200)
      expect(answer.header('content-type')).toContain('text/html')
    })
  })

  describe("Fastify's refusals", () => {
    it('a malformed percent-encoding in the path is a 400 problem', async () => {
      for (const path of ['/api/v1/engagements/%ED%A0%80', '/api/v1/engagements/%ZZ']) {
        const problem = expectProblem(await rawOnly(wire(`GET ${path} HTTP/1.1`)), 400, 'invalid-input')
        expect(problem.detail).toContain('percent-encoding')
      }
    })

    it('a path parameter over 100 characters is a 414 problem', async () => {
      const answer = await fetched(`/api/v1/statements/${'x'.repeat(300)}/associations/JPN`, {
        method: 'DELETE',
        headers: { cookie: staff },
      })
      expect(expectProblem(answer, 414, 'uri-too-long').detail).toContain('100 characters')
    })

    it('a body that is not JSON, or empty, or poisons __proto__, is a 400 problem', async () => {
      for (const body of ['{', '', '{"__proto__":{"admin":true}}']) {
        const answer = await fetched('/api/v1/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
        expect(expectProblem(answer, 400, 'invalid-input').detail).toMatch(/JSON/)
      }
    })

    it('a body over 1 MiB is a 413 problem', async () => {
      const answer = await fetched('/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'x' }),
      })
      expect(expectProblem(answer, 413, 'body-too-large').detail).toContain('1 MiB')
    })

    it('a body that is not application/json is a 415 problem naming the type sent', async () => {
      const answer = await fetched('/api/v1/engagements', {
        method: 'POST',
        headers: { 'content-type': 'text/xml', cookie: staff },
        body: '<engagement/>',
      })
      expect(expectProblem(answer, 415, 'unsupported-media-type').detail).toContain('text/xml')
    })
  })

  describe("Node's HTTP parser's refusals, written on the socket", () => {
    it('a query over 16 KiB is a 431 problem (fetch and raw)', async () => {
      const answer = await fetched(`/api/v1/partners?q=${'x'.repeat(20_000)}`)
      expect(expectProblem(answer, 431, 'headers-too-large').detail).toContain('16 KiB')
      const raw = await rawOnly(wire(`GET /api/v1/partners?q=${'x'.repeat(20_000)} HTTP/1.1`))
      expectProblem(raw, 431, 'headers-too-large')
    })

    it('headers over 16 KiB are a 431 problem', async () => {
      const cookies = Array.from({ length: 400 }, (_, i) => `X-Filler-${i}: ${'y'.repeat(50)}`).join('\r\n')
      expectProblem(
        await rawOnly(wire(`GET /api/v1/partners HTTP/1.1\r\n${cookies}`)),
        431,
        'headers-too-large',
      )
    })

    const malformed: ReadonlyArray<readonly [string, string, { halfClose?: boolean }]> = [
      ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', {}],
      ['an invalid header name', wire('GET /api/v1/partners HTTP/1.1\r\nBad Header: y'), {}],
      ['a Content-Length that is not a number', wire(jsonPost('abc'), '{}'), {}],
      [
        'both Content-Length and Transfer-Encoding',
        wire(`${jsonPost(2)}\r\nTransfer-Encoding: chunked`, '{}'),
        {},
      ],
      [
        'a chunk size that is not hexadecimal',
        wire(
          'POST /api/v1/session HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked',
          'zz\r\n{}\r\n0\r\n\r\n',
        ),
        {},
      ],
      [
        'a body shorter than its Content-Length',
        `${jsonPost(40)}\r\nHost: 127.0.0.1\r\n\r\n{}`,
        { halfClose: true },
      ],
    ]
    it.each(malformed)(
      '%s is a 400 problem, then the connection is closed',
      async (_name, request, options) => {
        const before = await databaseFingerprint(server.db)
        const { answers, wire: text } = await rawExchange(server.url, request, options)
        const last = answers.at(-1)
        expect(last, text).toBeDefined()
        const problem = expectProblem(fromWire(last), 400, 'malformed-request')
        expect(problem.detail).toMatch(/^The request is not valid HTTP\/1\.1 \(.+\)/)
        expect(await databaseFingerprint(server.db)).toBe(before)
      },
    )

    it('answers a pipelined request in full before the problem of the broken one after it', async () => {
      const request = 'GET /api/v1/members HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGARBAGE\r\n\r\n'
      const { answers } = await rawExchange(server.url, request)
      expect(answers.map((answer) => answer.status)).toEqual([200, 400])
      expect(JSON.parse(answers[0]?.body ?? '')).toHaveProperty('items')
      expectProblem(fromWire(answers[1]), 400, 'malformed-request')
    })

    it('answers a Connection: close request whole and closes, ignoring the bytes sent after it', async () => {
      const { answers } = await rawExchange(server.url, wire(jsonPost(2), '{}GARBAGE'))
      expect(answers).toHaveLength(1)
      expectProblem(fromWire(answers[0]), 400, 'invalid-input')
    })

    it('a request that times out is a 408 problem', async () => {
      // Node raises the timeout only after its checking interval (30 s): raise it on a real
      // connection here, as Node's server does.
      const serverSide = new Promise<Socket>((resolve) => server.app.server.once('connection', resolve))
      const exchange = rawExchange(server.url, 'GET /api/v1/partners HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      const socket = await serverSide
      const timeout = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' })
      server.app.server.emit('clientError', timeout, socket)
      const { answers } = await exchange
      expect(answers).toHaveLength(1)
      expectProblem(fromWire(answers[0]), 408, 'request-timeout')
    })
  })
})
