import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { EngagementList } from '../../src/contract/engagement.ts'
import { EngagementDetail } from '../../src/contract/engagement-detail.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

describe.each(engines)('engagements API on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  async function list(query: string, user = 'staff') {
    const { status, body } = await getJson(server, `/api/v1/engagements?${query}`, await server.signIn(user))
    expect(status).toBe(200)
    return EngagementList.parse(body)
  }

  describe('GET /api/v1/engagements', () => {
    it('lists the latest first and pages with a stable total', async () => {
      const first = await list('limit=5')
      const second = await list('limit=5&offset=5')
      expect(first.items).toHaveLength(5)
      expect(first.total).toBe(second.total)
      const days = [...first.items, ...second.items].map((item) => item.start.place.local.slice(0, 10))
      expect(days).toEqual([...days].sort().reverse())
    })

    it('counts a filtered list for a page past its end, and the pages join up without gaps', async () => {
      const all = await list('partner=JPN&limit=500', 'jpn')
      const past = await list(`partner=JPN&limit=5&offset=${all.total + 10}`, 'jpn')
      expect(past.items).toEqual([])
      expect(past.total).toBe(all.total)
      const paged = [
        ...(await list('partner=JPN&limit=3', 'jpn')).items,
        ...(await list('partner=JPN&limit=3&offset=3', 'jpn')).items,
      ]
      expect(paged.map((item) => item.id)).toEqual(all.items.slice(0, 6).map((item) => item.id))
    })

    it('filters by partner, kind, level and date range', async () => {
      const summits = await list('partner=JPN&kind=summit&from=2022-01-01&to=2025-12-31&order=asc')
      expect(summits.items.map((item) => item.id)).toEqual([
        'summit-2022-madrid',
        'summit-2023-vilnius',
        'summit-2024-washington',
        'summit-2025-the-hague',
      ])
      const leaders = await list('partner=NZL&level=heads-of-state-government&to=2015-12-31')
      expect(leaders.items.map((item) => item.id)).toEqual(['bilateral-2012-06-nzl-ipcp'])
    })

    it('filters by framework membership on the day and by priority area', async () => {
      const ip4 = await list('framework=ip4&limit=500')
      expect(ip4.items.some((item) => item.id === 'bilateral-2014-05-jpn-ipcp')).toBe(false)
      expect(ip4.items.some((item) => item.id === 'sideline-2024-10-ip4-only')).toBe(true)
      const maritime = await list('priorityArea=maritime-security&limit=500')
      expect(maritime.items.length).toBeGreaterThan(0)
      expect(maritime.items.every((item) => item.priorityAreas.includes('maritime-security'))).toBe(true)
    })

    it('shows times at the place and in the viewer zone', async () => {
      const page = await list('partner=KOR&kind=sideline&tz=Asia/Seoul&to=2023-12-31')
      const itpp = page.items.find((item) => item.id === 'sideline-2023-vilnius-kor-itpp')
      expect(itpp?.start.place).toMatchObject({
        local: '2023-07-11T16:00',
        zone: 'Europe/Vilnius',
        offset: '+03:00',
      })
      expect(itpp?.start.viewer).toMatchObject({
        local: '2023-07-11T22:00',
        zone: 'Asia/Seoul',
        offset: '+09:00',
      })
      expect(itpp?.start.utc).toBe('2023-07-11T13:00:00Z')
    })

    it('hides what the caller may not see, in the list and in the total', async () => {
      const staff = await list('partner=JPN&limit=500')
      const japan = await list('partner=JPN&limit=500', 'jpn')
      const korea = await list('partner=AUS&limit=500', 'kor')
      const australia = await list('partner=AUS&limit=500', 'staff')
      expect(staff.items.map((item) => item.id)).toContain('staff-talks-2022-11-jpn-itpp')
      expect(japan.items.map((item) => item.id)).not.toContain('staff-talks-2022-11-jpn-itpp')
      expect(japan.total).toBe(staff.total - 1)
      expect(korea.items.map((item) => item.id)).not.toContain('staff-talks-2024-03-aus')
      expect(australia.items.map((item) => item.id)).toContain('staff-talks-2024-03-aus')
      const publicList = EngagementList.parse((await getJson(server, '/api/v1/engagements?limit=500')).body)
      expect(publicList.items.every((item) => item.marking.classification === 'PUBLIC')).toBe(true)
    })

    it('answers 400 naming every bad field', async () => {
      const { status, type, body } = await getJson(
        server,
        '/api/v1/engagements?kind=party&from=2024-02-30&limit=0&tz=%2B02:00',
      )
      expect(status).toBe(400)
      expect(type).toContain('application/problem+json')
      const problem = Problem.parse(body)
      const pointers = (problem.errors ?? []).map((error) => error.pointer)
      expect(pointers).toEqual(expect.arrayContaining(['#/kind', '#/from', '#/limit', '#/tz']))
    })

    it('refuses a range that ends before it starts', async () => {
      const { status, body } = await getJson(server, '/api/v1/engagements?from=2024-01-02&to=2024-01-01')
      expect(status).toBe(400)
      expect(Problem.parse(body).errors?.map((error) => error.pointer)).toEqual(['#/to'])
    })
  })

  describe('GET /api/v1/engagements/:id', () => {
    it('shows the Madrid summit with the four IP4 leaders, the sideline meeting and no joint statement', async () => {
      const { status, body } = await getJson(server, '/api/v1/engagements/summit-2022-madrid')
      expect(status).toBe(200)
      const madrid = EngagementDetail.parse(body)
      expect(madrid.timeZone).toBe('Europe/Madrid')
      expect(madrid.participants.map((p) => `${p.country}:${p.person}:${p.level}`)).toEqual([
        'AUS:Anthony Albanese:heads-of-state-government',
        'JPN:Fumio Kishida:heads-of-state-government',
        'NZL:Jacinda Ardern:heads-of-state-government',
        'KOR:Yoon Suk Yeol:heads-of-state-government',
      ])
      expect(madrid.sidelines.map((s) => s.id)).toEqual(['sideline-2022-madrid-ip4'])
      expect(madrid.statements.map((s) => s.title)).toContain('NATO 2022 Strategic Concept')
      const none = madrid.statements.find((s) => s.engagementId === 'sideline-2022-madrid-ip4')
      expect(none).toMatchObject({
        kind: 'joint-statement',
        status: 'not-issued',
        issuers: ['AUS', 'JPN', 'KOR', 'NZL'],
      })
      const sideline = EngagementDetail.parse(
        (await getJson(server, '/api/v1/engagements/sideline-2022-madrid-ip4')).body,
      )
      expect(sideline.parent).toEqual({ id: 'summit-2022-madrid', title: 'Madrid Summit' })
      expect(sideline.statements).toHaveLength(1)
      expect(sideline.statements[0]).toMatchObject({ kind: 'joint-statement', status: 'not-issued' })
    })

    it('records a participant level below the engagement level', async () => {
      const hague = EngagementDetail.parse(
        (await getJson(server, '/api/v1/engagements/summit-2025-the-hague')).body,
      )
      const levels = Object.fromEntries(hague.participants.map((p) => [p.country, p.level]))
      expect(levels).toEqual({
        AUS: 'ministers',
        JPN: 'ministers',
        NZL: 'heads-of-state-government',
        KOR: 'senior-officials',
      })
    })

    it('sends an ETag with the version', async () => {
      const response = await fetch(`${server.url}/api/v1/engagements/summit-2022-madrid`)
      expect(response.headers.get('etag')).toBe('"1"')
    })

    it('answers 404 for an engagement the caller may not see, as for one that does not exist', async () => {
      const hidden = await getJson(
        server,
        '/api/v1/engagements/staff-talks-2022-11-jpn-itpp',
        await server.signIn('jpn'),
      )
      const missing = await getJson(
        server,
        '/api/v1/engagements/no-such-engagement',
        await server.signIn('jpn'),
      )
      expect(hidden.status).toBe(404)
      expect(missing.status).toBe(404)
      expect(Problem.parse(hidden.body).title).toBe(Problem.parse(missing.body).title)
      const staff = await getJson(
        server,
        '/api/v1/engagements/staff-talks-2022-11-jpn-itpp',
        await server.signIn('staff'),
      )
      expect(staff.status).toBe(200)
    })
  })
})

describe('engagement endpoints in the OpenAPI document', () => {
  it('lists every engagement, statement, analytics and calendar path', async () => {
    const server = await startTestServer('sqlite')
    try {
      const document = (await getJson(server, '/api/openapi.json')).body
      const paths = Object.keys((document as { paths: Record<string, unknown> }).paths)
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/v1/engagements',
          '/api/v1/engagements/{id}',
          '/api/v1/statements',
          '/api/v1/statements/{id}',
          '/api/v1/statements/{id}/associations/{country}',
          '/api/v1/analytics/engagements',
          '/api/v1/analytics/engagements/{series}.csv',
          '/api/v1/calendar-feed',
          '/api/v1/calendar/{token}/partners/{file}',
          '/api/v1/calendar/{token}/frameworks/{file}',
        ]),
      )
    } finally {
      await server.close()
    }
  })
})
