import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server.ts'

describe('OpenAPI document', () => {
  let server: TestServer
  let document: {
    openapi: string
    paths: Record<string, Record<string, unknown>>
    components?: { schemas?: object }
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
})
