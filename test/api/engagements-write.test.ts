import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { EngagementDetail } from '../../src/contract/engagement-detail.ts'
import { StatementView } from '../../src/contract/engagement-statement.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

describe.each(engines)('engagement and statement writes on %s', (engine) => {
  let server: TestServer
  let staff: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
  })
  afterAll(() => server.close())

  async function auditCount(entityId: string): Promise<number> {
    const rows = await server.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', entityId)
      .execute()
    return rows.length
  }

  /** The before → after of the record's one update entry in the trail. */
  async function updateChanges(entityId: string): Promise<unknown> {
    const row = await server.db.kysely
      .selectFrom('audit_log')
      .select('changes')
      .where('entity_id', '=', entityId)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    return JSON.parse(row.changes)
  }

  describe('POST /api/v1/engagements', () => {
    it('creates an engagement, stores its named zone and audits it', async () => {
      const created = await send(server, 'POST', '/api/v1/engagements', {
        cookie: staff,
        body: newEngagement(),
      })
      expect(created.status).toBe(201)
      expect(created.etag).toBe('"1"')
      const detail = EngagementDetail.parse(created.body)
      expect(detail.start.place).toMatchObject({
        local: '2026-03-10T10:00',
        zone: 'Europe/Brussels',
        offset: '+01:00',
      })
      expect(detail.participants.map((p) => p.country)).toEqual(['JPN'])
      expect(await auditCount(detail.id)).toBe(1)
      const row = await server.db.kysely
        .selectFrom('engagement')
        .select(['time_zone', 'start_local'])
        .where('id', '=', detail.id)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ time_zone: 'Europe/Brussels', start_local: '2026-03-10T10:00' })
    })

    it('answers 400 naming every bad field and changes nothing', async () => {
      const before = await server.db.kysely.selectFrom('engagement').select('id').execute()
      const bad = await send(server, 'POST', '/api/v1/engagements', {
        cookie: staff,
        body: newEngagement({
          kind: 'sideline',
          title: '',
          timeZone: '+02:00',
          start: '2026-03-29T02:30',
          end: '2026-03-29T01:00',
          participants: [{ country: 'JPN' }, { country: 'JPN' }],
        }),
      })
      expect(bad.status).toBe(400)
      expect(bad.type).toContain('application/problem+json')
      const pointers = (Problem.parse(bad.body).errors ?? []).map((error) => error.pointer)
      expect(pointers).toEqual(
        expect.arrayContaining(['#/title', '#/timeZone', '#/parentId', '#/participants/1']),
      )
      const after = await server.db.kysely.selectFrom('engagement').select('id').execute()
      expect(after).toHaveLength(before.length)
    })

    it('refuses a local time that the clocks skip, and unknown countries and parents', async () => {
      const skipped = await send(server, 'POST', '/api/v1/engagements', {
        cookie: staff,
        body: newEngagement({ start: '2026-03-29T02:30', end: '2026-03-29T04:00' }),
      })
      expect(Problem.parse(skipped.body).errors?.map((e) => e.pointer)).toEqual(['#/start'])
      const unknown = await send(server, 'POST', '/api/v1/engagements', {
        cookie: staff,
        body: newEngagement({
          kind: 'sideline',
          parentId: 'nothing-here',
          participants: [{ country: 'XYZ' }],
        }),
      })
      expect(unknown.status).toBe(400)
      expect(
        Problem.parse(unknown.body)
          .errors?.map((e) => e.pointer)
          .sort(),
      ).toEqual(['#/parentId', '#/participants/0/country'])
    })

    it('answers 401 to the public and 403 to a partner', async () => {
      expect((await send(server, 'POST', '/api/v1/engagements', { body: newEngagement() })).status).toBe(401)
      const partner = await send(server, 'POST', '/api/v1/engagements', {
        cookie: await server.signIn('jpn'),
        body: newEngagement(),
      })
      expect(partner.status).toBe(403)
    })
  })

  describe('PATCH and DELETE /api/v1/engagements/:id', () => {
    it('changes with If-Match, then refuses the stale version with 409', async () => {
      const created = EngagementDetail.parse(
        (await send(server, 'POST', '/api/v1/engagements', { cookie: staff, body: newEngagement() })).body,
      )
      const path = `/api/v1/engagements/${created.id}`
      const changed = await send(server, 'PATCH', path, {
        cookie: staff,
        ifMatch: '"1"',
        body: { title: 'Staff talks with Japan (moved)', start: '2026-03-11T10:00', end: '2026-03-11T11:00' },
      })
      expect(changed.status).toBe(200)
      expect(changed.etag).toBe('"2"')
      const detail = EngagementDetail.parse(changed.body)
      expect(detail.title).toBe('Staff talks with Japan (moved)')
      expect(detail.participants.map((p) => p.country)).toEqual(['JPN'])
      expect(await updateChanges(created.id)).toMatchObject({
        title: {
          before: 'Staff talks with Japan on maritime security',
          after: 'Staff talks with Japan (moved)',
        },
        start: { before: '2026-03-10T10:00', after: '2026-03-11T10:00' },
      })
      const stale = await send(server, 'PATCH', path, {
        cookie: staff,
        ifMatch: '"1"',
        body: { title: 'Lost' },
      })
      expect(stale.status).toBe(409)
      expect(Problem.parse(stale.body).type).toContain('stale-version')
      const missing = await send(server, 'PATCH', path, { cookie: staff, body: { title: 'No version' } })
      expect(missing.status).toBe(428)
      const deletedStale = await send(server, 'DELETE', path, { cookie: staff, ifMatch: '"1"' })
      expect(deletedStale.status).toBe(409)
      expect((await send(server, 'DELETE', path, { cookie: staff, ifMatch: '"2"' })).status).toBe(204)
      expect((await send(server, 'GET', path, { cookie: staff })).status).toBe(404)
      expect(await auditCount(created.id)).toBe(3)
    })

    it('checks the merged engagement, not only the patch', async () => {
      const created = EngagementDetail.parse(
        (await send(server, 'POST', '/api/v1/engagements', { cookie: staff, body: newEngagement() })).body,
      )
      const bad = await send(server, 'PATCH', `/api/v1/engagements/${created.id}`, {
        cookie: staff,
        ifMatch: '"1"',
        body: { end: '2026-03-10T09:00' },
      })
      expect(bad.status).toBe(400)
      expect(Problem.parse(bad.body).errors?.map((e) => e.pointer)).toEqual(['#/end'])
    })

    it('answers 404 to a partner changing an engagement hidden from it', async () => {
      const hidden = await send(server, 'PATCH', '/api/v1/engagements/staff-talks-2022-11-jpn-itpp', {
        cookie: await server.signIn('jpn'),
        ifMatch: '"1"',
        body: { title: 'x' },
      })
      expect(hidden.status).toBe(404)
    })

    it('refuses to delete an engagement with sideline meetings', async () => {
      const refused = await send(server, 'DELETE', '/api/v1/engagements/summit-2022-madrid', {
        cookie: staff,
        ifMatch: '"1"',
      })
      expect(refused.status).toBe(409)
    })
  })

  describe('statements', () => {
    it('records a statement, and lets a partner associate and dissociate only itself', async () => {
      const created = await send(server, 'POST', '/api/v1/statements', {
        cookie: staff,
        body: {
          kind: 'chairs-statement',
          status: 'drafting',
          title: 'Chair’s statement on maritime cooperation',
          engagementId: 'council-2025-04-foreign',
          issuers: ['NATO'],
          marking: { classification: 'PUBLIC', releasableTo: [] },
        },
      })
      expect(created.status).toBe(201)
      const statement = StatementView.parse(created.body)
      const path = `/api/v1/statements/${statement.id}`
      const issued = await send(server, 'PATCH', path, {
        cookie: staff,
        ifMatch: '"1"',
        body: { status: 'issued', issuedOn: '2025-04-03' },
      })
      expect(StatementView.parse(issued.body)).toMatchObject({
        status: 'issued',
        issuedOn: '2025-04-03',
        version: 2,
      })
      expect(await updateChanges(statement.id)).toEqual({
        status: { before: 'drafting', after: 'issued' },
        issuedOn: { before: null, after: '2025-04-03' },
      })
      const jpn = await server.signIn('jpn')
      const joined = await send(server, 'PUT', `${path}/associations/JPN`, { cookie: jpn })
      expect(joined.status).toBe(200)
      expect(StatementView.parse(joined.body).associations.map((a) => a.country)).toEqual(['JPN'])
      expect((await send(server, 'PUT', `${path}/associations/KOR`, { cookie: jpn })).status).toBe(403)
      const left = await send(server, 'DELETE', `${path}/associations/JPN`, { cookie: jpn })
      expect(StatementView.parse(left.body).associations).toEqual([])
      expect(
        (await send(server, 'PATCH', path, { cookie: staff, ifMatch: '"1"', body: { title: 'x' } })).status,
      ).toBe(409)
    })

    it('needs an issue day exactly when issued', async () => {
      const bad = await send(server, 'POST', '/api/v1/statements', {
        cookie: staff,
        body: {
          kind: 'joint-statement',
          status: 'issued',
          title: 'Undated',
          marking: { classification: 'PUBLIC', releasableTo: [] },
        },
      })
      expect(bad.status).toBe(400)
      expect(Problem.parse(bad.body).errors?.map((e) => e.pointer)).toEqual(['#/issuedOn'])
    })

    it('lists the not-issued IP4 statement for Madrid', async () => {
      const listed = await send(server, 'GET', '/api/v1/statements?engagement=sideline-2022-madrid-ip4')
      expect(listed.status).toBe(200)
      const body = listed.body as { items: unknown[] }
      expect(body.items.map((item) => StatementView.parse(item).status)).toEqual(['not-issued'])
    })
  })
})
