import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/** What a NUL refusal says: where, and which field. */
const NulProblem = z.object({
  type: z.string(),
  status: z.literal(400),
  detail: z.string(),
  errors: z.array(z.object({ in: z.string(), pointer: z.string(), detail: z.string() })).length(1),
})

async function expectNulRefused(response: Response, where: string, pointer: string) {
  expect(response.status).toBe(400)
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  const problem = NulProblem.parse(await response.json())
  expect(problem.type).toContain('#invalid-input')
  expect(problem.errors[0]).toMatchObject({ in: where, pointer })
  expect(problem.detail).toContain('NUL')
}

describe.each(engines)('a NUL character in a request on %s', (engine) => {
  let server: TestServer
  let staff: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
  })
  afterAll(() => server.close())

  it('in a JSON body is a 400 problem naming the field, not a 500', async () => {
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'jpn\u0000', password: 'x' }),
    })
    await expectNulRefused(response, 'body', '#/username')
  })

  it('deep in a body, or in a key, is found too', async () => {
    const response = await fetch(`${server.url}/api/v1/statements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: staff },
      body: JSON.stringify({ title: 'ok', marking: { releasableTo: ['JPN', 'K\u0000R'] } }),
    })
    await expectNulRefused(response, 'body', '#/marking/releasableTo/1')
  })

  it('in a path parameter is a 400 problem', async () => {
    const response = await fetch(`${server.url}/api/v1/statements/a%00b`, { headers: { cookie: staff } })
    await expectNulRefused(response, 'path', '#/id')
  })

  it('in a query parameter is a 400 problem', async () => {
    const response = await fetch(`${server.url}/api/v1/statements?engagement=a%00b`, {
      headers: { cookie: staff },
    })
    await expectNulRefused(response, 'query', '#/engagement')
  })
})
