import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { PartnerDetail, PartnerList } from '../../src/contract/partner.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

describe.each(engines)('partners API on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  describe('GET /api/v1/partners', () => {
    it('lists every partner by name with its frameworks', async () => {
      const { status, type, body } = await getJson(server, '/api/v1/partners')
      expect(status).toBe(200)
      expect(type).toContain('application/json')
      const list = PartnerList.parse(body)
      expect(list.total).toBe(40)
      expect(list.items).toHaveLength(40)
      const names = list.items.map((p) => p.name)
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
      const japan = list.items.find((p) => p.code === 'JPN')
      expect(japan?.frameworks.map((f) => f.id).sort()).toEqual(['ip4', 'pag'])
    })

    it('filters by framework', async () => {
      const list = PartnerList.parse((await getJson(server, '/api/v1/partners?framework=ip4')).body)
      expect(list.items.map((p) => p.code).sort()).toEqual(['AUS', 'JPN', 'KOR', 'NZL'])
      expect(list.total).toBe(4)
    })

    it('does not count invited countries as framework members', async () => {
      const list = PartnerList.parse((await getJson(server, '/api/v1/partners?framework=ici')).body)
      expect(list.items.map((p) => p.code).sort()).toEqual(['ARE', 'BHR', 'KWT', 'QAT'])
    })

    it('searches name, code and capital without regard to case', async () => {
      const byName = PartnerList.parse((await getJson(server, '/api/v1/partners?q=zeal')).body)
      expect(byName.items.map((p) => p.code)).toEqual(['NZL'])
      const byCapital = PartnerList.parse((await getJson(server, '/api/v1/partners?q=SEOUL')).body)
      expect(byCapital.items.map((p) => p.code)).toEqual(['KOR'])
    })

    it('treats search wildcards as plain text', async () => {
      const list = PartnerList.parse((await getJson(server, '/api/v1/partners?q=%25')).body)
      expect(list.items).toHaveLength(0)
      expect(list.total).toBe(0)
    })

    it('pages with limit and offset and keeps the total', async () => {
      const first = PartnerList.parse((await getJson(server, '/api/v1/partners?limit=5')).body)
      const second = PartnerList.parse((await getJson(server, '/api/v1/partners?limit=5&offset=5')).body)
      expect(first.items).toHaveLength(5)
      expect(second.items[0]?.name).not.toBe(first.items[0]?.name)
      expect(second.total).toBe(40)
      const past = PartnerList.parse((await getJson(server, '/api/v1/partners?offset=1000')).body)
      expect(past.items).toHaveLength(0)
      expect(past.total).toBe(40)
    })

    it.each([
      ['limit=0', '#/limit'],
      ['limit=abc', '#/limit'],
      ['offset=-1', '#/offset'],
      ['framework=IP%204', '#/framework'],
      ['colour=blue', '#/colour'],
    ])('answers %s with a 400 problem naming the field', async (query, pointer) => {
      const { status, type, body } = await getJson(server, `/api/v1/partners?${query}`)
      expect(status).toBe(400)
      expect(type).toContain('application/problem+json')
      const problem = Problem.parse(body)
      expect(problem.errors?.map((e) => e.pointer)).toContain(pointer)
      expect(problem.detail).toContain(pointer.slice(2))
    })
  })

  describe('GET /api/v1/partners/:code', () => {
    it('shows Japan with its dialogue start as a decade, oldest event first', async () => {
      const { status, body } = await getJson(server, '/api/v1/partners/JPN')
      expect(status).toBe(200)
      const japan = PartnerDetail.parse(body)
      expect(japan.dialogueSince).toEqual({ date: '199X', precision: 'decade', label: 'the 1990s' })
      const first = japan.timeline[0]
      expect(first?.precision).toBe('decade')
      expect(first?.date).toBe('199X')
      const days = japan.timeline.map((e) => e.date.replace('X', '0'))
      expect(days).toEqual([...days].sort())
    })

    it('accepts a lower-case code', async () => {
      const { status, body } = await getJson(server, '/api/v1/partners/kor')
      expect(status).toBe(200)
      expect(PartnerDetail.parse(body).code).toBe('KOR')
    })

    it('answers an unknown code with a 404 problem', async () => {
      const { status, type, body } = await getJson(server, '/api/v1/partners/ZZZ')
      expect(status).toBe(404)
      expect(type).toContain('application/problem+json')
      expect(Problem.parse(body).detail).toContain('ZZZ')
    })

    it('answers a malformed code with a 400 problem', async () => {
      const { status, body } = await getJson(server, '/api/v1/partners/JAPAN')
      expect(status).toBe(400)
      expect(Problem.parse(body).errors?.[0]?.pointer).toBe('#/code')
    })
  })
})
