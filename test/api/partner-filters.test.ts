import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { send } from './engagements-support.ts'

interface Listed {
  items: Array<{ id: string; partner: string | { code: string } | null }>
  total?: number
}

const codeOf = (partner: Listed['items'][number]['partner']) =>
  typeof partner === 'string' || partner === null ? partner : partner.code

/** The partner page links to the partner's programmes and proposals through these filters. */
describe.each(engines)('lists narrowed to one partner on %s', (engine) => {
  let server: TestServer
  let staff = ''
  let korea = ''

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    korea = await server.signIn('kor')
  })
  afterAll(() => server.close())

  async function list(path: string, cookie: string): Promise<Listed> {
    const answer = await send(server, 'GET', path, { cookie })
    expect(answer.status).toBe(200)
    return answer.body as Listed
  }

  it('gives the proposals linked to Japan, exactly those of the whole list, with their total', async () => {
    const all = await list('/api/v1/proposals?limit=500', staff)
    const linked = all.items.filter((item) => item.partner === 'JPN').map((item) => item.id)
    expect(linked.length).toBeGreaterThan(0)
    const japan = await list('/api/v1/proposals?partner=JPN&limit=500', staff)
    expect(japan.items.map((item) => item.id)).toEqual(linked)
    expect(japan.total).toBe(linked.length)
    const csv = await fetch(`${server.url}/api/v1/proposals.csv?partner=JPN`, { headers: { cookie: staff } })
    expect(csv.status).toBe(200)
    const rows = (await csv.text()).trim().split(/\r?\n/)
    expect(rows).toHaveLength(linked.length + 1)
  })

  it('gives the portfolio of one partner only, and Korea only what it may see of Japan’s', async () => {
    const all = await list('/api/v1/programmes/portfolio', staff)
    const korean = all.items.filter((item) => codeOf(item.partner) === 'KOR').map((item) => item.id)
    expect(korean.length).toBeGreaterThan(0)
    const ofKorea = await list('/api/v1/programmes/portfolio?partner=KOR', staff)
    expect(ofKorea.items.map((item) => item.id)).toEqual(korean)
    const koreaSees = await list('/api/v1/programmes/portfolio', korea)
    const japaneseKoreaSees = koreaSees.items.filter((item) => codeOf(item.partner) === 'JPN')
    const seenByKorea = await list('/api/v1/programmes/portfolio?partner=JPN', korea)
    expect(seenByKorea.items.map((item) => item.id)).toEqual(japaneseKoreaSees.map((item) => item.id))
  })

  it('refuses a partner that is not a country code, naming the parameter', async () => {
    for (const path of ['/api/v1/proposals?partner=japan', '/api/v1/programmes/portfolio?partner=1']) {
      const answer = await send(server, 'GET', path, { cookie: staff })
      expect(answer.status).toBe(400)
      expect(JSON.stringify(answer.body)).toContain('partner')
    }
  })
})
