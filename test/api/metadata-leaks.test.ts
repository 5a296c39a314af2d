import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProgrammeDetail } from '../../src/contract/programme-view.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

interface Listed {
  items: Array<{ id: string; parentId?: string | null }>
  total: number
}

/** Finding 9: what a visible record says about hidden ones (ids, counts, positions, totals). */
describe.each(engines)('metadata of hidden records on %s', (engine) => {
  let server: TestServer
  let staff: string
  let jpn: string
  let parentId: string
  let sidelineId: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
    const parent = await send(server, 'POST', '/api/v1/engagements', {
      cookie: staff,
      body: newEngagement({
        title: 'Alliance-only summit',
        marking: { classification: 'CONFIDENTIAL', releasableTo: [] },
        participants: [],
      }),
    })
    expect(parent.status, JSON.stringify(parent.body)).toBe(201)
    parentId = (parent.body as { id: string }).id
    const sideline = await send(server, 'POST', '/api/v1/engagements', {
      cookie: staff,
      body: newEngagement({
        kind: 'sideline',
        title: 'Public sideline',
        parentId,
        marking: { classification: 'PUBLIC', releasableTo: [] },
      }),
    })
    expect(sideline.status, JSON.stringify(sideline.body)).toBe(201)
    sidelineId = (sideline.body as { id: string }).id
    const statement = await send(server, 'POST', '/api/v1/statements', {
      cookie: staff,
      body: {
        kind: 'chairs-statement',
        status: 'drafting',
        title: 'Public statement of a hidden summit',
        engagementId: parentId,
        issuers: ['NATO'],
        marking: { classification: 'PUBLIC', releasableTo: [] },
      },
    })
    expect(statement.status, JSON.stringify(statement.body)).toBe(201)
  })
  afterAll(() => server.close())

  it('names a sideline’s parent only to those who may see the parent', async () => {
    for (const cookie of [jpn, '']) {
      const detail = await send(server, 'GET', `/api/v1/engagements/${sidelineId}`, { cookie })
      expect(detail.status).toBe(200)
      expect((detail.body as { parentId: string | null }).parentId).toBeNull()
      const list = (await send(server, 'GET', '/api/v1/engagements?limit=200', { cookie })).body as Listed
      expect(JSON.stringify(list)).not.toContain(parentId)
    }
    const forStaff = await send(server, 'GET', `/api/v1/engagements/${sidelineId}`, { cookie: staff })
    expect((forStaff.body as { parentId: string | null }).parentId).toBe(parentId)
  })

  it('answers statements of a hidden engagement exactly as those of an unknown one', async () => {
    for (const cookie of [jpn, '']) {
      const hidden = await send(server, 'GET', `/api/v1/statements?engagement=${parentId}`, { cookie })
      const unknown = await send(server, 'GET', '/api/v1/statements?engagement=no-such-engagement', {
        cookie,
      })
      expect(hidden.status).toBe(unknown.status)
      expect(hidden.body).toEqual(unknown.body)
      expect((hidden.body as Listed).total).toBe(0)
    }
    const forStaff = await send(server, 'GET', `/api/v1/statements?engagement=${parentId}`, { cookie: staff })
    expect((forStaff.body as Listed).total).toBe(1)
  })

  it('gives the true visible total on a page past the last', async () => {
    for (const cookie of [staff, jpn, '']) {
      const first = (await send(server, 'GET', '/api/v1/statements', { cookie })).body as Listed
      const past = (await send(server, 'GET', '/api/v1/statements?offset=5000', { cookie })).body as Listed
      expect(first.total).toBeGreaterThan(0)
      expect(past.items).toEqual([])
      expect(past.total).toBe(first.total)
    }
  })

  it('numbers node positions among the siblings the principal can see', async () => {
    const asStaff = ProgrammeDetail.parse(
      (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', { cookie: staff })).body,
    )
    const asJapan = ProgrammeDetail.parse(
      (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', { cookie: jpn })).body,
    )
    const count = (d: typeof asStaff) => d.objectives.reduce((n, o) => n + o.goals.length, 0)
    expect(count(asJapan)).toBeLessThan(count(asStaff))
    for (const objective of asJapan.objectives) {
      expect(objective.goals.map((g) => g.position)).toEqual(objective.goals.map((_, index) => index))
    }
  })
})
