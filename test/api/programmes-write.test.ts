import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import {
  DiffView,
  MilestoneView,
  NodeView,
  ProgrammeDetail,
  VersionList,
} from '../../src/contract/programme-view.ts'
import { lastUpdateChanges } from '../support/audit-changes.ts'
import { engines } from '../support/databases.ts'
import { demoNow, startTestServer, type TestServer } from '../support/server.ts'
import { send } from './programmes-support.ts'

const japan = '/api/v1/programmes/jpn-itpp-2023'

describe.each(engines)('programmes API (authoring and lifecycle) on %s', (engine) => {
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

  const detail = async (cookie = staff, path = japan) =>
    ProgrammeDetail.parse((await send(server, 'GET', path, cookie)).body)
  const auditCount = async () =>
    Number(
      (
        await server.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  describe('POST /api/v1/programmes', () => {
    it('lets the partner start its own draft, marked for itself by default', async () => {
      const { status, body, etag } = await send(server, 'POST', '/api/v1/programmes', jpn, {
        body: {
          partner: 'JPN',
          kind: 'ITPP',
          title: 'Japan ITPP 2027–2030 (test)',
          periodFrom: '2027',
          periodTo: '2030',
        },
      })
      expect(status).toBe(201)
      const created = ProgrammeDetail.parse(body)
      expect(created).toMatchObject({ status: 'draft', version: 1, period: { label: '2027–2030' } })
      expect(created.marking).toMatchObject({ classification: 'RESTRICTED', releasableTo: ['JPN'] })
      expect(etag).toBe('"1"')
    })

    it('answers 400 naming every bad field and writes nothing', async () => {
      const before = await auditCount()
      const { status, body } = await send(server, 'POST', '/api/v1/programmes', staff, {
        body: { partner: 'J', kind: 'PARP', title: '', periodFrom: '2023-13', periodTo: '2026' },
      })
      expect(status).toBe(400)
      const pointers = Problem.parse(body)
        .errors?.map((e) => e.pointer)
        .sort()
      expect(pointers).toEqual(['#/kind', '#/partner', '#/periodFrom', '#/title'])
      expect(await auditCount()).toBe(before)
    })

    it('refuses a period that ends before it starts', async () => {
      const { status, body } = await send(server, 'POST', '/api/v1/programmes', staff, {
        body: { partner: 'KOR', kind: 'ITPP', title: 'Backwards', periodFrom: '2026', periodTo: '2023' },
      })
      expect(status).toBe(400)
      expect(Problem.parse(body).errors?.[0]?.pointer).toBe('#/periodTo')
    })

    it('does not let another partner or an ally start Japan’s programme', async () => {
      const body = { partner: 'JPN', kind: 'ITPP', title: 'Not mine', periodFrom: '2027', periodTo: '2030' }
      expect((await send(server, 'POST', '/api/v1/programmes', kor, { body })).status).toBe(403)
      expect((await send(server, 'POST', '/api/v1/programmes', fra, { body })).status).toBe(403)
    })
  })

  describe('tree nodes', () => {
    it('adds, renames, reorders and deletes nodes as the partner, with ETags', async () => {
      const objective = (await detail(jpn)).objectives[0]
      const created = await send(server, 'POST', `${japan}/nodes`, jpn, {
        body: {
          kind: 'goal',
          parentId: objective?.id,
          title: 'Exchange of liaison officers',
          priorityAreas: ['interoperability'],
          position: 0,
        },
      })
      expect(created.status).toBe(201)
      const goal = NodeView.parse(created.body)
      expect(goal).toMatchObject({ number: '1.1', position: 0, version: 1 })
      expect(created.etag).toBe('"1"')

      const renamed = await send(server, 'PATCH', `${japan}/nodes/${goal.id}`, jpn, {
        body: { title: 'Exchange of liaison officers and staff' },
        ifMatch: created.etag ?? '',
      })
      expect(renamed.status).toBe(200)
      expect(NodeView.parse(renamed.body)).toMatchObject({
        title: 'Exchange of liaison officers and staff',
        version: 2,
      })
      // The trail keeps only the changed field, before → after.
      expect(await lastUpdateChanges(server, goal.id)).toEqual({
        title: { before: 'Exchange of liaison officers', after: 'Exchange of liaison officers and staff' },
      })

      const moved = await send(server, 'POST', `${japan}/nodes/${goal.id}/move`, jpn, {
        body: { parentId: objective?.id, position: 1 },
        ifMatch: 2,
      })
      // Numbers count the siblings this user sees; the alliance-only goal keeps its place among them.
      expect(NodeView.parse(moved.body)).toMatchObject({ number: '1.2', version: 3 })
      const after = await detail(jpn)
      expect(after.objectives[0]?.goals.map((g) => g.id)[1]).toBe(goal.id)

      const removed = await send(server, 'DELETE', `${japan}/nodes/${goal.id}`, jpn, { ifMatch: 3 })
      expect(removed.status).toBe(204)
      expect(treeIds(await detail(jpn))).not.toContain(goal.id)
    })

    it('refuses a node under the wrong kind of parent, an unknown priority area, and a looser marking', async () => {
      const goalId = (await detail()).objectives[1]?.goals[0]?.id
      const wrongParent = await send(server, 'POST', `${japan}/nodes`, staff, {
        body: { kind: 'objective', parentId: goalId, title: 'Misplaced' },
      })
      expect(Problem.parse(wrongParent.body).errors?.[0]?.pointer).toBe('#/parentId')
      const unknownArea = await send(server, 'POST', `${japan}/nodes`, staff, {
        body: { kind: 'activity', parentId: goalId, title: 'Odd', priorityAreas: ['astrology'] },
      })
      expect(Problem.parse(unknownArea.body).errors?.[0]?.pointer).toBe('#/priorityAreas')
      const looser = await send(server, 'POST', `${japan}/nodes`, staff, {
        body: {
          kind: 'activity',
          parentId: 'jpn-g2',
          title: 'Leak',
          marking: { classification: 'PUBLIC', releasableTo: [] },
        },
      })
      expect(looser.status).toBe(400)
      expect(Problem.parse(looser.body).errors?.[0]?.pointer).toBe('#/marking')
      const selfHiding = await send(server, 'POST', `${japan}/nodes`, jpn, {
        body: {
          kind: 'activity',
          parentId: goalId,
          title: 'Secret',
          marking: { classification: 'RESTRICTED', releasableTo: [] },
        },
      })
      expect(Problem.parse(selfHiding.body).errors?.[0]).toMatchObject({
        pointer: '#/marking',
        detail: 'You could no longer see a part marked like this',
      })
    })

    it('requires If-Match (428) and answers 409 to a stale one, losing neither change', async () => {
      const node = (await detail()).objectives[2]
      const path = `${japan}/nodes/${node?.id}`
      expect((await send(server, 'PATCH', path, staff, { body: { title: 'No precondition' } })).status).toBe(
        428,
      )
      const first = await send(server, 'PATCH', path, staff, {
        body: { title: 'Staff wording' },
        ifMatch: node?.version ?? 0,
      })
      expect(first.status).toBe(200)
      const stale = await send(server, 'PATCH', path, jpn, {
        body: { title: 'Japan wording' },
        ifMatch: node?.version ?? 0,
      })
      expect(stale.status).toBe(409)
      expect(stale.type).toContain('application/problem+json')
      expect(Problem.parse(stale.body).type).toContain('stale-version')
      expect((await detail()).objectives[2]?.title).toBe('Staff wording')
      const retried = await send(server, 'PATCH', path, jpn, {
        body: { title: 'Japan wording' },
        ifMatch: first.etag ?? '',
      })
      expect(retried.status).toBe(200)
      const staleDelete = await send(server, 'DELETE', path, staff, { ifMatch: node?.version ?? 0 })
      expect(staleDelete.status).toBe(409)
      expect((await detail()).objectives[2]?.title).toBe('Japan wording')
    })

    it('answers 403 to another partner or an ally writing to Japan’s PUBLIC programme', async () => {
      const node = (await detail()).objectives[0]
      const body = { title: 'Hijack' }
      expect(
        (
          await send(server, 'PATCH', `${japan}/nodes/${node?.id}`, kor, {
            body,
            ifMatch: node?.version ?? 0,
          })
        ).status,
      ).toBe(403)
      expect(
        (
          await send(server, 'PATCH', `${japan}/nodes/${node?.id}`, fra, {
            body,
            ifMatch: node?.version ?? 0,
          })
        ).status,
      ).toBe(403)
    })

    it('answers 404 to the partner for an alliance-only part, as if it did not exist', async () => {
      const hidden = await send(server, 'PATCH', `${japan}/nodes/jpn-g2`, jpn, {
        body: { title: 'Peek' },
        ifMatch: 1,
      })
      const absent = await send(server, 'PATCH', `${japan}/nodes/no-such-node`, jpn, {
        body: { title: 'Peek' },
        ifMatch: 1,
      })
      expect(hidden.status).toBe(404)
      expect(Problem.parse(hidden.body).detail).toBe('The programme has no node with the id jpn-g2.')
      expect(absent.status).toBe(404)
      expect(
        (
          await send(server, 'PATCH', `${japan}/milestones/jpn-m3`, jpn, {
            body: { status: 'done' },
            ifMatch: 1,
          })
        ).status,
      ).toBe(404)
    })

    it('records each write in the audit log with its actor', async () => {
      const objective = (await detail()).objectives[0]
      await send(server, 'PATCH', `${japan}/nodes/${objective?.id}`, jpn, {
        body: { description: 'Audited' },
        ifMatch: objective?.version ?? 0,
      })
      const entry = await server.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'programme_node')
        .where('entity_id', '=', objective?.id ?? '')
        .orderBy('at', 'desc')
        .executeTakeFirst()
      expect(entry).toMatchObject({ actor: 'jpn', action: 'update' })
    })

    it('lets the partner not delete a part that holds alliance-only items', async () => {
      const objective = (await detail()).objectives[0]
      const refused = await send(server, 'DELETE', `${japan}/nodes/${objective?.id}`, jpn, {
        ifMatch: objective?.version ?? 0,
      })
      expect(refused.status).toBe(409)
      expect(treeIds(await detail())).toContain('jpn-g2')
    })
  })

  describe('milestones', () => {
    it('adds a milestone, derives its health and tracks its status', async () => {
      const goalId = (await detail(jpn)).objectives[1]?.goals[1]?.id ?? ''
      const created = await send(server, 'POST', `${japan}/milestones`, jpn, {
        body: { goalId, title: 'Space talks, second round', due: '2026-12-01' },
      })
      expect(created.status).toBe(201)
      const milestone = MilestoneView.parse(created.body)
      expect(milestone).toMatchObject({ status: 'planned', health: 'at-risk' })
      const done = await send(server, 'PATCH', `${japan}/milestones/${milestone.id}`, jpn, {
        body: { status: 'done' },
        ifMatch: 1,
      })
      expect(MilestoneView.parse(done.body)).toMatchObject({ status: 'done', health: 'done', version: 2 })
      const badDate = await send(server, 'PATCH', `${japan}/milestones/${milestone.id}`, jpn, {
        body: { due: '2026-02-30' },
        ifMatch: 2,
      })
      expect(Problem.parse(badDate.body).errors?.[0]?.pointer).toBe('#/due')
      const onActivity = await send(server, 'POST', `${japan}/milestones`, jpn, {
        body: {
          goalId: (await detail(jpn)).objectives[1]?.goals[1]?.activities[0]?.id,
          title: 'x',
          due: '2027-01-01',
        },
      })
      expect(Problem.parse(onActivity.body).errors?.[0]?.pointer).toBe('#/goalId')
    })
  })

  describe('lifecycle', () => {
    it('refuses an illegal step with 409 and the reason, and agreement without both approvals', async () => {
      const current = await detail()
      const illegal = await send(server, 'POST', `${japan}/transitions`, staff, {
        body: { to: 'in-force' },
        ifMatch: current.version,
      })
      expect(illegal.status).toBe(409)
      expect(Problem.parse(illegal.body).detail).toMatch(/cannot go from draft to in-force/)
      const opened = await send(server, 'POST', `${japan}/transitions`, jpn, {
        body: { to: 'in-negotiation' },
        ifMatch: current.version,
      })
      expect(ProgrammeDetail.parse(opened.body).status).toBe('in-negotiation')
      const early = await send(server, 'POST', `${japan}/transitions`, staff, {
        body: { to: 'agreed' },
        ifMatch: opened.etag ?? '',
      })
      expect(early.status).toBe(409)
      expect(Problem.parse(early.body).detail).toMatch(
        /council’s agreement and the partner’s approval are missing/,
      )
    })

    it('records both approvals, agrees a new version, diffs it and freezes the text', async () => {
      let current = await detail()
      const council = await send(server, 'POST', `${japan}/approvals`, jpn, {
        body: { party: 'council', decidedOn: '2026-11-20' },
        ifMatch: current.version,
      })
      expect(council.status).toBe(403)
      const partner = await send(server, 'POST', `${japan}/approvals`, jpn, {
        body: { party: 'partner', decidedOn: '2026-11-21' },
        ifMatch: current.version,
      })
      expect(partner.status).toBe(200)
      const stale = await send(server, 'POST', `${japan}/approvals`, staff, {
        body: { party: 'council', decidedOn: '2026-11-25' },
        ifMatch: current.version,
      })
      expect(stale.status).toBe(409)
      current = await detail()
      await send(server, 'POST', `${japan}/approvals`, staff, {
        body: { party: 'council', decidedOn: '2026-11-25' },
        ifMatch: current.version,
      })
      current = await detail()
      expect(
        current.approvals
          .filter((a) => a.current)
          .map((a) => a.party)
          .sort(),
      ).toEqual(['council', 'partner'])
      const agreed = await send(server, 'POST', `${japan}/transitions`, staff, {
        body: { to: 'agreed' },
        ifMatch: current.version,
      })
      expect(agreed.status).toBe(200)
      expect(ProgrammeDetail.parse(agreed.body)).toMatchObject({
        status: 'agreed',
        agreedOn: { date: '2026-11-25' },
      })
      const versions = VersionList.parse((await send(server, 'GET', `${japan}/versions`, staff)).body)
      expect(versions.items.map((v) => v.number)).toEqual([1, 2])
      const diff = DiffView.parse((await send(server, 'GET', `${japan}/diff?from=1&to=2`, staff)).body)
      expect(diff.changes.some((c) => c.id === 'jpn-g8' && c.change === 'added')).toBe(true)
      const frozen = await send(server, 'PATCH', `${japan}/nodes/jpn-o1`, staff, {
        body: { title: 'Too late' },
        ifMatch: 1,
      })
      expect(frozen.status).toBe(409)
      expect(Problem.parse(frozen.body).detail).toMatch(/frozen/)
      const inForce = await send(server, 'POST', `${japan}/transitions`, staff, {
        body: { to: 'in-force' },
        ifMatch: agreed.etag ?? '',
      })
      expect(ProgrammeDetail.parse(inForce.body).status).toBe('in-force')
    })

    it('supersedes a programme by a newer one of the same partner and links both ways', async () => {
      const created = ProgrammeDetail.parse(
        (
          await send(server, 'POST', '/api/v1/programmes', staff, {
            body: {
              partner: 'NZL',
              kind: 'ITPP',
              title: 'New Zealand next programme (test)',
              periodFrom: '2027',
              periodTo: '2030',
            },
          })
        ).body,
      )
      const old = await detail(staff, '/api/v1/programmes/nzl-itpp-2024')
      const wrong = await send(server, 'POST', '/api/v1/programmes/nzl-itpp-2024/transitions', staff, {
        body: { to: 'superseded', supersededBy: 'jpn-itpp-2023' },
        ifMatch: old.version,
      })
      expect(Problem.parse(wrong.body).errors?.[0]?.pointer).toBe('#/supersededBy')
      const done = await send(server, 'POST', '/api/v1/programmes/nzl-itpp-2024/transitions', staff, {
        body: { to: 'superseded', supersededBy: created.id },
        ifMatch: old.version,
      })
      expect(ProgrammeDetail.parse(done.body)).toMatchObject({
        status: 'superseded',
        supersededBy: { id: created.id },
      })
      expect((await detail(staff, `/api/v1/programmes/${created.id}`)).supersedes?.id).toBe('nzl-itpp-2024')
    })
  })

  describe('who may set a marking', () => {
    it('refuses a partner lowering its programme or a node, or releasing them to another partner; staff may', async () => {
      const created = await send(server, 'POST', '/api/v1/programmes', jpn, {
        body: {
          partner: 'JPN',
          kind: 'IPCP',
          title: 'Japan marking test',
          periodFrom: '2027',
          periodTo: '2028',
        },
      })
      const programme = ProgrammeDetail.parse(created.body)
      const path = `/api/v1/programmes/${programme.id}`
      const before = await auditCount()
      for (const marking of [
        { classification: 'PUBLIC', releasableTo: [] },
        { classification: 'UNCLASSIFIED', releasableTo: ['JPN'] },
        { classification: 'RESTRICTED', releasableTo: ['JPN', 'KOR'] },
      ]) {
        const refused = await send(server, 'PATCH', path, jpn, { body: { marking }, ifMatch: 1 })
        expect(refused.status, JSON.stringify(marking)).toBe(403)
        expect(refused.type).toContain('application/problem+json')
      }
      const node = await send(server, 'POST', `${path}/nodes`, jpn, {
        body: {
          kind: 'objective',
          parentId: null,
          title: 'Only for Japan',
          marking: { classification: 'RESTRICTED', releasableTo: ['JPN', 'KOR'] },
        },
      })
      expect(node.status, JSON.stringify(node.body)).toBe(403)
      expect(await auditCount()).toBe(before)
      const own = await send(server, 'POST', `${path}/nodes`, jpn, {
        body: { kind: 'objective', parentId: null, title: 'Ours' },
      })
      expect(own.status).toBe(201)
      const objective = NodeView.parse(own.body)
      const lowered = await send(server, 'PATCH', `${path}/nodes/${objective.id}`, jpn, {
        body: { marking: { classification: 'PUBLIC', releasableTo: [] } },
        ifMatch: objective.version,
      })
      expect(lowered.status).toBe(403)
      const byStaff = await send(server, 'PATCH', path, staff, {
        body: { marking: { classification: 'RESTRICTED', releasableTo: ['JPN', 'KOR'] } },
        ifMatch: (await detail(staff, path)).version,
      })
      expect(byStaff.status).toBe(200)
      // A release the alliance made may stay when Japan changes the record.
      const kept = await send(server, 'PATCH', path, jpn, {
        body: {
          title: 'Japan marking test (kept)',
          marking: { classification: 'RESTRICTED', releasableTo: ['JPN', 'KOR'] },
        },
        ifMatch: (await detail(jpn, path)).version,
      })
      expect(kept.status).toBe(200)
    })
  })
})

function treeIds(d: ProgrammeDetailShape): string[] {
  return d.objectives.flatMap((o) => [
    o.id,
    ...o.goals.flatMap((g) => [g.id, ...g.activities.map((a) => a.id), ...g.milestones.map((m) => m.id)]),
  ])
}
type ProgrammeDetailShape = ReturnType<typeof ProgrammeDetail.parse>
