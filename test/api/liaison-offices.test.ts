import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LiaisonOfficeDetail, LiaisonOfficeList } from '../../src/contract/liaison-office.ts'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { engines } from '../support/databases.ts'
import { fixedNow, getJson, startTestServer, type TestServer } from '../support/server.ts'

/** Liaison offices over real HTTP: staff record them; adopting the proposal that decides one opens it. */
describe.each(engines)('liaison offices API on %s', (engine) => {
  let server: TestServer
  let staff = ''
  let fra = ''
  let jpn = ''

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    fra = await server.signIn('fra')
    jpn = await server.signIn('jpn')
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
      body: text === '' ? null : JSON.parse(text),
    }
  }

  const seoul = {
    city: 'Seoul',
    country: 'KOR',
    timeZone: 'Asia/Seoul',
    partners: ['KOR', 'JPN'],
    marking: { classification: 'PUBLIC', releasableTo: [] },
  }

  async function created(body: unknown = seoul) {
    const answer = await send('POST', '/api/v1/liaison-offices', staff, body)
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const office = LiaisonOfficeDetail.parse(answer.body)
    expect(answer.etag).toBe(`"${office.version}"`)
    return office
  }

  it('has the demo: Tokyo proposed and blocked by France, and a silence due minutes after the first start', async () => {
    const tokyo = LiaisonOfficeDetail.parse(
      (await getJson(server, '/api/v1/liaison-offices/tokyo-liaison-office', '')).body,
    )
    expect(tokyo).toMatchObject({
      city: 'Tokyo',
      timeZone: 'Asia/Tokyo',
      status: 'proposed',
      proposal: { id: 'tokyo-liaison-office-proposal', status: 'blocked' },
    })
    const proposal = ProposalDetail.parse(
      (await getJson(server, '/api/v1/proposals/tokyo-liaison-office-proposal', fra)).body,
    )
    expect(proposal).toMatchObject({
      kind: 'liaison-office',
      procedure: 'consensus',
      liaisonOffice: tokyo.id,
    })
    expect(proposal.blockers).toEqual(['FRA'])
    expect(
      proposal.history?.filter((entry) => entry.member === 'FRA').map((entry) => entry.position),
    ).toEqual(['object', 'object'])
    const silence = ProposalDetail.parse(
      (await getJson(server, '/api/v1/proposals/silence-ip4-dialogue-calendar', '')).body,
    )
    expect(silence).toMatchObject({ status: 'open', procedure: 'silence' })
    expect(Date.parse(silence.deadline ?? '') - fixedNow.getTime()).toBe(5 * 60_000)
  })

  it('records an office for staff, proposed, with its partners sorted, and audits it', async () => {
    const office = await created()
    expect(office).toMatchObject({
      city: 'Seoul',
      country: 'KOR',
      countryName: 'Republic of Korea',
      timeZone: 'Asia/Seoul',
      status: 'proposed',
      partners: ['JPN', 'KOR'],
      proposal: null,
      abilities: { edit: true },
    })
    const list = LiaisonOfficeList.parse(
      (await getJson(server, '/api/v1/liaison-offices?partner=KOR', jpn)).body,
    )
    expect(list.items.map((item) => item.id)).toContain(office.id)
    expect(list.items.find((item) => item.id === office.id)?.abilities.edit).toBe(false)
    const none = LiaisonOfficeList.parse(
      (await getJson(server, '/api/v1/liaison-offices?partner=AUS', '')).body,
    )
    expect(none.items.map((item) => item.id)).not.toContain(office.id)
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'liaison-office')
      .where('entity_id', '=', office.id)
      .execute()
    expect(audit.map((row) => row.action)).toEqual(['create'])
  })

  it('refuses a bad zone, unknown countries and non-staff writers, changing nothing', async () => {
    const bad = await send('POST', '/api/v1/liaison-offices', staff, {
      ...seoul,
      timeZone: 'Asia/Seol',
      country: 'XXX',
      partners: ['KOR', 'QQQ'],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '#/country',
      '#/partners',
      '#/timeZone',
    ])
    expect((await send('POST', '/api/v1/liaison-offices', fra, seoul)).status).toBe(403)
    expect((await send('POST', '/api/v1/liaison-offices', '', seoul)).status).toBe(401)
    const office = await created()
    const path = `/api/v1/liaison-offices/${office.id}`
    expect((await send('PATCH', path, staff, { city: 'Busan' })).status).toBe(428)
    expect((await send('PATCH', path, staff, { city: 'Busan' }, office.version + 1)).status).toBe(409)
    expect((await send('PATCH', path, jpn, { city: 'Busan' }, office.version)).status).toBe(403)
    expect((await send('PATCH', path, staff, { timeZone: 'Mars/Base' }, office.version)).status).toBe(400)
    expect(
      (await send('PATCH', '/api/v1/liaison-offices/no-such-office', staff, { city: 'Busan' }, 1)).status,
    ).toBe(404)
    const after = LiaisonOfficeDetail.parse((await getJson(server, path, staff)).body)
    expect(after).toMatchObject({ city: 'Seoul', version: office.version })

    const changed = await send('PATCH', path, staff, { city: 'Busan', partners: ['KOR'] }, office.version)
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(LiaisonOfficeDetail.parse(changed.body)).toMatchObject({
      city: 'Busan',
      partners: ['KOR'],
      version: office.version + 1,
    })
    expect(changed.etag).toBe(`"${office.version + 1}"`)
  })

  it('opens when the liaison-office proposal that decides it is adopted', async () => {
    const office = await created({
      ...seoul,
      city: 'Canberra',
      country: 'AUS',
      timeZone: 'Australia/Sydney',
      partners: ['AUS', 'NZL'],
    })
    const unknown = await send('POST', '/api/v1/proposals', staff, {
      title: 'Open an office nowhere',
      kind: 'liaison-office',
      procedure: 'consensus',
      liaisonOffice: 'no-such-office',
      marking: { classification: 'PUBLIC', releasableTo: [] },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].pointer).toBe('#/liaisonOffice')

    const draft = await send('POST', '/api/v1/proposals', staff, {
      title: 'Open a liaison office in Canberra',
      kind: 'liaison-office',
      partner: 'AUS',
      procedure: 'consensus',
      liaisonOffice: office.id,
      marking: { classification: 'PUBLIC', releasableTo: [] },
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    let detail = ProposalDetail.parse(draft.body)
    expect(detail.liaisonOffice).toBe(office.id)
    detail = ProposalDetail.parse(
      (await send('POST', `/api/v1/proposals/${detail.id}/open`, staff, undefined, detail.version)).body,
    )
    const linked = LiaisonOfficeDetail.parse(
      (await getJson(server, `/api/v1/liaison-offices/${office.id}`, jpn)).body,
    )
    expect(linked.proposal).toEqual({ id: detail.id, status: 'open' })

    const members = (detail.positions ?? []).map((entry) => entry.member)
    for (const [index, member] of members.entries()) {
      const answer = await send(
        'PUT',
        `/api/v1/proposals/${detail.id}/positions/${member}`,
        member === 'FRA' ? fra : staff,
        { position: 'concur' },
        detail.version,
      )
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      detail = ProposalDetail.parse(answer.body)
      // Still proposed until the very last member concurs.
      if (index === members.length - 2) {
        const pending = LiaisonOfficeDetail.parse(
          (await getJson(server, `/api/v1/liaison-offices/${office.id}`, staff)).body,
        )
        expect(pending.status).toBe('proposed')
      }
    }
    expect(detail.status).toBe('adopted')
    const opened = LiaisonOfficeDetail.parse(
      (await getJson(server, `/api/v1/liaison-offices/${office.id}`, staff)).body,
    )
    expect(opened).toMatchObject({
      status: 'open',
      version: office.version + 1,
      proposal: { status: 'adopted' },
    })
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity', '=', 'liaison-office')
      .where('entity_id', '=', office.id)
      .execute()
    expect(audit.map((row) => row.action)).toEqual(['create', 'update'])
    expect(audit[1]?.actor ?? null).toBeNull()
    // Open, it is a place to schedule with, by id or by city; a proposed one is not.
    const series = (place: string) =>
      send('POST', '/api/v1/scheduling/series', staff, {
        participants: [{ place: 'BRU' }, { place }],
        from: '2026-01-05',
        occurrences: 2,
        duration: 60,
      })
    for (const ref of [`office:${office.id}`, 'office:canberra']) {
      const planned = await series(ref)
      expect(planned.status, JSON.stringify(planned.body)).toBe(200)
      expect(planned.body.participants[1]).toMatchObject({ kind: 'office', zone: 'Australia/Sydney' })
    }
    const proposed = await created({
      ...seoul,
      city: 'Wellington',
      country: 'NZL',
      timeZone: 'Pacific/Auckland',
    })
    const refused = await series(`office:${proposed.id}`)
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].pointer).toBe('#/participants/1/place')
    const openList = LiaisonOfficeList.parse(
      (await getJson(server, '/api/v1/liaison-offices?status=open', '')).body,
    )
    expect(openList.items.map((item) => item.id)).toContain(office.id)
  }, 60_000)
})
