import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asProblem, problemFrom } from '../../web/src/lib/problem.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/** The web app's one problem+json reader, fed the answers the real server gives. */
describe('the web problem+json parser', () => {
  let server: TestServer
  let staff: string

  beforeAll(async () => {
    server = await startTestServer('sqlite')
    staff = await server.signIn('staff')
  })

  afterAll(async () => {
    await server?.close()
  })

  async function answer(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: staff, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    return problemFrom(response.status, response.statusText, await response.json())
  }

  it('reads a stale write as changed meanwhile, with the version the record has now', async () => {
    const path = '/api/v1/programmes/jpn-itpp-2023'
    const read = await fetch(`${server.url}${path}`, { headers: { cookie: staff } })
    const etag = read.headers.get('etag') ?? ''
    const body = { title: 'Japan ITPP, changed once' }
    expect(
      (
        await fetch(`${server.url}${path}`, {
          method: 'PATCH',
          headers: { cookie: staff, 'content-type': 'application/json', 'if-match': etag },
          body: JSON.stringify(body),
        })
      ).status,
    ).toBe(200)
    const stale = await answer('PATCH', path, { title: 'Japan ITPP, changed twice' }, { 'if-match': etag })
    expect(stale.status).toBe(409)
    expect(stale.code).toBe('stale-version')
    expect(stale.changedMeanwhile).toBe(true)
    expect(stale.title).toBe('Changed by someone else')
    expect(stale.currentVersion).toBe(Number(etag.replaceAll('"', '')) + 1)
  })

  it('reads a missing If-Match as 428, which is not a change made meanwhile', async () => {
    const problem = await answer('PATCH', '/api/v1/programmes/jpn-itpp-2023', { title: 'No If-Match' })
    expect(problem.status).toBe(428)
    expect(problem.code).toBe('precondition-required')
    expect(problem.changedMeanwhile).toBe(false)
  })

  it('reads every field message of an invalid input, one per top-level field', async () => {
    const problem = await answer('POST', '/api/v1/programmes', {
      partner: 'JPN',
      kind: 'ITPP',
      title: '',
      periodFrom: 'soon',
      periodTo: '2030',
    })
    expect(problem.status).toBe(400)
    expect(problem.code).toBe('invalid-input')
    const messages = problem.fieldMessages()
    expect(Object.keys(messages).sort()).toEqual(['periodFrom', 'title'])
    expect(messages.periodFrom).not.toBe('')
  })

  it('files a nested pointer under its top-level field, keeping the first message', () => {
    const problem = problemFrom(400, 'Bad Request', {
      type: 'https://liaison.example/errors#invalid-input',
      title: 'Invalid input',
      status: 400,
      detail: 'Two problems',
      errors: [
        { in: 'body', pointer: '#/marking/releasableTo/0', detail: 'Unknown partner XXX' },
        { in: 'body', pointer: '#/marking/classification', detail: 'Unknown classification' },
      ],
    })
    expect(problem.fieldMessages()).toEqual({ marking: 'Unknown partner XXX' })
  })

  it('still gives the status and a readable message when the body is not a problem', () => {
    for (const body of [null, '<html>Bad gateway</html>', { errors: 'not a list' }]) {
      const problem = problemFrom(502, 'Bad Gateway', body)
      expect(problem.status).toBe(502)
      expect(problem.title).toBe('Bad Gateway')
      expect(problem.detail).toBe('The server answered 502.')
      expect(problem.errors).toEqual([])
    }
    expect(asProblem(new Error('Expected string, received number')).detail).toBe(
      'Expected string, received number',
    )
  })
})
