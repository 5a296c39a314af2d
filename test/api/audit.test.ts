import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditList } from '../../src/contract/audit.ts'
import { Problem } from '../../src/contract/common.ts'
import type { Principal } from '../../src/domain/principal.ts'
import { recordAudit } from '../../src/store/audit-store.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

const officer: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: 'u-officer',
  username: 'officer-x',
  displayName: 'Officer',
  roles: new Set(['desk-officer']),
}

/** Reads CSV bytes with Python's csv.DictReader (an independent reader), as utf-8-sig. */
function readCsv(bytes: Buffer): { header: string[]; rows: Record<string, string>[] } {
  const reader = `
import csv, io, json, sys
text = sys.stdin.buffer.read().decode('utf-8-sig')
reader = csv.DictReader(io.StringIO(text, newline=''))
rows = list(reader)
print(json.dumps({'header': reader.fieldnames, 'rows': rows}))
`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', reader], { input: bytes, encoding: 'utf8' }))
}

describe.each(engines)('GET /api/v1/audit on %s', (engine) => {
  let server: TestServer
  let staff: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    for (const [day, id] of [
      ['2026-05-01', 'p-may'],
      ['2026-05-02', 'p-may'],
      ['2026-05-03', 'p-other'],
    ] as const) {
      await recordAudit(
        server.db.kysely,
        officer,
        {
          action: 'update',
          entity: 'test-thing',
          entityId: id,
          onBehalfOf: 'jpn',
          changes: { title: { before: 'A', after: 'B' } },
        },
        new Date(`${day}T23:59:59.999Z`),
      )
    }
  })
  afterAll(() => server.close())

  async function list(path: string) {
    const answer = await getJson(server, path, staff)
    expect(answer.status).toBe(200)
    return AuditList.parse(answer.body)
  }

  it('shows staff the trail newest first, with who, what, on whose behalf and the changes', async () => {
    const page = await list('/api/v1/audit?entity=test-thing')
    expect(page.total).toBe(3)
    expect(page.items.map((item) => [item.entityId, item.at])).toEqual([
      ['p-other', '2026-05-03T23:59:59.999Z'],
      ['p-may', '2026-05-02T23:59:59.999Z'],
      ['p-may', '2026-05-01T23:59:59.999Z'],
    ])
    expect(page.items[0]).toMatchObject({
      actor: 'officer-x',
      onBehalfOf: 'jpn',
      action: 'update',
      changes: { title: { before: 'A', after: 'B' } },
    })
    const seqs = page.items.map((item) => item.seq)
    expect(seqs[0]).toBe((seqs[1] ?? 0) + 1)
    expect((await list('/api/v1/audit?actor=staff&entity=user')).items[0]).toMatchObject({
      action: 'sign-in',
    })
  })

  it('filters by record, user and day range (inclusive) and pages with a total', async () => {
    expect((await list('/api/v1/audit?entity=test-thing&entityId=p-may')).total).toBe(2)
    expect((await list('/api/v1/audit?actor=officer-x')).total).toBe(3)
    expect((await list('/api/v1/audit?actor=nobody')).total).toBe(0)
    const days = await list('/api/v1/audit?entity=test-thing&from=2026-05-02&to=2026-05-02')
    expect(days.items.map((item) => item.at)).toEqual(['2026-05-02T23:59:59.999Z'])
    expect((await list('/api/v1/audit?entity=test-thing&from=2026-05-02')).total).toBe(2)
    const second = await list('/api/v1/audit?entity=test-thing&limit=1&offset=1')
    expect(second.total).toBe(3)
    expect(second.items.map((item) => item.at)).toEqual(['2026-05-02T23:59:59.999Z'])
  })

  it('refuses the public (401), members and allies (403)', async () => {
    expect((await getJson(server, '/api/v1/audit')).status).toBe(401)
    for (const user of ['jpn', 'kor', 'fra']) {
      const answer = await getJson(server, '/api/v1/audit', await server.signIn(user))
      expect(answer.status).toBe(403)
      expect(Problem.parse(answer.body).status).toBe(403)
    }
  })

  it('exports the filtered trail as CSV, every row marked, with the JSON of the changes', async () => {
    const response = await fetch(`${server.url}/api/v1/audit.csv?entity=test-thing&to=2026-05-02`, {
      headers: { cookie: staff },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit-trail.csv"')
    const { header, rows } = readCsv(Buffer.from(await response.arrayBuffer()))
    expect(header).toEqual([
      'seq',
      'at',
      'actor',
      'on_behalf_of',
      'action',
      'entity',
      'entity_id',
      'details',
      'changes',
      'id',
      'hash',
      'marking',
    ])
    expect(rows.map((row) => row.at)).toEqual(['2026-05-02T23:59:59.999Z', '2026-05-01T23:59:59.999Z'])
    expect(rows[0]).toMatchObject({ actor: 'officer-x', on_behalf_of: 'jpn', entity_id: 'p-may' })
    expect(JSON.parse(rows[0]?.changes ?? '')).toEqual({ title: { before: 'A', after: 'B' } })
    expect(rows[0]?.marking).toMatch(/^CONFIDENTIAL/)
    const jpn = await fetch(`${server.url}/api/v1/audit.csv`, {
      headers: { cookie: await server.signIn('jpn') },
    })
    expect(jpn.status).toBe(403)
    expect((await fetch(`${server.url}/api/v1/audit.csv`)).status).toBe(401)
    expect((await getJson(server, '/api/v1/audit.csv?limit=5', staff)).status).toBe(400)
  })

  it('answers bad filters with a 400 problem naming each', async () => {
    for (const query of [
      'limit=0',
      'limit=501',
      'offset=-1',
      'from=2026-13-01',
      'to=yesterday',
      'from=2026-05-03&to=2026-05-01',
      'colour=red',
      `actor=${'x'.repeat(201)}`,
    ]) {
      const answer = await getJson(server, `/api/v1/audit?${query}`, staff)
      expect(answer.status, query).toBe(400)
      expect(Problem.parse(answer.body).status).toBe(400)
    }
  })
})
