import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { databaseFingerprint } from '../support/db-fingerprint.ts'
import { importThrough } from '../support/import-client.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

/** A catalogue file: three items, one by an alliance body; `row3Provider` spoils the last row. */
const itemsCsv = (row3Provider = 'GBR', suffix = '') =>
  [
    'id,code,title,description,providerKind,provider,format,priorityAreas,languages,eligiblePartners,eligibleFrameworks,illustrative,classification,releasableTo',
    `imp-ci-1${suffix},IMP-CYB-1${suffix},Imported network defence course,"Five days, hands on",body,cyber-centre,course,cyber-defence,en; fr,,ip4,yes,PUBLIC,`,
    `imp-ci-2${suffix},IMP-MAR-1${suffix},Imported maritime workshop,,member,prt,workshop,maritime-security; interoperability,en,KOR,,,,`,
    `imp-ci-3${suffix},IMP-WPS-1${suffix},Imported gender advisor seminar,,,${row3Provider},seminar,wps,en,,,no,RESTRICTED,JPN`,
  ].join('\n')

const eventsCsv = (row2Item = 'IMP-CYB-1') =>
  [
    'id,item,startsOn,endsOn,place,timeZone,capacity,applicationDeadline,status,classification,releasableTo',
    `imp-ce-1,${row2Item},2027-03-01,2027-03-05,Tallinn,Europe/Tallinn,16,2027-02-01,,PUBLIC,`,
    'imp-ce-2,IMP-MAR-1,2027-04-12,2027-04-14,Lisbon,Europe/Lisbon,30,2027-03-15,scheduled,,',
  ].join('\n')

/** Catalogue import (issue 13, item 4) over real HTTP, on both engines: rows, references, all or nothing. */
describe.each(engines)('cooperation catalogue import on %s', (engine) => {
  let server: TestServer
  let staff = ''

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
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

  it('refuses a file with one bad row, changing nothing and naming row and field; the fixed file imports whole', async () => {
    const before = await dataFingerprint()
    const audits = await auditImports()
    const bad = await importThrough(server, staff, 'cooperation-items', itemsCsv('ZZZ'))
    expect(bad.job).toMatchObject({ status: 'failed', rows: 3, created: 0, errorCount: 1 })
    expect(bad.job?.errors).toEqual([{ row: 4, field: 'provider', message: 'No member has the code ZZZ' }])
    expect(await dataFingerprint()).toBe(before)
    expect(await auditImports()).toBe(audits)

    const good = await importThrough(server, staff, 'cooperation-items', itemsCsv())
    expect(good.job).toMatchObject({ status: 'succeeded', rows: 3, created: 3, errorCount: 0 })
    expect(await auditImports()).toBe(audits + 1)
    const course = await getJson(server, '/api/v1/cooperation/items/imp-ci-1', staff)
    expect(course.body).toMatchObject({
      code: 'IMP-CYB-1',
      description: 'Five days, hands on',
      provider: { kind: 'body', code: 'cyber-centre', name: 'Alliance Cyber Defence Centre' },
      languages: ['en', 'fr'],
      eligibility: { partners: [], frameworks: ['ip4'] },
      illustrative: true,
    })
    expect((await getJson(server, '/api/v1/cooperation/items/imp-ci-2', staff)).body).toMatchObject({
      provider: { kind: 'member', code: 'PRT' },
      priorityAreas: ['maritime-security', 'interoperability'],
      eligibility: { partners: ['KOR'], frameworks: [] },
    })
    // Eligibility and markings hold for what was imported: Korea may request the first two only;
    // the RESTRICTED item released to Japan is not Korea's to see.
    const kor = await server.signIn('kor')
    const korea = (await getJson(server, '/api/v1/cooperation/items?q=imported&limit=50', kor)).body as {
      items: { code: string }[]
    }
    expect(korea.items.map((item) => item.code).sort()).toEqual(['IMP-CYB-1', 'IMP-MAR-1'])
    const jpn = await server.signIn('jpn')
    expect((await getJson(server, '/api/v1/cooperation/items/imp-ci-3', jpn)).status).toBe(200)
    expect((await getJson(server, '/api/v1/cooperation/items/imp-ci-3', kor)).status).toBe(404)

    // The same file again: every id and code is taken, so nothing is written.
    const again = await importThrough(server, staff, 'cooperation-items', itemsCsv())
    expect(again.job?.status).toBe('failed')
    expect(again.job?.errors.map((p) => [p.row, p.field])).toEqual([
      [2, 'id'],
      [3, 'id'],
      [4, 'id'],
      [2, 'code'],
      [3, 'code'],
      [4, 'code'],
    ])
  })

  it('checks every reference of every row at once: provider, areas, partners, frameworks, codes', async () => {
    const before = await dataFingerprint()
    const file = [
      'code,title,providerKind,provider,format,priorityAreas,languages,eligiblePartners,eligibleFrameworks,classification',
      'IMP-X-1,One,body,nowhere,course,cyber-defence,en,,,PUBLIC',
      'IMP-X-2,Two,member,FRA,lecture,no-such-area,english,FRA,nato-plus,SECRET',
      'CYB-110,Three,member,FRA,course,quantum-things,en,XYZ,,PUBLIC',
      'IMP-X-1,Four,member,JPN,course,,en,,,PUBLIC',
    ].join('\n')
    const { job } = await importThrough(server, staff, 'cooperation-items', file)
    expect(job?.status).toBe('failed')
    expect(job?.errors.map((p) => [p.row, p.field])).toEqual([
      // Each row's own fields first (the schema), then what they name (the database and the file).
      [3, 'format'],
      [3, 'languages'],
      [3, 'classification'],
      [4, 'code'],
      [5, 'code'],
      [2, 'provider'],
      [5, 'provider'],
      [4, 'priorityAreas'],
      [4, 'eligiblePartners'],
    ])
    expect(job?.errors.find((p) => p.row === 4 && p.field === 'code')?.message).toBe(
      'A cooperation item with the code CYB-110 already exists',
    )
    expect(job?.errors.find((p) => p.row === 5 && p.field === 'code')?.message).toBe(
      'IMP-X-1 is already used on row 2 of this file',
    )
    expect(await dataFingerprint()).toBe(before)
  })

  it('a dry run reports what would be created and changes nothing', async () => {
    const before = await dataFingerprint()
    const { job } = await importThrough(server, staff, 'cooperation-items', itemsCsv('GBR', '-DRY'), {
      dryRun: true,
    })
    expect(job).toMatchObject({ status: 'succeeded', dryRun: true, created: 3, errorCount: 0 })
    expect(await dataFingerprint()).toBe(before)
    expect((await getJson(server, '/api/v1/cooperation/items/imp-ci-1-DRY', staff)).status).toBe(404)
  })

  it('reads a JSON catalogue, naming fields by their path', async () => {
    const items = [
      {
        code: 'IMP-JSON-1',
        title: 'Imported from JSON',
        provider: 'defence-college',
        providerKind: 'body',
        format: 'conference',
        languages: ['fr'],
        eligibleFrameworks: ['ip4'],
      },
      { code: 'IMP-JSON-2', title: 'Second', provider: 'DEU', format: 'seminar', languages: [] },
    ]
    const bad = await importThrough(server, staff, 'cooperation-items', JSON.stringify(items), {
      type: 'application/json',
    })
    expect(bad.job?.errors).toEqual([
      { row: 2, field: 'languages', message: 'Name at least one working language' },
    ])
    items[1] = { ...items[1], languages: ['en'] } as (typeof items)[number]
    const { job } = await importThrough(server, staff, 'cooperation-items', JSON.stringify(items), {
      type: 'application/json',
    })
    expect(job).toMatchObject({ status: 'succeeded', created: 2, format: 'json' })
  })

  it('imports events of catalogue items named by code, with their days and zone checked', async () => {
    const before = await dataFingerprint()
    const bad = await importThrough(server, staff, 'cooperation-events', eventsCsv('NO-SUCH-1'))
    expect(bad.job?.errors).toEqual([
      { row: 2, field: 'item', message: 'No cooperation item has the code NO-SUCH-1' },
    ])
    const days = [
      'item,startsOn,endsOn,place,timeZone,capacity,applicationDeadline',
      'IMP-CYB-1,2027-03-01,2027-03-05,Tallinn,Europe/Tallinn,many,2027-02-01',
      'IMP-CYB-1,2027-03-05,2027-03-01,Tallinn,Europe/Tallinn,12,2027-03-10',
      'IMP-CYB-1,2027-03-01,2027-03-05,Tallinn,Mars/Olympus,0,2027-02-01',
    ].join('\n')
    const wrong = await importThrough(server, staff, 'cooperation-events', days)
    expect(wrong.job?.errors.map((p) => [p.row, p.field])).toEqual([
      [2, 'capacity'],
      [3, 'endsOn'],
      [3, 'applicationDeadline'],
      [4, 'timeZone'],
      [4, 'capacity'],
    ])
    expect(await dataFingerprint()).toBe(before)

    const dry = await importThrough(server, staff, 'cooperation-events', eventsCsv(), { dryRun: true })
    expect(dry.job).toMatchObject({ status: 'succeeded', created: 2 })
    expect(await dataFingerprint()).toBe(before)

    const good = await importThrough(server, staff, 'cooperation-events', eventsCsv())
    expect(good.job).toMatchObject({ status: 'succeeded', created: 2 })
    const events = (await getJson(server, '/api/v1/cooperation/events?item=imp-ci-1', staff)).body as {
      items: { id: string; place: string; capacity: number; status: string; illustrative: boolean }[]
    }
    expect(events.items).toEqual([
      expect.objectContaining({
        id: 'imp-ce-1',
        place: 'Tallinn',
        capacity: 16,
        status: 'scheduled',
        illustrative: false,
      }),
    ])
  })

  it('offers the kinds to staff only', async () => {
    const jpn = await server.signIn('jpn')
    expect((await importThrough(server, jpn, 'cooperation-items', itemsCsv())).status).toBe(403)
    expect((await importThrough(server, '', 'cooperation-events', eventsCsv())).status).toBe(401)
  })
})
