import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FrameworkDetail } from '../../src/contract/framework.ts'
import { PartnerDetail } from '../../src/contract/partner.ts'
import { SearchResults } from '../../src/contract/search.ts'
import { PrincipalView } from '../../src/contract/session.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

/** Authoring the registry (issue 11) over real HTTP on both engines. */
describe.each(engines)('registry authoring API on %s', (engine) => {
  let server: TestServer
  let staff = ''
  let jpn = ''
  let kor = ''

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
    kor = await server.signIn('kor')
  }, 60_000)
  afterAll(() => server.close())

  async function send(method: string, path: string, cookie: string, body?: unknown, version?: number) {
    const headers: Record<string, string> = { cookie }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (version !== undefined) headers['if-match'] = `"${version}"`
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      location: response.headers.get('location'),
      body: text === '' ? null : JSON.parse(text),
    }
  }
  const pointers = (body: { errors?: { pointer: string }[] }) =>
    (body.errors ?? []).map((error) => error.pointer).sort()
  const partner = async (code: string, cookie: string) => {
    const answer = await send('GET', `/api/v1/partners/${code}`, cookie)
    return { ...answer, detail: answer.status === 200 ? PartnerDetail.parse(answer.body) : null }
  }
  const publicMarking = { classification: 'PUBLIC', releasableTo: [] }
  const restrictedTo = (releasableTo: string[]) => ({ classification: 'RESTRICTED', releasableTo })

  it('gives staff the registry abilities, and partners none', async () => {
    const session = async (cookie: string) =>
      PrincipalView.parse((await getJson(server, '/api/v1/session', cookie)).body)
    expect((await session(staff)).abilities.editRegistry).toBe(true)
    expect((await session(jpn)).abilities.editRegistry).toBe(false)
    const japan = await partner('JPN', staff)
    expect(japan.detail?.abilities).toEqual({ edit: true, addEvent: true })
    expect(japan.etag).toBe(`"${japan.detail?.version}"`)
    expect((await partner('JPN', jpn)).detail?.abilities).toEqual({ edit: false, addEvent: false })
  })

  it('creates a partner and patches its profile under If-Match, keeping it findable by search', async () => {
    const created = await send('POST', '/api/v1/partners', staff, {
      code: 'xqa',
      name: 'Qarland',
      capital: 'Qarville',
      timeZone: 'Asia/Tokyo',
      summary: 'A fictional test partner',
      dialogueSince: { date: '201X', precision: 'decade' },
      marking: publicMarking,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const detail = PartnerDetail.parse(created.body)
    expect(detail).toMatchObject({ code: 'XQA', name: 'Qarland', status: 'active', version: 1 })
    expect(detail.dialogueSince?.label).toBe('the 2010s')
    const path = '/api/v1/partners/XQA'
    expect((await send('PATCH', path, staff, { name: 'Qarlandia' })).status).toBe(428)
    expect((await send('PATCH', path, staff, { name: 'Qarlandia' }, 2)).status).toBe(409)
    expect((await send('PATCH', path, jpn, { name: 'Qarlandia' }, 1)).status).toBe(403)
    const bad = await send('PATCH', path, staff, { timeZone: 'Mars/Base' }, 1)
    expect(bad.status).toBe(400)
    expect(pointers(bad.body)).toEqual(['#/timeZone'])
    const patched = await send(
      'PATCH',
      path,
      staff,
      { name: 'Qarlandia', capital: 'Port Qar', status: 'suspended' },
      1,
    )
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    expect(patched.etag).toBe('"2"')
    expect(PartnerDetail.parse(patched.body)).toMatchObject({
      name: 'Qarlandia',
      capital: 'Port Qar',
      status: 'suspended',
    })
    const hits = SearchResults.parse((await getJson(server, '/api/v1/search?q=qarlandia', kor)).body)
    expect(hits.items.map((hit) => hit.id)).toEqual(['XQA'])
    const again = await send('POST', '/api/v1/partners', staff, {
      code: 'XQA',
      name: 'Q',
      timeZone: 'UTC',
      marking: publicMarking,
    })
    expect(again.status).toBe(400)
    expect(pointers(again.body)).toEqual(['#/code'])
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity', '=', 'partner')
      .where('entity_id', '=', 'XQA')
      .orderBy('seq')
      .execute()
    expect(audit.map((row) => row.action)).toEqual(['create', 'update'])
    expect(Object.keys(JSON.parse(String(audit[1]?.changes))).sort()).toEqual(['capital', 'name', 'status'])
  })

  it('records a new code once when editors create it at the same moment; the rest get the clear 400', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        send('POST', '/api/v1/partners', staff, {
          code: 'XQR',
          name: `Racing ${i}`,
          timeZone: 'UTC',
          marking: publicMarking,
        }),
      ),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400, 400, 400, 400])
    for (const refused of answers.filter((answer) => answer.status === 400)) {
      expect(pointers(refused.body)).toEqual(['#/code'])
    }
    const rows = await server.db.kysely
      .selectFrom('partner')
      .select('country_code')
      .where('country_code', '=', 'XQR')
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('refuses a bad partner listing every problem, and signed-out and partner writers', async () => {
    const bad = await send('POST', '/api/v1/partners', staff, {
      code: 'Q1',
      name: '',
      timeZone: 'UTC',
      status: 'sleeping',
      dialogueSince: { date: '1990', precision: 'decade' },
      marking: publicMarking,
    })
    expect(bad.status).toBe(400)
    expect(pointers(bad.body)).toEqual(['#/code', '#/dialogueSince/date', '#/name', '#/status'])
    const body = { code: 'XQB', name: 'B', timeZone: 'UTC', marking: publicMarking }
    expect((await send('POST', '/api/v1/partners', '', body)).status).toBe(401)
    expect((await send('POST', '/api/v1/partners', jpn, body)).status).toBe(403)
    expect((await send('PATCH', '/api/v1/partners/XZZ', staff, { name: 'Z' }, 1)).status).toBe(404)
    expect((await partner('XQB', staff)).status).toBe(404)
  })

  it('adds, patches and deletes events; a stale version is 409 and nothing changes', async () => {
    const added = await send('POST', '/api/v1/partners/JPN/events', staff, {
      kind: 'meeting',
      title: 'Decade-long staff contacts',
      date: { date: '198X', precision: 'decade' },
      marking: publicMarking,
    })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    const id = String(added.location).split('/').pop() ?? ''
    const event = PartnerDetail.parse(added.body).timeline.find((item) => item.id === id)
    expect(event).toMatchObject({
      date: '198X',
      precision: 'decade',
      label: 'the 1980s',
      version: 1,
      link: null,
    })
    expect(event?.abilities).toEqual({ edit: true, delete: true })
    const path = `/api/v1/partners/JPN/events/${id}`
    expect((await send('PATCH', path, staff, { title: 'X' })).status).toBe(428)
    expect((await send('PATCH', path, staff, { title: 'X' }, 2)).status).toBe(409)
    expect((await send('PATCH', path, kor, { title: 'X' }, 1)).status).toBe(403)
    const bad = await send(
      'PATCH',
      path,
      staff,
      { title: '', kind: 'party', date: { date: '2020-13', precision: 'month' } },
      1,
    )
    expect(bad.status).toBe(400)
    expect(pointers(bad.body)).toEqual(['#/date/date', '#/kind', '#/title'])
    const linked = await send(
      'PATCH',
      path,
      staff,
      { date: { date: '1989', precision: 'year' }, link: { type: 'programme', id: 'jpn-ipcp-2014' } },
      1,
    )
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    expect(linked.etag).toBe('"2"')
    expect(PartnerDetail.parse(linked.body).timeline.find((item) => item.id === id)).toMatchObject({
      date: '1989',
      link: { type: 'programme', id: 'jpn-ipcp-2014' },
    })
    const missing = await send('PATCH', path, staff, { link: { type: 'engagement', id: 'no-such' } }, 2)
    expect(pointers(missing.body)).toEqual(['#/link/id'])
    expect((await send('DELETE', path, staff, undefined, 1)).status).toBe(409)
    expect((await send('DELETE', path, jpn, undefined, 2)).status).toBe(403)
    expect((await send('DELETE', path, staff, undefined, 2)).status).toBe(204)
    expect((await send('DELETE', path, staff, undefined, 2)).status).toBe(404)
  })

  it('keeps a RESTRICTED event released only to JPN from KOR: timeline, counts and search', async () => {
    const before = (await partner('JPN', kor)).detail
    const added = await send('POST', '/api/v1/partners/JPN/events', staff, {
      kind: 'dialogue',
      title: 'Zephyrine consultations',
      date: { date: '199X', precision: 'decade' },
      marking: restrictedTo(['JPN']),
    })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    const id = String(added.location).split('/').pop() ?? ''
    const japan = (await partner('JPN', jpn)).detail
    expect(japan?.timeline.map((item) => item.id)).toContain(id)
    expect(japan?.marking.classification).toBe('RESTRICTED')
    const korea = (await partner('JPN', kor)).detail
    expect(korea?.timeline.map((item) => item.id)).not.toContain(id)
    expect(korea?.eventCount).toBe(before?.eventCount)
    expect(korea?.marking).toEqual(before?.marking)
    const list = (await getJson(server, '/api/v1/partners?q=japan', kor)).body as {
      items: { eventCount: number }[]
    }
    expect(list.items[0]?.eventCount).toBe(before?.eventCount)
    const hits = async (cookie: string) =>
      SearchResults.parse((await getJson(server, '/api/v1/search?q=zephyrine', cookie)).body)
    expect((await hits(kor)).total).toBe(0)
    expect((await hits(kor)).items).toEqual([])
    expect((await hits(jpn)).items.map((hit) => hit.id)).toEqual([id])
    // Released to KOR too: now Korea sees it, and search follows in the same write.
    const version = japan?.timeline.find((item) => item.id === id)?.version ?? 0
    const released = await send(
      'PATCH',
      `/api/v1/partners/JPN/events/${id}`,
      staff,
      { marking: restrictedTo(['JPN', 'KOR']) },
      version,
    )
    expect(released.status).toBe(200)
    expect((await hits(kor)).total).toBe(1)
    expect((await partner('JPN', kor)).detail?.eventCount).toBe((before?.eventCount ?? 0) + 1)
  })

  it('hides the id of a link to an engagement the reader may not see', async () => {
    const engagement = await send('POST', '/api/v1/engagements', staff, {
      kind: 'staff-talks',
      level: 'working-level',
      format: 'bilateral',
      title: 'Alliance-only preparatory talks',
      place: 'Brussels',
      timeZone: 'Europe/Brussels',
      start: '2026-05-10T10:00',
      end: '2026-05-10T12:00',
      marking: restrictedTo([]),
    })
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201)
    const engagementId = String(engagement.body.id)
    const added = await send('POST', '/api/v1/partners/JPN/events', staff, {
      kind: 'meeting',
      title: 'Talks recorded publicly',
      date: { date: '2026-05', precision: 'month' },
      link: { type: 'engagement', id: engagementId },
      marking: publicMarking,
    })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    const id = String(added.location).split('/').pop() ?? ''
    const seen = (await partner('JPN', staff)).detail?.timeline.find((item) => item.id === id)
    expect(seen?.link).toEqual({
      type: 'engagement',
      id: engagementId,
      title: 'Alliance-only preparatory talks',
    })
    const asJapan = await send('GET', '/api/v1/partners/JPN', jpn)
    expect(JSON.stringify(asJapan.body)).not.toContain(engagementId)
    expect(PartnerDetail.parse(asJapan.body).timeline.find((item) => item.id === id)?.link).toBeNull()
    // A partner writing nothing, staff editing the title: the hidden-to-others link stays.
    const patched = await send(
      'PATCH',
      `/api/v1/partners/JPN/events/${id}`,
      staff,
      { title: 'Talks, recorded' },
      1,
    )
    expect(PartnerDetail.parse(patched.body).timeline.find((item) => item.id === id)?.link?.id).toBe(
      engagementId,
    )
  })

  it('creates and patches a framework, and records, changes and ends memberships without overlap', async () => {
    const created = await send('POST', '/api/v1/frameworks', staff, {
      id: 'test-forum',
      name: 'Test Forum',
      shortName: 'TF',
      started: { date: '2001', precision: 'year' },
      marking: publicMarking,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(FrameworkDetail.parse(created.body)).toMatchObject({
      id: 'test-forum',
      version: 1,
      memberCount: 0,
    })
    expect(
      (
        await send('POST', '/api/v1/frameworks', staff, {
          id: 'test-forum',
          name: 'X',
          shortName: 'X',
          marking: publicMarking,
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await send('POST', '/api/v1/frameworks', jpn, {
          id: 'jpn-forum',
          name: 'X',
          shortName: 'X',
          marking: publicMarking,
        })
      ).status,
    ).toBe(403)
    const path = '/api/v1/frameworks/test-forum'
    expect((await send('PATCH', path, staff, { name: 'Test Forum 2' })).status).toBe(428)
    expect((await send('PATCH', path, staff, { name: 'Test Forum 2' }, 9)).status).toBe(409)
    const renamed = await send('PATCH', path, staff, { name: 'Test Forum 2', formal: true }, 1)
    expect(renamed.status).toBe(200)
    expect(renamed.etag).toBe('"2"')

    const add = (body: Record<string, unknown>) =>
      send('POST', `${path}/memberships`, staff, { marking: publicMarking, ...body })
    const first = await add({ country: 'JPN', from: { date: '2005', precision: 'year' } })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const membershipId = String(first.location).split('/').pop() ?? ''
    const framework = FrameworkDetail.parse(first.body)
    expect(framework.memberCount).toBe(1)
    expect(framework.history[0]).toMatchObject({
      id: membershipId,
      version: 1,
      abilities: { edit: true, end: true },
    })
    const overlapping = await add({ country: 'JPN', from: { date: '2010', precision: 'year' } })
    expect(overlapping.status).toBe(400)
    expect(pointers(overlapping.body)).toEqual(['#/from'])
    const unknown = await add({
      country: 'QQQ',
      from: { date: '2010', precision: 'year' },
      to: { date: '2009', precision: 'year' },
    })
    expect(pointers(unknown.body)).toEqual(['#/country', '#/to'])
    const membership = `${path}/memberships/${membershipId}`
    expect(
      (await send('POST', `${membership}/end`, staff, { to: { date: '2007', precision: 'year' } })).status,
    ).toBe(428)
    expect(
      (await send('POST', `${membership}/end`, kor, { to: { date: '2007', precision: 'year' } }, 1)).status,
    ).toBe(403)
    const ended = await send(
      'POST',
      `${membership}/end`,
      staff,
      { to: { date: '2007', precision: 'year' } },
      1,
    )
    expect(ended.status, JSON.stringify(ended.body)).toBe(200)
    const after = FrameworkDetail.parse(ended.body)
    expect(after.history[0]).toMatchObject({
      status: 'former',
      to: { date: '2007' },
      abilities: { end: false },
    })
    expect(after.memberCount).toBe(0)
    expect(
      (await send('POST', `${membership}/end`, staff, { to: { date: '2008', precision: 'year' } }, 2)).status,
    ).toBe(409)
    // 2007 may mean any day of 2007, so a span from June 2007 would overlap; from 2008 does not.
    expect((await add({ country: 'JPN', from: { date: '2007-06', precision: 'month' } })).status).toBe(400)
    expect((await add({ country: 'JPN', from: { date: '2008', precision: 'year' } })).status).toBe(201)
    const patchedSpan = await send('PATCH', membership, staff, { to: { date: '2009', precision: 'year' } }, 2)
    expect(patchedSpan.status).toBe(400)
    expect((await send('PATCH', membership, staff, { note: 'Corrected' }, 2)).status).toBe(200)
    expect((await send('PATCH', `${path}/memberships/no-such`, staff, { note: 'x' }, 1)).status).toBe(404)
  })

  it('answers 404 for a hidden framework and a hidden partner to a writer of lower clearance alike', async () => {
    expect((await send('PATCH', '/api/v1/frameworks/no-such', staff, { name: 'x' }, 1)).status).toBe(404)
    expect(
      (
        await send('POST', '/api/v1/partners/XZZ/events', staff, {
          kind: 'meeting',
          title: 'x',
          date: { date: '2020', precision: 'year' },
          marking: publicMarking,
        })
      ).status,
    ).toBe(404)
  })
})
