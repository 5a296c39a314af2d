import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server.ts'

describe('OpenAPI document', () => {
  let server: TestServer
  let document: {
    openapi: string
    paths: Record<string, Record<string, unknown>>
    components?: { schemas?: object; responses?: object }
  }

  beforeAll(async () => {
    server = await startTestServer('sqlite')
    const response = await fetch(`${server.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    document = await response.json()
  })
  afterAll(() => server.close())

  it('is valid OpenAPI 3.1 according to an independent validator', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes every public endpoint of the foundation', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/session',
        '/api/v1/partners',
        '/api/v1/partners/{code}',
        '/api/v1/frameworks',
        '/api/v1/frameworks/{id}',
        '/api/v1/members',
        '/api/v1/audit',
      ]),
    )
    expect(Object.keys(document.paths['/api/v1/session'] ?? {}).sort()).toEqual(['delete', 'get', 'post'])
  })

  it('names its shared schemas as components', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['PartnerList', 'PartnerDetail', 'Problem', 'Marking']),
    )
  })

  it('serves human documentation and the error catalogue', async () => {
    const docs = await fetch(`${server.url}/api/docs`, { redirect: 'follow' })
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('swagger')
    const errors = await fetch(`${server.url}/api/docs/errors`)
    expect(errors.status).toBe(200)
    expect(await errors.text()).toContain('id="stale-version"')
  })

  it('gives every operation a unique operationId and a security entry, and every error problem+json', () => {
    const ids = new Set<string>()
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, value] of Object.entries(item)) {
        const operation = value as {
          operationId?: string
          security?: unknown[]
          responses?: Record<string, { content?: Record<string, unknown> }>
        }
        expect(operation.operationId, `${method} ${path}`).toEqual(expect.any(String))
        expect(ids.has(operation.operationId ?? '')).toBe(false)
        ids.add(operation.operationId ?? '')
        expect(Array.isArray(operation.security), `${method} ${path} security`).toBe(true)
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (Number(status) >= 400 && response.content !== undefined) {
            expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual([
              'application/problem+json',
            ])
          }
        }
      }
    }
    expect(ids.size).toBeGreaterThan(20)
  })

  it('documents a Problem that allows what real errors carry (errors[].in, extension members)', () => {
    const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>
    const problem = schemas.Problem ?? {}
    expect(problem.additionalProperties).not.toBe(false)
    const properties = problem.properties as Record<string, { items?: { properties?: object } }>
    expect(Object.keys(properties.errors?.items?.properties ?? {})).toContain('in')
    expect(Object.keys(properties)).toContain('currentVersion')
  })

  type Answer = {
    content?: Record<string, { schema?: unknown }>
    headers?: Record<string, unknown>
    $ref?: string
  }
  const answersOf = (path: string, method: string) =>
    ((document.paths[path]?.[method] ?? {}) as { responses?: Record<string, Answer> }).responses ?? {}

  /** Every download: its documented path, and one concrete URL of it per format. */
  const downloads = async (): Promise<Array<{ documented: string; url: string; cookie: string }>> => {
    const staff = await server.signIn('staff')
    const created = await fetch(`${server.url}/api/v1/calendar-feed`, {
      method: 'POST',
      headers: { cookie: staff },
    })
    const { token } = (await created.json()) as { token: string }
    const programme = '/api/v1/programmes/{id}/document.{format}'
    const created201 = async (path: string, body: unknown): Promise<string> => {
      const answer = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie: staff, 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify(body),
      })
      expect(answer.status).toBe(201)
      return ((await answer.json()) as { id: string }).id
    }
    const publicMarking = { classification: 'PUBLIC', releasableTo: [] }
    const itemId = await created201('/api/v1/cooperation/items', {
      code: 'OPENAPI-1',
      title: 'Download check course',
      description: 'A course whose participant list is downloaded',
      provider: { kind: 'member', code: 'FRA' },
      format: 'course',
      priorityAreas: ['cyber-defence'],
      languages: ['en'],
      marking: publicMarking,
    })
    const eventId = await created201('/api/v1/cooperation/events', {
      itemId,
      startsOn: '2030-05-06',
      endsOn: '2030-05-08',
      place: 'Tallinn',
      timeZone: 'Europe/Tallinn',
      capacity: 4,
      applicationDeadline: '2030-04-01',
      marking: publicMarking,
    })
    return [
      ...['md', 'docx', 'pdf'].map((format) => ({
        documented: programme,
        url: `/api/v1/programmes/jpn-itpp-2023/document.${format}`,
        cookie: staff,
      })),
      {
        documented: '/api/v1/analytics/engagements/{series}.csv',
        url: '/api/v1/analytics/engagements/levels.csv?framework=ip4',
        cookie: staff,
      },
      { documented: '/api/v1/audit.csv', url: '/api/v1/audit.csv?actor=staff', cookie: staff },
      { documented: '/api/v1/partners.csv', url: '/api/v1/partners.csv?framework=ip4', cookie: staff },
      { documented: '/api/v1/frameworks.csv', url: '/api/v1/frameworks.csv', cookie: staff },
      { documented: '/api/v1/members.csv', url: '/api/v1/members.csv', cookie: staff },
      { documented: '/api/v1/programmes.csv', url: '/api/v1/programmes.csv?partner=JPN', cookie: staff },
      { documented: '/api/v1/engagements.csv', url: '/api/v1/engagements.csv?partner=JPN', cookie: staff },
      { documented: '/api/v1/statements.csv', url: '/api/v1/statements.csv', cookie: staff },
      { documented: '/api/v1/proposals.csv', url: '/api/v1/proposals.csv', cookie: staff },
      {
        documented: '/api/v1/cooperation/events/{id}/participants.csv',
        url: `/api/v1/cooperation/events/${eventId}/participants.csv`,
        cookie: staff,
      },
      { documented: '/api/v1/liaison-offices.csv', url: '/api/v1/liaison-offices.csv', cookie: staff },
      { documented: '/api/v1/export', url: '/api/v1/export', cookie: staff },
      {
        documented: '/api/v1/calendar/{token}/partners/{file}',
        url: `/api/v1/calendar/${token}/partners/JPN.ics`,
        cookie: '',
      },
      {
        documented: '/api/v1/calendar/{token}/frameworks/{file}',
        url: `/api/v1/calendar/${token}/frameworks/ip4.ics`,
        cookie: '',
      },
      {
        documented: '/api/v1/calendar/{token}/all.ics',
        url: `/api/v1/calendar/${token}/all.ics`,
        cookie: '',
      },
    ]
  }

  it('documents downloads with their real media types and Content-Disposition, not JSON', () => {
    const expected: Record<string, string[]> = {
      '/api/v1/programmes/{id}/document.{format}': [
        'text/markdown',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/pdf',
      ],
      '/api/v1/analytics/engagements/{series}.csv': ['text/csv'],
      '/api/v1/audit.csv': ['text/csv'],
      '/api/v1/partners.csv': ['text/csv'],
      '/api/v1/frameworks.csv': ['text/csv'],
      '/api/v1/members.csv': ['text/csv'],
      '/api/v1/programmes.csv': ['text/csv'],
      '/api/v1/engagements.csv': ['text/csv'],
      '/api/v1/statements.csv': ['text/csv'],
      '/api/v1/proposals.csv': ['text/csv'],
      '/api/v1/liaison-offices.csv': ['text/csv'],
      '/api/v1/cooperation/events/{id}/participants.csv': ['text/csv'],
      '/api/v1/calendar/{token}/partners/{file}': ['text/calendar'],
      '/api/v1/calendar/{token}/frameworks/{file}': ['text/calendar'],
      '/api/v1/calendar/{token}/all.ics': ['text/calendar'],
    }
    const documentedDownloads = Object.keys(document.paths).filter((path) => {
      const types = Object.keys(answersOf(path, 'get')['200']?.content ?? {})
      return types.length > 0 && !types.includes('application/json') && !types.includes('text/event-stream')
    })
    // A new download joins this list (and `downloads` above), so its media types are checked.
    expect(documentedDownloads.sort()).toEqual(Object.keys(expected).sort())
    for (const [path, types] of Object.entries(expected)) {
      const ok = answersOf(path, 'get')['200'] ?? {}
      expect(Object.keys(ok.content ?? {}), path).toEqual(types)
      expect(Object.keys(ok.headers ?? {}), path).toContain('Content-Disposition')
    }
  })

  it('documents the proposal event stream as text/event-stream, not as a download', () => {
    const ok = answersOf('/api/v1/proposals/{id}/events', 'get')['200'] ?? {}
    expect(Object.keys(ok.content ?? {})).toEqual(['text/event-stream'])
    expect(Object.keys(ok.headers ?? {})).not.toContain('Content-Disposition')
  })

  it('serves each download as the media type it documents, as an attachment with a file name', async () => {
    for (const { documented, url, cookie } of await downloads()) {
      const response = await fetch(`${server.url}${url}`, { headers: cookie === '' ? {} : { cookie } })
      expect(response.status, url).toBe(200)
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0] ?? ''
      expect(Object.keys(answersOf(documented, 'get')['200']?.content ?? {}), url).toContain(mediaType)
      expect(response.headers.get('content-disposition'), url).toMatch(/^attachment; filename="[\w.-]+"$/)
      await response.arrayBuffer()
    }
  })

  it('documents the shell: 405 with Allow, and 413 and 415 on every operation with a body', () => {
    const responses = (document.components as { responses?: Record<string, Answer> }).responses ?? {}
    const notAllowed = responses.MethodNotAllowed ?? {}
    expect(Object.keys(notAllowed.headers ?? {})).toEqual(['Allow'])
    expect(Object.keys(notAllowed.content ?? {})).toEqual(['application/problem+json'])
    let withBody = 0
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, value] of Object.entries(item)) {
        if ((value as { requestBody?: unknown }).requestBody === undefined) continue
        withBody += 1
        const answers = answersOf(path, method)
        expect(answers['413']?.$ref, `${method} ${path}`).toBe('#/components/responses/BodyTooLarge')
        expect(answers['415']?.$ref, `${method} ${path}`).toBe('#/components/responses/UnsupportedMediaType')
      }
    }
    expect(withBody).toBeGreaterThan(10)
  })
})
