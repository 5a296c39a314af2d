import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProposalDetail, ProposalList } from '../../src/contract/proposal.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

/** Decisions by consensus over real HTTP: France's objection blocks, every member concurring adopts. */
describe.each(engines)('proposals API on %s', (engine) => {
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

  const tokyo = {
    title: 'Open a liaison office in Tokyo',
    text: 'Illustrative: a liaison office hosted by the Embassy of the host nation.',
    kind: 'liaison-office',
    partner: 'JPN',
    procedure: 'consensus',
    marking: { classification: 'PUBLIC', releasableTo: [] },
  }

  async function openedProposal(): Promise<{ id: string; version: number }> {
    const created = await send('POST', '/api/v1/proposals', staff, tokyo)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const draft = ProposalDetail.parse(created.body)
    expect(draft.status).toBe('draft')
    expect(created.etag).toBe(`"${draft.version}"`)
    const opened = await send('POST', `/api/v1/proposals/${draft.id}/open`, staff, undefined, draft.version)
    expect(opened.status, JSON.stringify(opened.body)).toBe(200)
    return { id: draft.id, version: ProposalDetail.parse(opened.body).version }
  }

  async function position(id: string, member: string, cookie: string, value: string, version: number) {
    return send('PUT', `/api/v1/proposals/${id}/positions/${member}`, cookie, { position: value }, version)
  }

  it('is blocked by France’s objection and adopted once every member concurs', async () => {
    let { id, version } = await openedProposal()
    const objected = await position(id, 'FRA', fra, 'object', version)
    expect(objected.status, JSON.stringify(objected.body)).toBe(200)
    let detail = ProposalDetail.parse(objected.body)
    expect(detail.status).toBe('blocked')
    expect(detail.blockers).toEqual(['FRA'])
    expect(detail.positions).toHaveLength(32)
    expect(detail.history?.[0]).toMatchObject({
      member: 'FRA',
      position: 'object',
      recordedBy: 'fra',
      onBehalf: false,
    })
    version = detail.version

    const changed = await position(id, 'FRA', fra, 'concur', version)
    detail = ProposalDetail.parse(changed.body)
    expect(detail.status).toBe('open')
    version = detail.version

    const others = (detail.positions ?? []).map((entry) => entry.member).filter((member) => member !== 'FRA')
    expect(others).toHaveLength(31)
    for (const member of others) {
      const recorded = await position(id, member, staff, 'concur', version)
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200)
      detail = ProposalDetail.parse(recorded.body)
      version = detail.version
    }
    expect(detail.status).toBe('adopted')
    expect(detail.history?.at(-1)).toMatchObject({ position: 'concur', recordedBy: 'staff', onBehalf: true })
    expect(detail.abilities).toEqual({
      open: false,
      withdraw: false,
      recordPositions: 'none',
      edit: false,
      breakSilence: 'none',
    })

    const late = await position(id, 'FRA', fra, 'object', version)
    expect(late.status).toBe(409)
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'proposal')
      .where('entity_id', '=', id)
      .execute()
    const actions = audit.map((row) => row.action)
    expect(actions.filter((action) => action === 'position')).toHaveLength(33)
    expect(actions.filter((action) => action === 'adopted')).toHaveLength(1)
    expect(actions).toEqual(expect.arrayContaining(['create', 'open', 'blocked']))
  }, 60_000)

  it('lists positions for allies and staff, never for partners or the public', async () => {
    const { id, version } = await openedProposal()
    await position(id, 'FRA', fra, 'object', version)
    const forAlly = ProposalList.parse((await getJson(server, '/api/v1/proposals?status=blocked', fra)).body)
    const item = forAlly.items.find((entry) => entry.id === id)
    expect(item?.positions?.find((entry) => entry.member === 'FRA')?.position).toBe('object')
    for (const cookie of [jpn, '']) {
      const list = ProposalList.parse((await getJson(server, '/api/v1/proposals', cookie)).body)
      const seen = list.items.find((entry) => entry.id === id)
      expect(seen?.status).toBe('blocked')
      expect(seen?.positions).toBeUndefined()
      const detail = ProposalDetail.parse((await getJson(server, `/api/v1/proposals/${id}`, cookie)).body)
      expect(detail.history).toBeUndefined()
      expect(detail.blockers).toBeUndefined()
    }
  })

  it('refuses what the rules forbid and changes nothing', async () => {
    const { id, version } = await openedProposal()
    expect((await position(id, 'DEU', fra, 'concur', version)).status).toBe(403)
    expect((await position(id, 'JPN', staff, 'concur', version)).status).toBe(404)
    expect((await position(id, 'FRA', fra, 'concur', version + 5)).status).toBe(409)
    expect(
      (await send('PUT', `/api/v1/proposals/${id}/positions/FRA`, fra, { position: 'concur' })).status,
    ).toBe(428)
    expect((await send('POST', `/api/v1/proposals/${id}/withdraw`, fra, undefined, version)).status).toBe(403)
    expect((await send('POST', `/api/v1/proposals/${id}/open`, staff, undefined, version)).status).toBe(409)
    expect((await send('POST', '/api/v1/proposals', jpn, tokyo)).status).toBe(403)
    const bad = await send('POST', '/api/v1/proposals', staff, {
      ...tokyo,
      procedure: 'silence',
      partner: 'XXX',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '#/deadline',
      '#/partner',
    ])
    const detail = ProposalDetail.parse((await getJson(server, `/api/v1/proposals/${id}`, staff)).body)
    expect(detail.version).toBe(version)
    expect(detail.history).toEqual([])
    const withdrawn = await send('POST', `/api/v1/proposals/${id}/withdraw`, staff, undefined, version)
    expect(ProposalDetail.parse(withdrawn.body).status).toBe('withdrawn')
  })

  it('takes no positions under the silence procedure', async () => {
    const created = await send('POST', '/api/v1/proposals', staff, {
      ...tokyo,
      procedure: 'silence',
      deadline: '2099-01-01T12:00:00Z',
    })
    const draft = ProposalDetail.parse(created.body)
    const opened = ProposalDetail.parse(
      (await send('POST', `/api/v1/proposals/${draft.id}/open`, staff, undefined, draft.version)).body,
    )
    expect(opened).toMatchObject({
      status: 'open',
      procedure: 'silence',
      deadline: '2099-01-01T12:00:00.000Z',
      abilities: { breakSilence: 'any', recordPositions: 'none' },
    })
    const forAlly = ProposalDetail.parse((await getJson(server, `/api/v1/proposals/${opened.id}`, fra)).body)
    const forPartner = ProposalDetail.parse(
      (await getJson(server, `/api/v1/proposals/${opened.id}`, jpn)).body,
    )
    expect([forAlly.abilities.breakSilence, forPartner.abilities.breakSilence]).toEqual(['own', 'none'])
    expect((await position(opened.id, 'FRA', fra, 'object', opened.version)).status).toBe(409)
  })
})
