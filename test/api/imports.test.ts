import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportJobList, importKindValues } from '../../src/contract/import.ts'
import { importKindNames } from '../../src/store/import/import-kinds.ts'
import { engines } from '../support/databases.ts'
import { databaseFingerprint } from '../support/db-fingerprint.ts'
import { importThrough } from '../support/import-client.ts'
import { engagementsCsv, eventsCsv, eventsJson, partnersCsv, programmesCsv } from '../support/import-files.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

it('the contract offers exactly the kinds the store registers', () => {
  expect([...importKindValues]).toEqual(importKindNames)
})

/** Import over real HTTP: row-by-row problems, all or nothing, dry runs, every kind, staff only. */
describe.each(engines)('imports API on %s', (engine) => {
  let server: TestServer
  let staff = ''
  let jpn = ''

  beforeAll(async () => {
    server = await startTestServer(engine, { importLimit: 64 * 1024 })
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
  }, 60_000)
  afterAll(() => server.close())

  /** The data, without the import jobs: a refused import records its job and nothing else. */
  async function dataFingerprint(): Promise<string> {
    return (await databaseFingerprint(server.db))
      .split(' ')
      .filter((part) => !part.startsWith('import_job:'))
      .join(' ')
  }

  async function auditImports(): Promise<number> {
    const { rows } = await sql<{
      n: number | string
    }>`select count(*) as n from audit_log where action = 'import'`.execute(server.db.kysely)
    return Number(rows[0]?.n)
  }

  it('refuses a file with one bad row, changing nothing, and names the row and field; the fixed file imports whole', async () => {
    const before = await dataFingerprint()
    const audits = await auditImports()
    const bad = await importThrough(server, staff, 'events', eventsCsv('XYZ'))
    expect(bad.job).toMatchObject({ status: 'failed', rows: 3, errorCount: 1, created: 0, percent: 100 })
    expect(bad.job?.errors).toEqual([{ row: 3, field: 'partner', message: 'No partner has the code XYZ' }])
    expect(await dataFingerprint()).toBe(before)

    const good = await importThrough(server, staff, 'events', eventsCsv())
    expect(good.job).toMatchObject({ status: 'succeeded', rows: 3, created: 3, errorCount: 0, errors: [] })
    expect(await auditImports()).toBe(audits + 1)
    const japan = (await getJson(server, '/api/v1/partners/JPN', staff)).body as {
      timeline: { id: string; date: string; precision: string; confidence: string; illustrative: boolean }[]
    }
    expect(japan.timeline.find((event) => event.id === 'imp-ev-1')).toMatchObject({
      date: '199X',
      precision: 'decade',
      confidence: 'medium',
      illustrative: true,
    })
    const korea = (await getJson(server, '/api/v1/partners/KOR', staff)).body as {
      timeline: { id: string }[]
    }
    expect(korea.timeline.map((event) => event.id)).toContain('imp-ev-3')
    // The RESTRICTED event released to Japan is not Korea's to see.
    const asKorea = await server.signIn('kor')
    const japanForKorea = (await getJson(server, '/api/v1/partners/JPN', asKorea)).body as {
      timeline: { id: string }[]
    }
    expect(japanForKorea.timeline.map((event) => event.id)).not.toContain('imp-ev-2')

    // The search index follows the import in the same transaction.
    const found = (await getJson(server, '/api/v1/search?q=imported%20arrangement', staff)).body as {
      items: { id: string }[]
    }
    expect(found.items.map((hit) => hit.id)).toContain('imp-ev-3')

    // The same file again: every id is taken, so nothing is written.
    const again = await importThrough(server, staff, 'events', eventsCsv())
    expect(again.job?.status).toBe('failed')
    expect(again.job?.errors.map((p) => [p.row, p.field])).toEqual([
      [2, 'id'],
      [3, 'id'],
      [4, 'id'],
    ])
  })

  it('reports every problem of every row at once, by column, and a broken header once', async () => {
    const file = [
      'partner,kind,title,date,precision,confidence,classification',
      'JPN,dialogue,,2005,day,sure,SECRET',
      'JPN,dialogue,Fine,20051,,,PUBLIC',
      'JPN,dialogue,Fine,2005,day,,PUBLIC',
    ].join('\n')
    const { job } = await importThrough(server, staff, 'events', file)
    expect(job?.status).toBe('failed')
    expect(job?.errors.map((p) => [p.row, p.field])).toEqual([
      [2, 'title'],
      [2, 'confidence'],
      [2, 'classification'],
      [3, 'date'],
      [4, 'precision'],
    ])
    const header = await importThrough(server, staff, 'events', 'partner,title,colour\nJPN,x,red')
    expect(header.job?.errors).toEqual([
      { row: 1, field: 'kind', message: 'The kind column is missing' },
      { row: 1, field: 'date', message: 'The date column is missing' },
      expect.objectContaining({ row: 1, field: 'colour' }),
    ])
  })

  it('a dry run reports what would be created and changes nothing', async () => {
    const before = await dataFingerprint()
    const { job } = await importThrough(server, staff, 'events', eventsCsv('JPN', '-dry'), { dryRun: true })
    expect(job).toMatchObject({ status: 'succeeded', dryRun: true, created: 3 })
    expect(await dataFingerprint()).toBe(before)
  })

  it('imports partners, adding the countries it does not know', async () => {
    const bad = await importThrough(server, staff, 'partners', partnersCsv('Mars/Olympus'))
    expect(bad.job?.errors.map((p) => [p.row, p.field])).toEqual([[2, 'timeZone']])
    const { job } = await importThrough(server, staff, 'partners', partnersCsv())
    expect(job).toMatchObject({ status: 'succeeded', created: 2 })
    const brazil = await getJson(server, '/api/v1/partners/BRA', staff)
    expect(brazil.body).toMatchObject({ name: 'Brazil', status: 'invited', dialogueSince: { date: '201X' } })
    const japan = await importThrough(
      server,
      staff,
      'partners',
      'code,classification\nJPN,PUBLIC\nFRA,PUBLIC',
    )
    expect(japan.job?.errors.map((p) => p.message)).toEqual([
      'A partner with the code JPN already exists',
      'FRA is an alliance member, not a partner',
    ])
  })

  it('imports engagements with their participants, a sideline after its parent', async () => {
    const bad = await importThrough(server, staff, 'engagements', engagementsCsv('ZZZ'))
    expect(bad.job?.errors).toEqual([
      { row: 3, field: 'participants', message: 'No country has the code ZZZ' },
    ])
    const { job } = await importThrough(server, staff, 'engagements', engagementsCsv())
    expect(job).toMatchObject({ status: 'succeeded', created: 2 })
    const sideline = (await getJson(server, '/api/v1/engagements/imp-eng-2', staff)).body as {
      parentId: string
      participants: { country: string }[]
    }
    expect(sideline.parentId).toBe('imp-eng-1')
    expect(sideline.participants.map((p) => p.country)).toEqual(['JPN', 'KOR'])
  })

  it('imports a programme tree: objectives, goals, activities and milestones', async () => {
    const bad = await importThrough(server, staff, 'programmes', programmesCsv('imp-act-1'))
    expect(bad.job?.errors.map((p) => [p.row, p.field])).toEqual([[4, 'parent']])
    const { job } = await importThrough(server, staff, 'programmes', programmesCsv())
    expect(job).toMatchObject({ status: 'succeeded', created: 5 })
    const programme = await getJson(server, '/api/v1/programmes/imp-prog', staff)
    expect(programme.status).toBe(200)
    expect(JSON.stringify(programme.body)).toContain('Imported milestone')
    expect(JSON.stringify(programme.body)).toContain('Imported activity')
  })

  it('reads JSON files, numbering items from 1 and naming fields by path', async () => {
    const bad = await importThrough(server, staff, 'events', eventsJson('QQQ'), { type: 'application/json' })
    expect(bad.job?.errors).toEqual([{ row: 2, field: 'partner', message: 'No partner has the code QQQ' }])
    const shape = await importThrough(
      server,
      staff,
      'events',
      '[{"partner":"AUS","marking":{"classification":"TOP"}}]',
      {
        type: 'application/json',
      },
    )
    expect(shape.job?.errors.map((p) => p.field)).toEqual(['kind', 'title', 'date', 'marking.classification'])
    const { job } = await importThrough(server, staff, 'events', eventsJson(), { type: 'application/json' })
    expect(job).toMatchObject({ status: 'succeeded', created: 2, format: 'json' })
  })

  it('is for staff only, and a job is read only by its importer and staff', async () => {
    const before = await dataFingerprint()
    expect((await importThrough(server, jpn, 'events', eventsCsv())).status).toBe(403)
    expect((await importThrough(server, '', 'events', eventsCsv())).status).toBe(401)
    const { job } = await importThrough(server, staff, 'events', eventsCsv(), { dryRun: true })
    expect((await getJson(server, `/api/v1/imports/${job?.id}`, jpn)).status).toBe(404)
    expect((await getJson(server, `/api/v1/imports/${job?.id}`, '')).status).toBe(404)
    expect((await getJson(server, `/api/v1/imports/${job?.id}`, staff)).status).toBe(200)
    expect(await dataFingerprint()).toBe(before)
  })

  it('lists past imports newest first with who ran them: staff see all, others only their own', async () => {
    const { job } = await importThrough(server, staff, 'events', eventsCsv(), { dryRun: true })
    const all = ImportJobList.parse((await getJson(server, '/api/v1/imports?limit=500', staff)).body)
    expect(all.items.find((item) => item.id === job?.id)).toMatchObject({
      kind: 'events',
      dryRun: true,
      importer: 'staff',
    })
    expect(all.total).toBe(all.items.length)
    const stamps = all.items.map((item) => item.createdAt)
    expect(stamps).toEqual([...stamps].sort().reverse())
    const page = ImportJobList.parse((await getJson(server, '/api/v1/imports?limit=2&offset=1', staff)).body)
    expect(page.items.map((item) => item.id)).toEqual(all.items.slice(1, 3).map((item) => item.id))
    expect(page.total).toBe(all.total)
    // Japan has run no import (it may not), so its list is empty, count included.
    expect(ImportJobList.parse((await getJson(server, '/api/v1/imports', jpn)).body)).toEqual({
      items: [],
      total: 0,
    })
    expect((await getJson(server, '/api/v1/imports', '')).status).toBe(401)
    expect((await getJson(server, '/api/v1/imports?limit=0', staff)).status).toBe(400)
  })

  it('bounds the upload with a 413 problem and refuses unknown kinds and empty files', async () => {
    const big = await importThrough(server, staff, 'events', 'x'.repeat(70 * 1024))
    expect(big.status).toBe(413)
    expect(big.body).toMatchObject({ status: 413, detail: expect.stringContaining('64 KiB') })
    const kind = await importThrough(server, staff, 'members', 'a\n1')
    expect(kind.status).toBe(400)
    const empty = await importThrough(server, staff, 'events', '')
    expect(empty.status).toBe(400)
    const type = await importThrough(server, staff, 'events', 'a', { type: 'text/plain' })
    expect(type.status).toBe(415)
  })
})
