import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportDocument } from '../../src/contract/export.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

/**
 * GET /api/v1/export and the CSV downloads of the lists, over real HTTP on both engines: the
 * export is the signed-in user's view (what its lists show, no more), the same on every call; each
 * CSV holds exactly the rows of its list for the same filters, read by an independent CSV parser.
 */

describe.each(engines)('exports on %s', (engine) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(async () => server?.close())

  const download = async (path: string, cookie: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } })
    const bytes = new Uint8Array(await response.arrayBuffer())
    // Kept, so a test can see the byte order mark that a default decoder drops.
    return { response, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
  }

  it('refuses the export to the public, and sends a signed-in user an attachment of its own view', async () => {
    expect((await getJson(server, '/api/v1/export')).status).toBe(401)
    const korea = await server.signIn('kor')
    const { response, text } = await download('/api/v1/export', korea)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="liaison-export.json"')
    const document = ExportDocument.parse(JSON.parse(text))
    expect(document.principal).toEqual({ kind: 'partner', country: 'KOR', clearance: 'RESTRICTED' })
    // What the lists show Korea, and nothing else.
    const partners = (await getJson(server, '/api/v1/partners?limit=500', korea)).body as {
      items: { code: string }[]
    }
    expect(document.partners.map((p) => p.code)).toEqual(partners.items.map((p) => p.code).sort())
    const engagements = (await getJson(server, '/api/v1/engagements?limit=500', korea)).body as {
      total: number
    }
    expect(document.engagements).toHaveLength(engagements.total)
    for (const record of [...document.engagements, ...document.statements, ...document.programmes]) {
      const { classification, releasableTo } = record.marking
      expect(classification === 'PUBLIC' || releasableTo.includes('KOR'), record.id).toBe(true)
    }
    // The same data, the same bytes.
    expect((await download('/api/v1/export', korea)).text).toBe(text)
  })

  it('gives staff everything, more than a partner sees, with the highest marking as the document’s', async () => {
    const staff = await server.signIn('staff')
    const korea = await server.signIn('kor')
    const all = ExportDocument.parse(JSON.parse((await download('/api/v1/export', staff)).text))
    const theirs = ExportDocument.parse(JSON.parse((await download('/api/v1/export', korea)).text))
    expect(all.engagements.length).toBeGreaterThan(theirs.engagements.length)
    const ranks = ['PUBLIC', 'UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL']
    const highest = Math.max(...all.engagements.map((e) => ranks.indexOf(e.marking.classification)))
    expect(ranks.indexOf(all.marking.classification)).toBeGreaterThanOrEqual(highest)
    // Programme trees come with their parts, parents before children.
    const programme = all.programmes.find((p) => p.id === 'jpn-itpp-2023')
    expect(programme?.nodes.length).toBeGreaterThan(0)
    const seen = new Set<string>()
    for (const node of programme?.nodes ?? []) {
      if (node.parentId !== null) expect(seen.has(node.parentId), node.id).toBe(true)
      seen.add(node.id)
    }
  })

  it.each([
    ['/api/v1/partners.csv?framework=ip4', '/api/v1/partners?framework=ip4&limit=500', 'code'],
    ['/api/v1/partners.csv?q=korea', '/api/v1/partners?q=korea&limit=500', 'code'],
    ['/api/v1/engagements.csv?partner=JPN', '/api/v1/engagements?partner=JPN&limit=500', 'id'],
    [
      '/api/v1/engagements.csv?from=2022-01-01&to=2023-12-31&order=asc',
      '/api/v1/engagements?from=2022-01-01&to=2023-12-31&order=asc&limit=500',
      'id',
    ],
    ['/api/v1/statements.csv?partner=KOR', '/api/v1/statements?partner=KOR&limit=500', 'id'],
    ['/api/v1/programmes.csv?partner=AUS', '/api/v1/programmes?partner=AUS', 'id'],
    ['/api/v1/proposals.csv', '/api/v1/proposals?limit=500', 'id'],
    ['/api/v1/liaison-offices.csv', '/api/v1/liaison-offices?limit=500', 'id'],
    ['/api/v1/frameworks.csv', '/api/v1/frameworks', 'id'],
    ['/api/v1/members.csv', '/api/v1/members', 'code'],
  ])('%s holds the rows of %s, in its order, marked as its banner', async (csvPath, listPath, key) => {
    for (const username of ['staff', 'kor']) {
      const cookie = await server.signIn(username)
      const { response, text } = await download(csvPath, cookie)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(text.startsWith('\uFEFF')).toBe(true)
      const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
      const list = (await getJson(server, listPath, cookie)).body as {
        items: Record<string, unknown>[]
        marking: { label: string }
      }
      expect(
        rows.map((row) => row[key]),
        username,
      ).toEqual(list.items.map((item) => item[key]))
      for (const row of rows) expect(row.marking).toBe(list.marking.label)
    }
  })

  it('answers a bad filter with a problem naming it, as the list does, and takes no paging', async () => {
    const staff = await server.signIn('staff')
    const reversed = await getJson(server, '/api/v1/engagements.csv?from=2024-01-01&to=2023-01-01', staff)
    expect(reversed.status).toBe(400)
    expect(JSON.stringify(reversed.body)).toMatch(/to must not be before from/)
    const unknown = await getJson(server, '/api/v1/engagements.csv?kind=nope&level=nope', staff)
    expect(unknown.status).toBe(400)
    expect((unknown.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer).sort()).toEqual([
      '#/kind',
      '#/level',
    ])
    expect((await getJson(server, '/api/v1/partners.csv?limit=5', staff)).status).toBe(400)
  })
})
