import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrincipalView } from '../../src/contract/session.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { send } from './engagements-support.ts'

/** The web app decides nothing from `kind`: the session says what its roles permit. */
describe.each(engines)('the session principal’s permissions and abilities on %s', (engine) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  const session = async (user: string) =>
    PrincipalView.parse(
      (await send(server, 'GET', '/api/v1/session', { cookie: user === '' ? '' : await server.signIn(user) }))
        .body,
    )

  it('derives them from the roles of each demo user', async () => {
    const staff = await session('staff')
    expect(staff.permissions).toContain('engagement.write')
    expect(staff.abilities).toEqual({
      createEngagements: true,
      startProgramme: 'any',
      associate: 'any',
      readAudit: true,
      createProposals: true,
      createLiaisonOffices: true,
      manageCooperation: true,
      requestCooperation: true,
    })
    expect((await session('jpn')).abilities).toEqual({
      createEngagements: false,
      startProgramme: 'own',
      associate: 'own',
      readAudit: false,
      createProposals: false,
      createLiaisonOffices: false,
      manageCooperation: false,
      requestCooperation: true,
    })
    expect((await session('fra')).abilities).toEqual({
      createEngagements: false,
      startProgramme: 'none',
      associate: 'none',
      readAudit: false,
      createProposals: false,
      createLiaisonOffices: false,
      manageCooperation: false,
      requestCooperation: false,
    })
    const visitor = await session('')
    expect(visitor.permissions).toEqual([])
    expect(visitor.abilities.createEngagements).toBe(false)
    expect(visitor.abilities.readAudit).toBe(false)
    expect(visitor.abilities.createLiaisonOffices).toBe(false)
  })
})
