import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBodyLimit } from '../../src/cli/commands.ts'
import { defaultBodyLimit } from '../../src/server/body-limit.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/**
 * The request body limit is explicit and configurable: a body over it is refused on the wire as a
 * 413 problem+json naming the limit, and a body under it reaches the route.
 */

/** A sign-in body of exactly `bytes` bytes, so the test controls which side of the limit it is. */
function signInBody(bytes: number): string {
  const frame = JSON.stringify({ username: '', password: 'x' })
  return JSON.stringify({ username: 'u'.repeat(bytes - frame.length), password: 'x' })
}

async function postSession(server: TestServer, body: string): Promise<Response> {
  return fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
}

describe('LIAISON_BODY_LIMIT', () => {
  it('defaults to 1 MiB when unset or empty', () => {
    expect(defaultBodyLimit).toBe(1_048_576)
    expect(parseBodyLimit(undefined)).toBe(1_048_576)
    expect(parseBodyLimit(' ')).toBe(1_048_576)
  })

  it('takes a positive whole number of bytes', () => {
    expect(parseBodyLimit('4096')).toBe(4096)
  })

  it('refuses anything else rather than guessing', () => {
    for (const value of ['0', '-1', '1.5', '1MiB', 'lots']) {
      expect(() => parseBodyLimit(value), value).toThrow(/LIAISON_BODY_LIMIT/)
    }
  })
})

describe.each(engines)('the request body limit on %s', (engine) => {
  let limited: TestServer
  let standard: TestServer

  beforeAll(async () => {
    limited = await startTestServer(engine, { bodyLimit: 4096 })
    standard = await startTestServer(engine)
  })

  afterAll(async () => {
    await limited?.close()
    await standard?.close()
  })

  it('a body over a configured limit is a 413 problem naming that limit', async () => {
    const answer = await postSession(limited, signInBody(4097))
    expect(answer.status).toBe(413)
    expect(answer.headers.get('content-type')).toContain('application/problem+json')
    const problem = (await answer.json()) as { status: number; type: string; detail: string }
    expect(problem.status).toBe(413)
    expect(problem.type).toMatch(/#body-too-large$/)
    expect(problem.detail).toContain('4 KiB')
  })

  it('a body at the configured limit reaches the route', async () => {
    const answer = await postSession(limited, signInBody(4096))
    expect(answer.status).not.toBe(413)
    expect(answer.status).toBeLessThan(500)
  })

  it('the default limit lets a 1 MiB body through and refuses one byte more', async () => {
    expect((await postSession(standard, signInBody(1_048_576))).status).not.toBe(413)
    const over = await postSession(standard, signInBody(1_048_577))
    expect(over.status).toBe(413)
    expect(((await over.json()) as { detail: string }).detail).toContain('1 MiB')
  })
})
