import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCooperationDemo, readCooperationDemo } from '../../src/store/seed/load-cooperation.ts'
import { engines } from '../support/databases.ts'
import { databaseFingerprint } from '../support/db-fingerprint.ts'
import { fixedNow, getJson, startTestServer, type TestServer } from '../support/server.ts'

/**
 * The demo data keeps what the reference article says, at the precision it is known: the early
 * Council meetings with the four Indo-Pacific partners as a group (a year, and their subject), the
 * later rise in frequency, and meetings known only to the month. Read through the API, as a visitor
 * would, so the loader and the timeline's precision are checked too.
 */

interface TimelineEvent {
  id: string
  date: string
  precision: string
  title: string
  description: string
  source: string | null
  illustrative: boolean
}

const four = ['AUS', 'JPN', 'NZL', 'KOR'] as const

describe.each(engines)('demo data on %s', (engine) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(async () => server?.close())

  const timeline = async (code: string): Promise<TimelineEvent[]> => {
    const { status, body } = await getJson(server, `/api/v1/partners/${code}`)
    expect(status).toBe(200)
    return (body as { timeline: TimelineEvent[] }).timeline
  }

  it.each(four)('%s: the 2016 group meetings, a year only, on North Korea, with a source', async (code) => {
    const events = await timeline(code)
    const first = events.find((event) => event.id === `${code.toLowerCase()}-ip4-group-meetings-2016`)
    expect(first).toMatchObject({ date: '2016', precision: 'year', illustrative: false })
    expect(first?.description).toMatch(/North Korea/)
    expect(first?.source).toMatch(/^https:\/\/www\.nato\.int\//)
    const later = events.find((event) => event.id === `${code.toLowerCase()}-ip4-group-meetings-2019`)
    expect(later).toMatchObject({ date: '2019', precision: 'year' })
    const chiefs = events.find((event) => event.id === `${code.toLowerCase()}-chods-2025-01`)
    expect(chiefs).toMatchObject({ date: '2025-01', precision: 'month' })
  })

  it('keeps each dialogue start at the precision the sources give', async () => {
    const starts = await Promise.all(
      four.map(async (code) => {
        const { body } = await getJson(server, `/api/v1/partners/${code}`)
        return [code, (body as { dialogueSince: { date: string; precision: string } }).dialogueSince] as const
      }),
    )
    expect(Object.fromEntries(starts)).toEqual({
      AUS: expect.objectContaining({ date: '2005', precision: 'year' }),
      JPN: expect.objectContaining({ date: '199X', precision: 'decade' }),
      NZL: expect.objectContaining({ date: '2001', precision: 'year' }),
      KOR: expect.objectContaining({ date: '2005', precision: 'year' }),
    })
    const nzl = await timeline('NZL')
    expect(nzl.find((event) => event.id === 'nzl-goff-robertson-2001-09')).toMatchObject({
      date: '2001-09',
      precision: 'month',
    })
  })

  it('shows invented records as illustrative and every real one with a confidence and, mostly, a source', async () => {
    for (const code of four) {
      const events = await timeline(code)
      const real = events.filter((event) => !event.illustrative)
      expect(real.length).toBeGreaterThan(5)
      // Only the trend of 2019 comes from the article alone, without a reference source.
      expect(real.filter((event) => event.source === null).map((event) => event.id)).toEqual([
        `${code.toLowerCase()}-ip4-group-meetings-2019`,
      ])
    }
  })

  // ---- the cooperation menu (data/cooperation.json) ------------------------------------------

  interface Flagged {
    id: string
    illustrative: boolean
  }
  const list = async <T>(path: string, cookie: string): Promise<{ items: T[]; total: number }> => {
    const { status, body } = await getJson(server, path, cookie)
    expect(status, path).toBe(200)
    return body as { items: T[]; total: number }
  }

  it('loads the illustrative cooperation menu: items across providers and areas, events, requests, people, a report', async () => {
    const staff = await server.signIn('staff')
    const items = await list<
      Flagged & {
        code: string
        provider: { kind: string; code: string; name: string }
        priorityAreas: string[]
      }
    >('/api/v1/cooperation/items?limit=500', staff)
    const demo = items.items.filter((item) => item.id.startsWith('coop-demo-'))
    expect(demo).toHaveLength(32)
    expect(demo.every((item) => item.illustrative)).toBe(true)
    expect(new Set(demo.map((item) => item.provider.kind))).toEqual(new Set(['member', 'body']))
    // Every provider resolves to a name: a member's country or an alliance body, never a bare code.
    expect(demo.filter((item) => item.provider.name === item.provider.code)).toEqual([])
    const { rows: areas } = await sql<{ id: string }>`select id from priority_area`.execute(server.db.kysely)
    const known = new Set(areas.map((row) => row.id))
    const used = new Set(demo.flatMap((item) => item.priorityAreas))
    expect([...used].filter((area) => !known.has(area))).toEqual([])
    expect(used.size).toBeGreaterThanOrEqual(12)

    const events = await list<Flagged & { item: { id: string }; timeZone: string }>(
      '/api/v1/cooperation/events?limit=500',
      staff,
    )
    const demoEvents = events.items.filter((event) => event.id.startsWith('coop-demo-'))
    expect(demoEvents).toHaveLength(8)
    expect(demoEvents.every((event) => event.illustrative)).toBe(true)
    expect(demoEvents.every((event) => Intl.supportedValuesOf('timeZone').includes(event.timeZone))).toBe(
      true,
    )

    const requests = await list<Flagged & { partner: { code: string }; goals: { id: string }[] }>(
      '/api/v1/cooperation/requests?limit=500',
      staff,
    )
    expect(requests.total).toBe(9)
    expect(requests.items.every((request) => request.illustrative)).toBe(true)
    expect(new Set(requests.items.map((request) => request.partner.code))).toEqual(
      new Set(['AUS', 'JPN', 'KOR', 'NZL']),
    )
    // Each request serves a goal of its own partner's programme.
    for (const request of requests.items) {
      expect(request.goals.length, request.id).toBeGreaterThan(0)
      expect(
        request.goals.every((goal) => goal.id.startsWith(`${request.partner.code.toLowerCase()}-g`)),
      ).toBe(true)
    }

    let people = 0
    for (const event of demoEvents) {
      const registrations = await list<Flagged & { status: string }>(
        `/api/v1/cooperation/events/${event.id}/registrations?limit=500`,
        staff,
      )
      expect(registrations.items.every((registration) => registration.illustrative)).toBe(true)
      people += registrations.total
    }
    expect(people).toBe(7)
    const report = await getJson(server, '/api/v1/cooperation/requests/coop-demo-rq-kor-cyb110/report', staff)
    expect(report.status).toBe(200)
    expect(report.body).toMatchObject({ rating: 4, illustrative: true, goals: [{ id: 'kor-g3' }] })
  })

  it("shows Japan its own demo request and none of Korea's, nor Korea's participants", async () => {
    const jpn = await server.signIn('jpn')
    const requests = await list<{ id: string; partner: { code: string } }>(
      '/api/v1/cooperation/requests',
      jpn,
    )
    expect(requests.items.map((request) => request.id)).toEqual(['coop-demo-rq-jpn-mar110'])
    expect(requests.total).toBe(1)
    for (const id of ['coop-demo-rq-kor-cyb110', 'coop-demo-rq-kor-dis110', 'coop-demo-rq-kor-cbr110']) {
      expect((await getJson(server, `/api/v1/cooperation/requests/${id}`, jpn)).status).toBe(404)
    }
    expect(
      (await getJson(server, '/api/v1/cooperation/requests/coop-demo-rq-kor-cyb110/report', jpn)).status,
    ).toBe(404)
    const korean = await list<{ id: string }>('/api/v1/cooperation/requests?programme=kor-itpp-2023', jpn)
    expect(korean).toMatchObject({ items: [], total: 0 })
    const people = await list<{ personName: string }>(
      '/api/v1/cooperation/events/coop-demo-ev-dis110-2026-12/registrations',
      jpn,
    )
    expect(people).toMatchObject({ items: [], total: 0 })
    const kor = await server.signIn('kor')
    const own = await list<{ personName: string }>(
      '/api/v1/cooperation/events/coop-demo-ev-dis110-2026-12/registrations',
      kor,
    )
    expect(own.items.map((person) => person.personName).sort()).toEqual(['Jung Tae-yang', 'Lee Ha-eun'])
  })

  it('loads the cooperation menu once: a second load changes nothing', async () => {
    const before = await databaseFingerprint(server.db)
    await loadCooperationDemo(server.db, await readCooperationDemo(), fixedNow)
    expect(await databaseFingerprint(server.db)).toBe(before)
  })
})
