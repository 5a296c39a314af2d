import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { EngagementAnalyticsView } from '../../src/contract/engagement-analytics.ts'
import { type CountedEngagement, referenceYearSeries, type YearSeries } from '../../src/domain/analytics.ts'
import { type EngagementLevel, engagementFormats, engagementLevels } from '../../src/domain/engagement.ts'
import { dayNumber } from '../../src/domain/engagement-time.ts'
import type { Principal } from '../../src/domain/principal.ts'
import { engagementAnalytics } from '../../src/store/engagement-analytics-store.ts'
import { insertEngagement } from '../../src/store/engagement-write-store.ts'
import { inTransaction } from '../../src/store/executor.ts'
import { loadDemoData, readDemoData } from '../../src/store/seed/load-demo.ts'
import { engines, freshDatabase, type TestDatabase } from '../support/databases.ts'
import { fixedNow, getJson, startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

/**
 * Reads CSV bytes with Python's csv.DictReader (Debian's python3, an independent reader), decoding
 * them as utf-8-sig (UTF-8 after a byte order mark), as a consumer would.
 */
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

describe.each(engines)('engagement analytics API on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  async function analytics(query: string, user = 'staff') {
    const { status, body } = await getJson(
      server,
      `/api/v1/analytics/engagements?${query}`,
      await server.signIn(user),
    )
    expect(status).toBe(200)
    return EngagementAnalyticsView.parse(body)
  }

  it('shows the IP4 rising to leaders level from 2022', async () => {
    const ip4 = await analytics('framework=ip4')
    expect(ip4.scope).toMatchObject({ kind: 'framework', id: 'ip4' })
    const leaders = (year: number) =>
      ip4.years.find((y) => y.year === year)?.byLevel['heads-of-state-government']
    for (const year of [2019, 2020, 2021]) {
      expect(leaders(year)).toBe(0)
    }
    for (const year of [2022, 2023, 2024, 2025]) {
      expect(leaders(year)).toBeGreaterThan(0)
    }
    expect(ip4.overall.firstYearAtLeadersLevel).toBe(2022)
    const first = ip4.milestones.find((m) => m.level === 'heads-of-state-government')?.first
    expect(first).toMatchObject({ id: 'summit-2022-madrid', day: '2022-06-28' })
    const intensity = (year: number) => ip4.years.find((y) => y.year === year)?.intensity ?? 0
    expect(intensity(2022)).toBeGreaterThan(intensity(2020))
  })

  it('counts a partner at the level it took part at', async () => {
    const japan = await analytics('partner=JPN')
    const y2025 = japan.years.find((y) => y.year === 2025)
    // At The Hague Japan was represented by its foreign minister, not its prime minister.
    expect(y2025?.byLevel['heads-of-state-government']).toBe(0)
    expect(japan.milestones.find((m) => m.level === 'heads-of-state-government')?.first?.day).toBe(
      '2014-05-06',
    )
  })

  it('measures regularity against a configurable window around summits', async () => {
    const narrow = await analytics('framework=ip4&window=0')
    const wide = await analytics('framework=ip4&window=120')
    expect(narrow.summitWindowDays).toBe(0)
    expect(narrow.overall.outsideSummitWindow).toBeGreaterThan(wide.overall.outsideSummitWindow)
    const y2022 = narrow.years.find((y) => y.year === 2022)
    expect(y2022?.activeMonths).toBeGreaterThan(2)
    expect(narrow.overall.longestGapDays).toBeGreaterThan(300)
  })

  it('counts only what the caller may see', async () => {
    const staff = await analytics('framework=ip4')
    const japan = await analytics('framework=ip4', 'jpn')
    const korea = await analytics('framework=ip4', 'kor')
    const total = (view: typeof staff) => view.overall.total
    // One alliance-only record (2022) and one released only to Australia (2024).
    expect(total(japan)).toBe(total(staff) - 2)
    expect(total(korea)).toBe(total(japan))
    expect(staff.years.find((y) => y.year === 2022)?.byLevel['working-level']).toBe(1)
    expect(japan.years.find((y) => y.year === 2022)?.byLevel['working-level']).toBe(0)
    expect(staff.marking.label).toBe('RESTRICTED — ALLIANCE ONLY')
    expect(japan.marking.classification).toBe('PUBLIC')
    const australia = await analytics('partner=AUS', 'staff')
    const australiaSeenByKorea = await analytics('partner=AUS', 'kor')
    expect(australia.overall.total - australiaSeenByKorea.overall.total).toBe(1)
  })

  it('exports every series as CSV that a standard reader reads, with the marking on every row', async () => {
    const staff = await server.signIn('staff')
    for (const series of ['levels', 'formats', 'intensity', 'regularity', 'milestones']) {
      const response = await fetch(`${server.url}/api/v1/analytics/engagements/${series}.csv?framework=ip4`, {
        headers: { cookie: staff },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/csv')
      const bytes = Buffer.from(await response.arrayBuffer())
      // UTF-8 byte order mark first, so spreadsheets decode the marking's em dash right.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const read = readCsv(bytes)
      expect(read.header[0]).toBe(series === 'milestones' ? 'level' : 'year')
      expect(read.header.at(-1)).toBe('marking')
      expect(read.rows.length).toBeGreaterThan(2)
      expect(new Set(read.rows.map((row) => row.marking))).toEqual(new Set(['RESTRICTED — ALLIANCE ONLY']))
    }
    const levels = readCsv(
      Buffer.from(
        await (
          await fetch(`${server.url}/api/v1/analytics/engagements/levels.csv?framework=ip4`)
        ).arrayBuffer(),
      ),
    )
    expect(levels.header).toEqual([
      'year',
      'heads-of-state-government',
      'ministers',
      'ambassadors',
      'senior-officials',
      'working-level',
      'total',
      'marking',
    ])
    expect(levels.rows.find((row) => row.year === '2021')).toMatchObject({ total: '0', marking: 'PUBLIC' })
  })

  it('neutralises formula-leading titles in CSV and keeps them readable', async () => {
    const staff = await server.signIn('staff')
    const titles = ['=HYPERLINK("http://x")', '@SUM(1)']
    for (const [index, title] of titles.entries()) {
      const created = await send(server, 'POST', '/api/v1/engagements', {
        cookie: staff,
        body: newEngagement({
          title,
          level: index === 0 ? 'working-level' : 'senior-officials',
          start: '2026-11-20T10:00',
          end: '2026-11-20T12:00',
          participants: [{ country: 'NZL' }],
          marking: { classification: 'UNCLASSIFIED', releasableTo: ['NZL'] },
        }),
      })
      expect(created.status).toBe(201)
    }
    const response = await fetch(`${server.url}/api/v1/analytics/engagements/milestones.csv?partner=NZL`, {
      headers: { cookie: staff },
    })
    const read = readCsv(Buffer.from(await response.arrayBuffer()))
    const latest = read.rows.map((row) => row.latest_title)
    expect(latest).toContain(`'=HYPERLINK("http://x")`)
    expect(latest).toContain("'@SUM(1)")
    // Nothing a spreadsheet would run is left at the start of a cell.
    for (const row of read.rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]/)
    }
  })

  it('answers 400 naming the fields, and 404 for an unknown scope', async () => {
    const both = await getJson(server, '/api/v1/analytics/engagements?partner=JPN&framework=ip4&window=-1')
    expect(both.status).toBe(400)
    const pointers = (Problem.parse(both.body).errors ?? []).map((error) => error.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['#/partner', '#/window']))
    const neither = await getJson(server, '/api/v1/analytics/engagements')
    expect(neither.status).toBe(400)
    expect((await getJson(server, '/api/v1/analytics/engagements?partner=XYZ')).status).toBe(404)
    expect((await getJson(server, '/api/v1/analytics/engagements/shapes.csv?framework=ip4')).status).toBe(400)
  })
})

describe.each(engines)('analytics SQL agrees with the reference computation on %s', (engine) => {
  let database: TestDatabase
  const staff: Principal = {
    kind: 'staff',
    country: null,
    clearance: 'CONFIDENTIAL',
    userId: null,
    username: 'staff',
    displayName: 'Staff',
    roles: new Set(),
  }

  beforeAll(async () => {
    database = await freshDatabase(engine)
    await loadDemoData(database.db, await readDemoData(), fixedNow)
  })
  afterAll(() => database.dispose())

  it('gives the same yearly series for generated engagements', async () => {
    // A small deterministic generator: engagements spread over six years, a few summits among them.
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const created: { id: string; day: string; level: EngagementLevel; kind: string }[] = []
    for (let index = 0; index < 60; index += 1) {
      const day = new Date(Date.UTC(2019 + next(6), next(12), 1 + next(28))).toISOString().slice(0, 10)
      const kind = index % 12 === 0 ? 'summit' : 'ministerial'
      const level = engagementLevels[next(engagementLevels.length)] ?? 'ministers'
      const format = engagementFormats[next(engagementFormats.length)] ?? 'group'
      const id = `generated-${index}`
      await inTransaction(database.db, (tx) =>
        insertEngagement(
          tx,
          id,
          {
            kind,
            level,
            format,
            title: id,
            summary: '',
            host: null,
            place: 'Brussels',
            timing: { allDay: true, start: day, end: day, timeZone: 'Europe/Brussels' },
            parentId: null,
            priorityAreas: [],
            outcomes: [],
            participants: [{ country: 'KOR', person: null, role: null, level: null, marking: null }],
            marking: { classification: 'PUBLIC', releasableTo: [] },
          },
          fixedNow,
        ),
      )
      created.push({ id, day, level, kind })
    }
    const summits = created.filter((engagement) => engagement.kind === 'summit')
    const counted: CountedEngagement[] = created.map((engagement) => ({
      id: engagement.id,
      title: engagement.id,
      day: engagement.day,
      level: engagement.level,
      format: 'group',
      nearSummit: summits.some((summit) => Math.abs(dayNumber(summit.day) - dayNumber(engagement.day)) <= 30),
    }))
    const sql = await engagementAnalytics(database.db, staff, { kind: 'partner', code: 'KOR' }, 30)
    const reference = referenceYearSeries(counted)
    // The generator records every engagement as a group meeting, so formats are left out of the comparison.
    const strip = (series: readonly YearSeries[]) =>
      series.filter((year) => year.total > 0).map(({ byFormat: _format, ...rest }) => rest)
    expect(strip(sql.years)).toEqual(strip(reference))
  })
})
