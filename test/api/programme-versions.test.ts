import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeView, ProgrammeDetail } from '../../src/contract/programme-view.ts'
import { lastUpdateChanges } from '../support/audit-changes.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { send } from './programmes-support.ts'

const japan = '/api/v1/programmes/jpn-itpp-2023'
const confidential = { classification: 'CONFIDENTIAL', releasableTo: [] }
const publicMarking = { classification: 'PUBLIC', releasableTo: [] }

/**
 * The version (and ETag) of a programme moves for a principal exactly when something it may see
 * changed: parts hidden from it are added, changed and deleted without its version moving, and
 * its If-Match is checked against that same version.
 */
describe.each(engines)('programme versions per principal on %s', (engine) => {
  let server: TestServer
  let staff: string
  let jpn: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
  })
  afterAll(() => server.close())

  const versionOf = async (cookie: string) => {
    const answer = await send(server, 'GET', japan, cookie)
    const version = ProgrammeDetail.parse(answer.body).version
    expect(answer.etag).toBe(`"${version}"`)
    return version
  }
  const versions = async () => ({
    public: await versionOf(''),
    jpn: await versionOf(jpn),
    staff: await versionOf(staff),
  })
  const addObjective = async (title: string, marking: unknown) =>
    NodeView.parse(
      (
        await send(server, 'POST', `${japan}/nodes`, staff, {
          body: { kind: 'objective', parentId: null, title, marking, position: 0 },
        })
      ).body,
    )

  it('moves only for those who may see what changed', async () => {
    const before = await versions()
    const hidden = await addObjective('Alliance-only objective', confidential)
    const afterHidden = await versions()
    expect(afterHidden.public).toBe(before.public)
    expect(afterHidden.jpn).toBe(before.jpn)
    expect(afterHidden.staff).toBeGreaterThan(before.staff)

    // Changing and deleting the hidden part: still nothing for the others.
    await send(server, 'PATCH', `${japan}/nodes/${hidden.id}`, staff, {
      body: { title: 'Renamed in confidence' },
      ifMatch: hidden.version,
    })
    await send(server, 'DELETE', `${japan}/nodes/${hidden.id}`, staff, { ifMatch: hidden.version + 1 })
    const afterDelete = await versions()
    expect(afterDelete.public).toBe(before.public)
    expect(afterDelete.jpn).toBe(before.jpn)
    expect(afterDelete.staff).toBeGreaterThan(afterHidden.staff)

    // A visible part: added, re-marked out of the public's sight, deleted; each moves what it should.
    const visible = await addObjective('Public objective', publicMarking)
    const afterVisible = await versions()
    expect(afterVisible.public).toBeGreaterThan(afterDelete.public)
    expect(afterVisible.jpn).toBeGreaterThan(afterDelete.jpn)
    const remarked = await send(server, 'PATCH', `${japan}/nodes/${visible.id}`, staff, {
      body: { marking: { classification: 'RESTRICTED', releasableTo: ['JPN'] } },
      ifMatch: visible.version,
    })
    expect(remarked.status).toBe(200)
    const afterRemark = await versions()
    expect(afterRemark.public).toBeGreaterThan(afterVisible.public)
    expect(afterRemark.jpn).toBeGreaterThan(afterVisible.jpn)
    await send(server, 'DELETE', `${japan}/nodes/${visible.id}`, jpn, { ifMatch: visible.version + 1 })
    const afterVisibleDelete = await versions()
    expect(afterVisibleDelete.jpn).toBeGreaterThan(afterRemark.jpn)
    expect(afterVisibleDelete.public).toBe(afterRemark.public)
  })

  it('checks If-Match against the version the writer sees', async () => {
    const seenByJapan = await versionOf(jpn)
    const seenByStaff = await versionOf(staff)
    await addObjective('Another alliance-only objective', confidential)
    // Nothing Japan may see changed: its header change goes through.
    const japanWrite = await send(server, 'PATCH', japan, jpn, {
      body: { publicDiplomacy: 'Outreach to universities' },
      ifMatch: seenByJapan,
    })
    expect(japanWrite.status).toBe(200)
    // The trail keeps only the changed field, after → the new wording.
    expect(await lastUpdateChanges(server, 'jpn-itpp-2023')).toEqual({
      publicDiplomacy: { before: expect.any(String), after: 'Outreach to universities' },
    })
    // Staff read before the hidden objective was added: stale.
    const staffWrite = await send(server, 'PATCH', japan, staff, {
      body: { publicDiplomacy: 'Outreach to think tanks' },
      ifMatch: seenByStaff,
    })
    expect(staffWrite.status).toBe(409)
    expect(staffWrite.body).toMatchObject({ currentVersion: await versionOf(staff) })
    const japanAgain = await send(server, 'PATCH', japan, jpn, {
      body: { publicDiplomacy: 'Outreach to schools' },
      ifMatch: seenByJapan,
    })
    expect(japanAgain.status).toBe(409)
    expect(japanAgain.body).toMatchObject({ currentVersion: await versionOf(jpn) })
    expect(ProgrammeDetail.parse((await send(server, 'GET', japan, staff)).body).publicDiplomacy).toBe(
      'Outreach to universities',
    )
  })
})
