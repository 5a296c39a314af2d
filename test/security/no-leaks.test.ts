import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FrameworkDetail, FrameworkList } from '../../src/contract/framework.ts'
import { PartnerDetail, PartnerList } from '../../src/contract/partner.ts'
import { markingToColumns } from '../../src/store/marking-columns.ts'
import { readDemoData } from '../../src/store/seed/load-demo.ts'
import { engines } from '../support/databases.ts'
import { demoNow, getJson, startTestServer, type TestServer } from '../support/server.ts'

// The demo's alliance-only records. Partners and the public must never learn of them: not in a
// list, a detail, a count, or a search hit.
const demo = await readDemoData()
const allianceOnly = demo.events.filter(
  (event) =>
    event.marking !== undefined &&
    event.marking.classification !== 'PUBLIC' &&
    event.marking.releasableTo.length === 0,
)
const releasedToJapan = demo.events.filter((event) => event.marking?.releasableTo.includes('JPN') === true)

/** A partner and a framework membership that only the alliance may know of. */
async function addHiddenFixtures(server: TestServer): Promise<void> {
  const hidden = markingToColumns({ classification: 'RESTRICTED', releasableTo: [] })
  await server.db.kysely
    .insertInto('country')
    .values({ code: 'QZZ', name: 'Quietland', capital: 'Hushton', time_zone: 'Europe/Brussels' })
    .execute()
  await server.db.kysely
    .insertInto('partner')
    .values({
      country_code: 'QZZ',
      status: 'active',
      summary: 'Secret partner',
      dialogue_date: null,
      dialogue_precision: null,
      version: 1,
      ...hidden,
    })
    .execute()
  await server.db.kysely
    .insertInto('framework_membership')
    .values({
      id: 'hidden-ip4-mng',
      framework_id: 'ip4',
      country_code: 'MNG',
      from_date: '2024-01-01',
      from_precision: 'day',
      to_date: null,
      to_precision: null,
      status: 'active',
      note: null,
      ...hidden,
    })
    .execute()
}

describe.each(engines)('no leaks of marked records on %s', (engine) => {
  let server: TestServer
  const viewers = ['public', 'jpn', 'kor'] as const
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer(engine, { now: demoNow })
    await addHiddenFixtures(server)
    cookies.public = ''
    for (const user of ['jpn', 'kor', 'staff', 'fra']) {
      cookies[user] = await server.signIn(user)
    }
  })
  afterAll(() => server.close())

  it('has alliance-only records in the demo to test with', () => {
    expect(allianceOnly.length).toBeGreaterThan(0)
    expect(releasedToJapan.length).toBeGreaterThan(0)
  })

  it.each(viewers)('hides alliance-only events from %s in every partner detail', async (viewer) => {
    for (const event of allianceOnly) {
      const detail = PartnerDetail.parse(
        (await getJson(server, `/api/v1/partners/${event.partner}`, cookies[viewer])).body,
      )
      expect(detail.timeline.map((e) => e.id)).not.toContain(event.id)
      expect(JSON.stringify(detail)).not.toContain(event.title)
      expect(detail.marking.classification).toBe(
        viewer === 'public' ? 'PUBLIC' : detail.marking.classification,
      )
    }
  })

  it.each(viewers)('leaves alliance-only events out of the counts %s sees', async (viewer) => {
    const staffList = PartnerList.parse((await getJson(server, '/api/v1/partners', cookies.staff)).body)
    const theirList = PartnerList.parse((await getJson(server, '/api/v1/partners', cookies[viewer])).body)
    for (const event of allianceOnly) {
      const staffCount = staffList.items.find((p) => p.code === event.partner)?.eventCount ?? 0
      const theirCount = theirList.items.find((p) => p.code === event.partner)?.eventCount ?? 0
      const detail = PartnerDetail.parse(
        (await getJson(server, `/api/v1/partners/${event.partner}`, cookies[viewer])).body,
      )
      expect(theirCount).toBeLessThan(staffCount)
      expect(theirCount).toBe(detail.timeline.length)
    }
  })

  it('shows staff and allies the alliance-only events', async () => {
    for (const user of ['staff', 'fra']) {
      for (const event of allianceOnly) {
        const detail = PartnerDetail.parse(
          (await getJson(server, `/api/v1/partners/${event.partner}`, cookies[user])).body,
        )
        expect(detail.timeline.map((e) => e.id)).toContain(event.id)
        expect(detail.marking.releasableTo).toEqual([])
      }
    }
  })

  it('shows Japan what is released to Japan, and Korea none of it', async () => {
    const forJapan = PartnerDetail.parse((await getJson(server, '/api/v1/partners/JPN', cookies.jpn)).body)
    const forKorea = PartnerDetail.parse((await getJson(server, '/api/v1/partners/JPN', cookies.kor)).body)
    const forPublic = PartnerDetail.parse((await getJson(server, '/api/v1/partners/JPN')).body)
    for (const event of releasedToJapan.filter((e) => e.partner === 'JPN')) {
      expect(forJapan.timeline.map((e) => e.id)).toContain(event.id)
      expect(forKorea.timeline.map((e) => e.id)).not.toContain(event.id)
      expect(forPublic.timeline.map((e) => e.id)).not.toContain(event.id)
    }
    expect(forJapan.marking.releasableTo).toEqual(['JPN'])
    expect(forPublic.marking.classification).toBe('PUBLIC')
  })

  it.each(viewers)('gives %s the same framework counts as the member lists it can see', async (viewer) => {
    const list = FrameworkList.parse((await getJson(server, '/api/v1/frameworks', cookies[viewer])).body)
    for (const framework of list.items) {
      const detail = FrameworkDetail.parse(
        (await getJson(server, `/api/v1/frameworks/${framework.id}`, cookies[viewer])).body,
      )
      expect(framework.memberCount).toBe(detail.members.filter((m) => m.status !== 'former').length)
    }
  })

  it.each(viewers)(
    'hides an alliance-only partner from %s in lists, totals, search and detail',
    async (viewer) => {
      const list = PartnerList.parse((await getJson(server, '/api/v1/partners', cookies[viewer])).body)
      expect(list.items.map((p) => p.code)).not.toContain('QZZ')
      expect(list.total).toBe(40)
      const search = PartnerList.parse(
        (await getJson(server, '/api/v1/partners?q=quiet', cookies[viewer])).body,
      )
      expect(search.total).toBe(0)
      expect((await getJson(server, '/api/v1/partners/QZZ', cookies[viewer])).status).toBe(404)
    },
  )

  it('shows the alliance-only partner to staff and allies', async () => {
    for (const user of ['staff', 'fra']) {
      const list = PartnerList.parse((await getJson(server, '/api/v1/partners', cookies[user])).body)
      expect(list.total).toBe(41)
      expect((await getJson(server, '/api/v1/partners/QZZ', cookies[user])).status).toBe(200)
    }
  })

  it.each(viewers)(
    'hides an alliance-only membership from %s in member lists, counts and filters',
    async (viewer) => {
      const ip4 = FrameworkDetail.parse(
        (await getJson(server, '/api/v1/frameworks/ip4', cookies[viewer])).body,
      )
      expect(ip4.members.map((m) => m.code)).not.toContain('MNG')
      expect(ip4.history.map((m) => m.code)).not.toContain('MNG')
      expect(ip4.memberCount).toBe(4)
      const filtered = PartnerList.parse(
        (await getJson(server, '/api/v1/partners?framework=ip4', cookies[viewer])).body,
      )
      expect(filtered.total).toBe(4)
      const mongolia = PartnerDetail.parse(
        (await getJson(server, '/api/v1/partners/MNG', cookies[viewer])).body,
      )
      expect(mongolia.frameworks.map((f) => f.id)).not.toContain('ip4')
    },
  )

  it('shows staff the alliance-only membership', async () => {
    const ip4 = FrameworkDetail.parse((await getJson(server, '/api/v1/frameworks/ip4', cookies.staff)).body)
    expect(ip4.memberCount).toBe(5)
    expect(ip4.members.map((m) => m.code)).toContain('MNG')
    expect(ip4.marking.label).toBe('RESTRICTED — ALLIANCE ONLY')
  })
})
