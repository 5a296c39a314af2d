import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import {
  DiffView,
  PortfolioView,
  ProgrammeDetail,
  ProgrammeList,
  ProgressReport,
  VersionList,
} from '../../src/contract/programme-view.ts'
import { engines } from '../support/databases.ts'
import { demoNow, startTestServer, type TestServer } from '../support/server.ts'
import { send, treeIds } from './programmes-support.ts'

describe.each(engines)('programmes API (reads and access) on %s', (engine) => {
  let server: TestServer
  let staff: string
  let jpn: string
  let kor: string
  let fra: string

  beforeAll(async () => {
    server = await startTestServer(engine, { now: demoNow })
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
    kor = await server.signIn('kor')
    fra = await server.signIn('fra')
  })
  afterAll(() => server.close())

  describe('GET /api/v1/programmes', () => {
    it('lists every IP4 programme for staff, filterable by partner, kind and status', async () => {
      const all = ProgrammeList.parse((await send(server, 'GET', '/api/v1/programmes', staff)).body)
      expect(all.total).toBe(8)
      const japan = ProgrammeList.parse(
        (await send(server, 'GET', '/api/v1/programmes?partner=jpn', staff)).body,
      )
      expect(japan.items.map((p) => p.id).sort()).toEqual(['jpn-ipcp-2014', 'jpn-itpp-2023'])
      const itpps = ProgrammeList.parse(
        (await send(server, 'GET', '/api/v1/programmes?kind=ITPP&status=in-force', staff)).body,
      )
      expect(itpps.items.map((p) => p.partner.code).sort()).toEqual(['AUS', 'KOR', 'NZL'])
    })

    it('shows a partner its own programmes and others’ PUBLIC ones, counting only what it may see', async () => {
      const list = ProgrammeList.parse((await send(server, 'GET', '/api/v1/programmes', jpn)).body)
      expect(list.items.filter((p) => p.partner.code === 'JPN')).toHaveLength(2)
      expect(list.total).toBe(8)
      const asStaff = ProgrammeList.parse(
        (await send(server, 'GET', '/api/v1/programmes?partner=JPN', staff)).body,
      )
      const itpp = (l: typeof list) => l.items.find((p) => p.id === 'jpn-itpp-2023')
      // The alliance-only goal, its activity and milestone are not counted for Japan.
      expect(itpp(list)?.progress.goals).toBe((itpp(asStaff)?.progress.goals ?? 0) - 1)
      expect(itpp(list)?.progress.milestones).toBe((itpp(asStaff)?.progress.milestones ?? 0) - 1)
      // Another partner reads Japan's programmes as the public does: PUBLIC parts only.
      const other = ProgrammeList.parse(
        (await send(server, 'GET', '/api/v1/programmes?partner=JPN', kor)).body,
      )
      const open = ProgrammeList.parse((await send(server, 'GET', '/api/v1/programmes?partner=JPN', '')).body)
      expect(other.total).toBe(2)
      expect(other).toEqual(open)
    })

    it('answers 400 naming each bad query field', async () => {
      const { status, type, body } = await send(
        server,
        'GET',
        '/api/v1/programmes?kind=PARP&status=lost',
        staff,
      )
      expect(status).toBe(400)
      expect(type).toContain('application/problem+json')
      const problem = Problem.parse(body)
      expect(problem.errors?.map((e) => e.pointer).sort()).toEqual(['#/kind', '#/status'])
    })
  })

  describe('GET /api/v1/programmes/:id', () => {
    it('returns the Japan ITPP as a numbered tree with an ETag and its supersession link', async () => {
      const { status, etag, body } = await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', staff)
      expect(status).toBe(200)
      const detail = ProgrammeDetail.parse(body)
      expect(etag).toBe(`"${detail.version}"`)
      expect(detail.period.label).toBe('2023–2026')
      expect(detail.agreedOn?.date).toBe('2023-07-12')
      expect(detail.supersedes?.id).toBe('jpn-ipcp-2014')
      expect(detail.objectives.map((o) => o.number)).toEqual(['1', '2', '3'])
      expect(detail.objectives[1]?.goals.map((g) => g.number)).toEqual(['2.1', '2.2', '2.3'])
      expect(detail.objectives[1]?.goals[0]?.activities[0]?.number).toBe('2.1.1')
      expect(detail.abilities.edit).toBe(true)
      const ipcp = ProgrammeDetail.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-ipcp-2014', staff)).body,
      )
      expect(ipcp.supersededBy?.id).toBe('jpn-itpp-2023')
      expect(ipcp.status).toBe('superseded')
    })

    it('derives late and at-risk milestones from the dates on the server’s day', async () => {
      const detail = ProgrammeDetail.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', staff)).body,
      )
      const milestones = detail.objectives.flatMap((o) => o.goals.flatMap((g) => g.milestones))
      const health = Object.fromEntries(milestones.map((m) => [m.id, m.health]))
      expect(health['jpn-m1']).toBe('done')
      expect(health['jpn-m2']).toBe('late')
      expect(health['jpn-m7']).toBe('at-risk')
      expect(health['jpn-m6']).toBe('on-track')
    })

    it('hides the alliance-only goal from Japan but shows it to an ally, who may not edit', async () => {
      const forJapan = ProgrammeDetail.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', jpn)).body,
      )
      expect(treeIds(forJapan)).not.toContain('jpn-g2')
      expect(treeIds(forJapan)).not.toContain('jpn-m3')
      expect(forJapan.abilities.edit).toBe(true)
      const forAlly = ProgrammeDetail.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', fra)).body,
      )
      expect(treeIds(forAlly)).toContain('jpn-g2')
      expect(forAlly.abilities).toMatchObject({ edit: false, track: false, transitions: [] })
    })

    it('shows the public only the PUBLIC parts', async () => {
      const detail = ProgrammeDetail.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', '')).body,
      )
      const ids = treeIds(detail)
      expect(ids).toContain('jpn-g3')
      expect(ids).not.toContain('jpn-a5')
      expect(ids).not.toContain('jpn-m2')
      expect(detail.marking.classification).toBe('PUBLIC')
      expect(detail.approvals).toEqual([])
    })

    it('shows another partner exactly what it shows the public of a programme, with no edit', async () => {
      for (const path of [
        '/api/v1/programmes/jpn-itpp-2023',
        '/api/v1/programmes/jpn-itpp-2023/progress',
        '/api/v1/programmes/jpn-itpp-2023/versions',
        '/api/v1/programmes/jpn-itpp-2023/diff?from=1',
      ]) {
        const forKorea = await send(server, 'GET', path, kor)
        expect(forKorea.status, path).toBe(200)
        expect(forKorea.body, path).toEqual((await send(server, 'GET', path, '')).body)
      }
      const detail = ProgrammeDetail.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023', kor)).body,
      )
      expect(detail.abilities.edit).toBe(false)
      expect(detail.marking.label).toBe('PUBLIC')
      const missing = await send(server, 'GET', '/api/v1/programmes/no-such-programme', kor)
      expect(Problem.parse(missing.body)).toEqual({ ...Problem.parse(missing.body), title: 'Not found' })
    })
  })

  describe('GET /api/v1/programmes/:id/versions and /diff', () => {
    it('lists the agreed versions and diffs them field by field', async () => {
      const versions = VersionList.parse(
        (await send(server, 'GET', '/api/v1/programmes/kor-ipcp-2012/versions', staff)).body,
      )
      expect(versions.items.map((v) => [v.number, v.agreedOn])).toEqual([
        [1, '2012-09'],
        [2, '2017-11'],
        [3, '2019-11-21'],
      ])
      const diff = DiffView.parse(
        (await send(server, 'GET', '/api/v1/programmes/kor-ipcp-2012/diff?from=1&to=3', staff)).body,
      )
      expect(diff.summary.goal).toEqual({ added: 2, removed: 1, changed: 1 })
      expect(diff.changes.find((c) => c.id === 'kor-i-g3')?.fields).toEqual([
        { field: 'title', before: 'Arms control consultations', after: 'Non-proliferation' },
      ])
    })

    it('shows the Japan ITPP draft against its agreed 2023 version', async () => {
      const diff = DiffView.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023/diff?from=1&to=current', staff)).body,
      )
      expect(
        diff.changes
          .filter((c) => c.change === 'added')
          .map((c) => c.id)
          .sort(),
      ).toEqual(['jpn-a10', 'jpn-g8', 'jpn-m10'])
      expect(diff.changes.find((c) => c.id === 'jpn-m5')?.fields).toEqual([
        { field: 'due', before: '2026-06-30', after: '2026-09-30' },
      ])
    })

    it('diffs the ITPP against the last version of the IPCP it supersedes, matching parts by title', async () => {
      const path = '/api/v1/programmes/jpn-itpp-2023/diff?from=predecessor&to=1'
      const diff = DiffView.parse((await send(server, 'GET', path, staff)).body)
      expect(diff.from).toBe('predecessor')
      const maritime = diff.changes.find((c) => c.id === 'jpn-g6')
      expect(maritime?.change).toBe('changed')
      expect(maritime?.fields.map((f) => f.field)).toContain('priorityAreas')
      expect(diff.changes.some((c) => c.id === 'jpn-i-g2' && c.change === 'removed')).toBe(true)
      const none = await send(server, 'GET', '/api/v1/programmes/jpn-ipcp-2014/diff?from=predecessor', staff)
      expect(none.status).toBe(404)
    })

    it('diffs only what the reader may see', async () => {
      const staffDiff = DiffView.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023/diff?from=1', staff)).body,
      )
      const publicDiff = DiffView.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023/diff?from=1', '')).body,
      )
      expect(staffDiff.changes.some((c) => c.id === 'jpn-m5')).toBe(true)
      expect(publicDiff.changes.some((c) => c.id === 'jpn-m5')).toBe(false)
      expect(staffDiff.marking.label).toBe('RESTRICTED — ALLIANCE ONLY')
      expect(publicDiff.marking.label).toBe('PUBLIC')
    })

    it('answers 404 for a version that does not exist and 400 for a bad one', async () => {
      expect((await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023/diff?from=9', staff)).status).toBe(
        404,
      )
      const bad = await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023/diff?from=zero', staff)
      expect(bad.status).toBe(400)
      expect(Problem.parse(bad.body).errors?.[0]?.pointer).toBe('#/from')
    })
  })

  describe('GET /api/v1/programmes/:id/progress and /portfolio', () => {
    it('sums progress by priority area', async () => {
      const report = ProgressReport.parse(
        (await send(server, 'GET', '/api/v1/programmes/jpn-itpp-2023/progress', staff)).body,
      )
      const cyber = report.byArea.find((a) => a.area === 'cyber-defence')
      expect(cyber).toMatchObject({
        name: 'Cyber defence',
        goals: 1,
        activities: 2,
        milestones: 2,
        done: 1,
        late: 1,
      })
      expect(report.overall.milestones).toBe(10)
    })

    it('gives staff a portfolio of every programme and a partner only its own', async () => {
      const forStaff = PortfolioView.parse(
        (await send(server, 'GET', '/api/v1/programmes/portfolio', staff)).body,
      )
      expect(forStaff.items).toHaveLength(8)
      // The counts include alliance-only milestones, so the page carries their marking.
      expect(forStaff.marking.label).toBe('RESTRICTED — ALLIANCE ONLY')
      const forPublic = PortfolioView.parse(
        (await send(server, 'GET', '/api/v1/programmes/portfolio', '')).body,
      )
      expect(forPublic.marking.label).toBe('PUBLIC')
      const forJapan = PortfolioView.parse(
        (await send(server, 'GET', '/api/v1/programmes/portfolio', jpn)).body,
      )
      expect(forJapan.marking.label).toBe('RESTRICTED — RELEASABLE TO JPN')
      expect(forStaff.byStatus.find((s) => s.status === 'superseded')?.count).toBe(4)
      const korea = forStaff.items.find((p) => p.id === 'kor-itpp-2023')
      expect(korea?.nextMilestone).toEqual({
        title: 'Illustrative: Cyber exercise participation',
        due: '2026-12-05',
      })
      expect(korea?.progress.late).toBe(1)
      const forKorea = PortfolioView.parse(
        (await send(server, 'GET', '/api/v1/programmes/portfolio', kor)).body,
      )
      // Every demo programme is PUBLIC, and PUBLIC is public to every partner.
      expect(forKorea.items).toHaveLength(8)
      expect(forKorea.items.filter((p) => p.partner.code !== 'KOR')).toEqual(
        forPublic.items.filter((p) => p.partner.code !== 'KOR'),
      )
      expect(forKorea.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(8)
    })
  })
})
