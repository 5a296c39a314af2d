import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { engines } from '../support/databases.ts'
import { fixedNow, getJson, startTestServer, type TestServer } from '../support/server.ts'

/** Editing a draft (merge patch) and breaking a silence procedure, over real HTTP. */
describe.each(engines)('proposal edits and broken silence on %s', (engine) => {
  let server: TestServer
  let staff = ''
  let fra = ''
  let jpn = ''
  const inADay = new Date(fixedNow.getTime() + 86_400_000).toISOString()

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

  const silence = {
    title: 'Statement on maritime security',
    text: 'Adopted unless a member breaks silence.',
    kind: 'statement',
    partner: 'JPN',
    procedure: 'silence',
    deadline: inADay,
    marking: { classification: 'PUBLIC', releasableTo: [] },
  }

  async function draft(): Promise<z.infer<typeof ProposalDetail>> {
    const created = await send('POST', '/api/v1/proposals', staff, silence)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return ProposalDetail.parse(created.body)
  }

  async function opened(): Promise<z.infer<typeof ProposalDetail>> {
    const made = await draft()
    const answer = await send('POST', `/api/v1/proposals/${made.id}/open`, staff, undefined, made.version)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    return ProposalDetail.parse(answer.body)
  }

  async function auditActions(id: string): Promise<string[]> {
    const rows = await server.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'proposal')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute()
    return rows.map((row) => row.action)
  }

  it('patches a draft field by field and keeps the rest', async () => {
    const made = await draft()
    expect(made.abilities.edit).toBe(true)
    const patched = await send(
      'PATCH',
      `/api/v1/proposals/${made.id}`,
      staff,
      { title: 'Statement on maritime security (revised)', procedure: 'consensus', deadline: null },
      made.version,
    )
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    const detail = ProposalDetail.parse(patched.body)
    expect(detail).toMatchObject({
      title: 'Statement on maritime security (revised)',
      text: silence.text,
      kind: 'statement',
      partner: 'JPN',
      procedure: 'consensus',
      deadline: null,
      version: made.version + 1,
    })
    expect(patched.etag).toBe(`"${made.version + 1}"`)
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_id', '=', made.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    expect(Object.keys(JSON.parse(String(audit.changes))).sort()).toEqual(['deadline', 'procedure', 'title'])
  })

  it('refuses a bad patch, a stale version, a missing If-Match, non-staff and non-drafts, changing nothing', async () => {
    const made = await draft()
    const path = `/api/v1/proposals/${made.id}`
    const blank = await send('PATCH', path, staff, { title: ' ' }, made.version)
    expect(blank.status).toBe(400)
    expect(blank.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['#/title'])
    const noDeadline = await send('PATCH', path, staff, { deadline: null, partner: 'XXX' }, made.version)
    expect(noDeadline.status).toBe(400)
    expect(noDeadline.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '#/deadline',
      '#/partner',
    ])
    expect((await send('PATCH', path, staff, { unknown: 1 }, made.version)).status).toBe(400)
    expect((await send('PATCH', path, staff, { title: 'Stale' }, made.version + 3)).status).toBe(409)
    expect((await send('PATCH', path, staff, { title: 'No If-Match' })).status).toBe(428)
    expect((await send('PATCH', path, fra, { title: 'Not staff' }, made.version)).status).toBe(403)
    expect((await send('PATCH', '/api/v1/proposals/nope', staff, { title: 'x' }, 1)).status).toBe(404)
    const unchanged = ProposalDetail.parse((await getJson(server, path, staff)).body)
    expect(unchanged.title).toBe(silence.title)
    expect(unchanged.version).toBe(made.version)
    const open = await send('POST', `${path}/open`, staff, undefined, made.version)
    const afterOpen = ProposalDetail.parse(open.body)
    expect(afterOpen.abilities.edit).toBe(false)
    expect((await send('PATCH', path, staff, { title: 'Too late' }, afterOpen.version)).status).toBe(409)
  })

  it('lets France break silence for itself: consensus, open, no deadline, history and audit', async () => {
    const proposal = await opened()
    expect(proposal.abilities.breakSilence).toBe('any')
    const forFrance = ProposalDetail.parse(
      (await getJson(server, `/api/v1/proposals/${proposal.id}`, fra)).body,
    )
    expect(forFrance.abilities.breakSilence).toBe('own')
    const broken = await send(
      'POST',
      `/api/v1/proposals/${proposal.id}/break-silence`,
      fra,
      { note: 'France asks for discussion.' },
      proposal.version,
    )
    expect(broken.status, JSON.stringify(broken.body)).toBe(200)
    const detail = ProposalDetail.parse(broken.body)
    expect(detail).toMatchObject({ status: 'open', procedure: 'consensus', deadline: null })
    expect(detail.history?.at(-1)).toMatchObject({
      event: 'break-silence',
      member: 'FRA',
      recordedBy: 'fra',
      onBehalf: false,
      note: 'France asks for discussion.',
    })
    expect(detail.positions?.find((entry) => entry.member === 'FRA')?.position).toBe('none')
    expect(detail.abilities.recordPositions).toBe('own')
    expect(await auditActions(proposal.id)).toEqual(['create', 'open', 'break-silence'])
    // Positions are now taken: the proposal is under consensus.
    const objected = await send(
      'PUT',
      `/api/v1/proposals/${proposal.id}/positions/FRA`,
      fra,
      { position: 'object' },
      detail.version,
    )
    expect(ProposalDetail.parse(objected.body).status).toBe('blocked')
  })

  it('lets staff break silence on a member’s behalf, and only naming it', async () => {
    const proposal = await opened()
    const path = `/api/v1/proposals/${proposal.id}/break-silence`
    const unnamed = await send('POST', path, staff, {}, proposal.version)
    expect(unnamed.status).toBe(400)
    expect(unnamed.body.errors[0].pointer).toBe('#/member')
    expect((await send('POST', path, staff, { member: 'JPN' }, proposal.version)).status).toBe(404)
    const broken = await send('POST', path, staff, { member: 'deu' }, proposal.version)
    expect(broken.status, JSON.stringify(broken.body)).toBe(200)
    expect(ProposalDetail.parse(broken.body).history?.at(-1)).toMatchObject({
      event: 'break-silence',
      member: 'DEU',
      recordedBy: 'staff',
      onBehalf: true,
    })
  })

  it('refuses others, a stale version, a second break and a consensus proposal', async () => {
    const proposal = await opened()
    const path = `/api/v1/proposals/${proposal.id}/break-silence`
    expect((await send('POST', path, fra, { member: 'DEU' }, proposal.version)).status).toBe(403)
    expect((await send('POST', path, jpn, {}, proposal.version)).status).toBe(403)
    expect((await send('POST', path, '', {}, proposal.version)).status).toBe(401)
    expect((await send('POST', path, fra, {}, proposal.version + 1)).status).toBe(409)
    expect((await send('POST', path, fra, {})).status).toBe(428)
    expect((await send('POST', path, fra, { member: 'FRA', extra: true }, proposal.version)).status).toBe(400)
    const unchanged = ProposalDetail.parse(
      (await getJson(server, `/api/v1/proposals/${proposal.id}`, staff)).body,
    )
    expect(unchanged).toMatchObject({ procedure: 'silence', version: proposal.version, history: [] })
    const broken = await send('POST', path, fra, {}, proposal.version)
    const again = await send(
      'POST',
      path,
      staff,
      { member: 'DEU' },
      ProposalDetail.parse(broken.body).version,
    )
    expect(again.status).toBe(409)
    expect(again.body.type).toContain('invalid-state')
  })
})
