import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { EngagementDetail } from '../../src/contract/engagement-detail.ts'
import { StatementView } from '../../src/contract/engagement-statement.ts'
import { ProgrammeDetail } from '../../src/contract/programme-view.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

/** The one If-Match rule, the same on programmes, engagements and statements. */
describe.each(engines)('If-Match on every versioned write on %s', (engine) => {
  let server: TestServer
  let staff: string
  let writes: Array<{ method: string; path: string; body?: unknown }>

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    const engagement = EngagementDetail.parse(
      (await send(server, 'POST', '/api/v1/engagements', { cookie: staff, body: newEngagement() })).body,
    )
    const statement = StatementView.parse(
      (
        await send(server, 'POST', '/api/v1/statements', {
          cookie: staff,
          body: {
            kind: 'chairs-statement',
            status: 'drafting',
            title: 'Chair’s statement on If-Match',
            engagementId: engagement.id,
            issuers: ['NATO'],
            marking: { classification: 'PUBLIC', releasableTo: [] },
          },
        })
      ).body,
    )
    const programme = ProgrammeDetail.parse(
      (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', { cookie: staff })).body,
    )
    const node = programme.objectives[0]
    writes = [
      { method: 'PATCH', path: `/api/v1/engagements/${engagement.id}`, body: { title: 'Changed' } },
      { method: 'DELETE', path: `/api/v1/engagements/${engagement.id}` },
      { method: 'PATCH', path: `/api/v1/statements/${statement.id}`, body: { title: 'Changed' } },
      { method: 'DELETE', path: `/api/v1/statements/${statement.id}` },
      { method: 'PATCH', path: '/api/v1/programmes/jpn-itpp-2023', body: { title: 'Changed' } },
      { method: 'PATCH', path: `/api/v1/programmes/jpn-itpp-2023/nodes/${node?.id}`, body: { title: 'x' } },
    ]
  })
  afterAll(() => server.close())

  it('answers 428 problem+json to a write without If-Match, and changes nothing', async () => {
    for (const write of writes) {
      const answer = await send(server, write.method, write.path, { cookie: staff, body: write.body })
      expect(answer.status, `${write.method} ${write.path}`).toBe(428)
      expect(answer.type).toContain('application/problem+json')
      expect(Problem.parse(answer.body).type).toContain('precondition-required')
    }
    expect((await send(server, 'GET', writes[0]?.path ?? '', { cookie: staff })).etag).toBe('"1"')
  })

  it('answers 400 naming the header to an If-Match that is no ETag of this API (20 digits, text)', async () => {
    for (const ifMatch of ['"12345678901234567890"', '12345678901234567890', 'abc', '"-1"']) {
      for (const write of writes) {
        const answer = await send(server, write.method, write.path, {
          cookie: staff,
          body: write.body,
          ifMatch,
        })
        expect(answer.status, `${write.method} ${write.path} If-Match: ${ifMatch}`).toBe(400)
        expect(answer.type).toContain('application/problem+json')
        expect(answer.body).toMatchObject({ errors: [{ in: 'header', pointer: '#/if-match' }] })
      }
    }
  })

  it('answers 409 with the current version to a stale If-Match', async () => {
    for (const write of writes.filter((w) => w.method === 'PATCH')) {
      const answer = await send(server, write.method, write.path, {
        cookie: staff,
        body: write.body,
        ifMatch: '"999"',
      })
      expect(answer.status, write.path).toBe(409)
      expect(answer.body).toMatchObject({ currentVersion: expect.any(Number) })
    }
  })
})

describe('If-Match in the OpenAPI document', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer('sqlite')
  })
  afterAll(() => server.close())

  it('documents If-Match, 428, 409 and the ETag header on every versioned write', async () => {
    const document = (await send(server, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, OpenApiOperation>>
    }
    const versioned = [
      ['patch', '/api/v1/programmes/{id}'],
      ['patch', '/api/v1/programmes/{id}/nodes/{nodeId}'],
      ['post', '/api/v1/programmes/{id}/nodes/{nodeId}/move'],
      ['delete', '/api/v1/programmes/{id}/nodes/{nodeId}'],
      ['patch', '/api/v1/programmes/{id}/milestones/{milestoneId}'],
      ['delete', '/api/v1/programmes/{id}/milestones/{milestoneId}'],
      ['patch', '/api/v1/engagements/{id}'],
      ['delete', '/api/v1/engagements/{id}'],
      ['patch', '/api/v1/statements/{id}'],
      ['delete', '/api/v1/statements/{id}'],
    ] as const
    for (const [method, path] of versioned) {
      const operation = document.paths[path]?.[method]
      expect(operation, `${method} ${path}`).toBeDefined()
      expect(operation?.parameters?.some((p) => p.in === 'header' && p.name === 'if-match')).toBe(true)
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['409', '428']))
      const success = operation?.responses?.['200']
      if (success !== undefined) expect(success.headers?.ETag, `${method} ${path}`).toBeDefined()
    }
    for (const path of ['/api/v1/engagements', '/api/v1/statements', '/api/v1/programmes']) {
      expect(document.paths[path]?.post?.responses?.['201']?.headers?.ETag, path).toBeDefined()
    }
  })
})

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>
  responses?: Record<string, { headers?: Record<string, unknown> }>
}
