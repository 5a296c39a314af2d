import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { FrameworkDetail, FrameworkList } from '../../src/contract/framework.ts'
import { MemberList } from '../../src/contract/member.ts'
import { engines } from '../support/databases.ts'
import { demoNow, getJson, startTestServer, type TestServer } from '../support/server.ts'

describe.each(engines)('frameworks and members API on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine, { now: demoNow })
  })
  afterAll(() => server.close())

  describe('GET /api/v1/frameworks', () => {
    it('lists formal frameworks before the informal IP4, with member counts', async () => {
      const list = FrameworkList.parse((await getJson(server, '/api/v1/frameworks')).body)
      expect(list.items.map((f) => f.id).sort()).toEqual(['eapc', 'ici', 'ip4', 'md', 'pag', 'pfp'])
      expect(list.items.at(-1)?.id).toBe('ip4')
      const counts = Object.fromEntries(list.items.map((f) => [f.id, f.memberCount]))
      expect(counts).toMatchObject({ ip4: 4, md: 7, ici: 4, pag: 9, pfp: 18 })
    })
  })

  describe('GET /api/v1/frameworks/:id', () => {
    it('says IP4 is informal and lists Australia, Japan, New Zealand and Korea', async () => {
      const ip4 = FrameworkDetail.parse((await getJson(server, '/api/v1/frameworks/ip4')).body)
      expect(ip4.formal).toBe(false)
      expect(ip4.members.map((m) => m.code).sort()).toEqual(['AUS', 'JPN', 'KOR', 'NZL'])
      expect(ip4.asOf).toBe('2026-11-27')
    })

    it('lists the members on the asOf day, including those who later became allies', async () => {
      const then = FrameworkDetail.parse(
        (await getJson(server, '/api/v1/frameworks/pfp?asOf=1998-01-01')).body,
      )
      const now = FrameworkDetail.parse(
        (await getJson(server, '/api/v1/frameworks/pfp?asOf=2026-01-01')).body,
      )
      expect(then.members.map((m) => m.code)).toContain('POL')
      expect(now.members.map((m) => m.code)).not.toContain('POL')
      expect(now.history.map((m) => m.code)).toContain('POL')
    })

    it('has no members before a framework began', async () => {
      const md = FrameworkDetail.parse((await getJson(server, '/api/v1/frameworks/md?asOf=1990-01-01')).body)
      expect(md.members).toHaveLength(0)
    })

    it.each(['asOf=2023-02-30', 'asOf=yesterday', 'at=2020-01-01'])(
      'answers %s with a 400 problem',
      async (query) => {
        const { status, body } = await getJson(server, `/api/v1/frameworks/ip4?${query}`)
        expect(status).toBe(400)
        expect(Problem.parse(body).errors?.length).toBeGreaterThan(0)
      },
    )

    it('answers an unknown framework with a 404 problem', async () => {
      const { status, type } = await getJson(server, '/api/v1/frameworks/nato-plus')
      expect(status).toBe(404)
      expect(type).toContain('application/problem+json')
    })
  })

  describe('GET /api/v1/members', () => {
    it('lists the 32 members in order of accession', async () => {
      const list = MemberList.parse((await getJson(server, '/api/v1/members')).body)
      expect(list.items).toHaveLength(32)
      expect(list.items[0]?.accessionYear).toBe(1949)
      expect(list.items.at(-1)?.code).toBe('SWE')
      const germany = list.items.find((m) => m.code === 'DEU')
      expect(germany?.accession.precision).toBe('month')
    })
  })

  it('answers an unknown API path with a 404 problem, not the web app', async () => {
    const { status, type } = await getJson(server, '/api/v1/nothing-here')
    expect(status).toBe(404)
    expect(type).toContain('application/problem+json')
  })
})

describe.each(engines)('a framework’s "today" on %s', (engine) => {
  // 23:30Z on 13 December 2006 is already 14 December in Brussels, the day Bosnia and Herzegovina
  // joined the Partnership for Peace: "today" is the alliance's day, not the server's UTC day.
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine, { now: new Date('2006-12-13T23:30:00Z') })
  })
  afterAll(() => server.close())

  it('defaults asOf to today in Brussels, so a member from that day is counted', async () => {
    const pfp = FrameworkDetail.parse((await getJson(server, '/api/v1/frameworks/pfp')).body)
    expect(pfp.asOf).toBe('2006-12-14')
    expect(pfp.members.map((m) => m.code)).toContain('BIH')
  })
})
