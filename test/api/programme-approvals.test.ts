import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { DiffView, ProgrammeDetail } from '../../src/contract/programme-view.ts'
import { engines } from '../support/databases.ts'
import { demoNow, startTestServer, type TestServer } from '../support/server.ts'
import { send } from './programmes-support.ts'

const japan = '/api/v1/programmes/jpn-itpp-2023'

/**
 * Finding 5 of issue 7: an approval is of a text. Once the council or the partner has approved the
 * text of this round, nobody changes it (409 invalid-state, saying how to reopen it); returning the
 * programme to draft and opening negotiation again starts a round in which both approve anew.
 */
describe.each(engines)('approved text on %s', (engine) => {
  let server: TestServer
  let staff: string
  let jpn: string

  beforeAll(async () => {
    server = await startTestServer(engine, { now: demoNow })
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
  })
  afterAll(() => server.close())

  const detail = async (cookie = staff) =>
    ProgrammeDetail.parse((await send(server, 'GET', japan, cookie)).body)
  const step = async (cookie: string, body: Record<string, unknown>) =>
    send(server, 'POST', `${japan}/transitions`, cookie, { body, ifMatch: (await detail(cookie)).version })
  const approve = async (cookie: string, party: string, decidedOn: string) =>
    send(server, 'POST', `${japan}/approvals`, cookie, {
      body: { party, decidedOn },
      ifMatch: (await detail(cookie)).version,
    })

  it('refuses to change approved text, keeps tracking, and agrees only the text both approved', async () => {
    expect((await step(jpn, { to: 'in-negotiation' })).status).toBe(200)
    expect((await approve(jpn, 'partner', '2026-11-21')).status).toBe(200)
    expect((await approve(staff, 'council', '2026-11-25')).status).toBe(200)
    const approved = await detail(jpn)
    expect(approved.abilities.edit).toBe(false)
    const goal = approved.objectives[0]?.goals[0]
    const title = goal?.title ?? ''

    const renamed = await send(server, 'PATCH', `${japan}/nodes/${goal?.id}`, jpn, {
      body: { title: 'A goal nobody approved' },
      ifMatch: goal?.version ?? 0,
    })
    expect(renamed.status).toBe(409)
    const problem = Problem.parse(renamed.body)
    expect(problem.type).toContain('invalid-state')
    expect(problem.detail).toMatch(/approv/)
    expect(problem.detail).toMatch(/draft/)
    const header = await send(server, 'PATCH', japan, staff, {
      body: { title: 'A header nobody approved' },
      ifMatch: (await detail()).version,
    })
    expect(header.status).toBe(409)
    const added = await send(server, 'POST', `${japan}/nodes`, jpn, {
      body: { kind: 'activity', parentId: goal?.id, title: 'An activity nobody approved' },
    })
    expect(added.status).toBe(409)
    const milestone = goal?.milestones[0]
    const tracked = await send(server, 'PATCH', `${japan}/milestones/${milestone?.id}`, jpn, {
      body: { status: 'in-progress' },
      ifMatch: milestone?.version ?? 0,
    })
    expect(tracked.status).toBe(200)
    const unchanged = await detail()
    expect(unchanged.objectives[0]?.goals[0]?.title).toBe(title)
    expect(unchanged.title).toBe(approved.title)

    // Reopened: the text changes, and the approvals of the earlier round no longer count.
    expect((await step(jpn, { to: 'draft' })).status).toBe(200)
    const reworded = await send(server, 'PATCH', `${japan}/nodes/${goal?.id}`, jpn, {
      body: { title: 'A reworded goal' },
      ifMatch: goal?.version ?? 0,
    })
    expect(reworded.status).toBe(200)
    expect((await step(jpn, { to: 'in-negotiation' })).status).toBe(200)
    expect((await detail()).approvals.filter((a) => a.current)).toEqual([])
    const early = await step(staff, { to: 'agreed' })
    expect(early.status).toBe(409)
    expect((await approve(jpn, 'partner', '2026-11-26')).status).toBe(200)
    expect((await approve(staff, 'council', '2026-11-27')).status).toBe(200)
    expect((await step(staff, { to: 'agreed' })).status).toBe(200)
    const diff = DiffView.parse((await send(server, 'GET', `${japan}/diff?from=1&to=2`, staff)).body)
    const change = diff.changes.find((c) => c.id === goal?.id)
    expect(JSON.stringify(change)).toContain('A reworded goal')
  })
})
