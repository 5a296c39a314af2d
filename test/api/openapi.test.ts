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
})
