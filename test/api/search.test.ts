import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { Problem } from '../../src/contract/common.ts'
import { EngagementDetail } from '../../src/contract/engagement-detail.ts'
import { SearchResults } from '../../src/contract/search.ts'
import { canRead, classificationAt } from '../../src/domain/marking.ts'
import { type Principal, publicPrincipal } from '../../src/domain/principal.ts'
import { decodeList } from '../../src/store/list-column.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

/** Korea's reading rights, to check each hit against the marking of its own record. */
const korea: Principal = {
  ...publicPrincipal,
  kind: 'partner',
  country: 'KOR',
  clearance: 'RESTRICTED',
}

/** Every page of a search, following `limit`/`offset` until `total` hits were read. */
async function allPages(server: TestServer, query: string, cookie: string) {
  const items: z.infer<typeof SearchResults>['items'] = []
  let total = -1
  for (let offset = 0; total < 0 || offset < total; offset += 3) {
    const page = SearchResults.parse(
      (await send(server, 'GET', `/api/v1/search?${query}&limit=3&offset=${offset}`, { cookie })).body,
    )
    total = page.total
    items.push(...page.items)
    if (page.items.length === 0) {
      break
    }
  }
  return { items, total }
}

describe.each(engines)('GET /api/v1/search on %s', (engine) => {
  let server: TestServer
  let staff: string
  let kor: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    kor = await server.signIn('kor')
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })

  /** The marking and programme partner of a hit's record, read from its own table (not the index). */
  async function sourceOf(type: string, id: string) {
    const tables: Record<string, [string, string, string]> = {
      partner: ['partner', 'country_code', 'null'],
      event: ['relationship_event', 'id', 'null'],
      framework: ['framework', 'id', 'null'],
      programme: ['programme', 'id', 't.partner_code'],
      'programme-node': [
        'programme_node',
        'id',
        '(select p.partner_code from programme as p where p.id = t.programme_id)',
      ],
      milestone: [
        'programme_milestone',
        'id',
        '(select p.partner_code from programme as p where p.id = t.programme_id)',
      ],
      engagement: ['engagement', 'id', 'null'],
      statement: ['engagement_statement', 'id', 'null'],
    }
    const [table, key, owner] = tables[type] ?? ['missing', 'id', 'null']
    const found = await sql<{ classification: number; releasable_to: string; owner: string | null }>`
      select t.classification, t.releasable_to, ${sql.raw(owner)} as owner
      from ${sql.table(table)} as t where ${sql.ref(`t.${key}`)} = ${id}`.execute(server.db.kysely)
    const row = found.rows[0]
    if (row === undefined) {
      throw new Error(`no ${type} ${id}`)
    }
    return {
      marking: {
        classification: classificationAt(Number(row.classification)),
        releasableTo: decodeList(row.releasable_to),
      },
      owner: row.owner,
    }
  }

  it('shows Korea only what Korea may read for "tokyo", and its total agrees with every page', async () => {
    const seen = await allPages(server, 'q=tokyo', kor)
    expect(seen.items.length).toBe(seen.total)
    expect(new Set(seen.items.map((item) => `${item.type}:${item.id}`)).size).toBe(seen.total)
    for (const item of seen.items) {
      const source = await sourceOf(item.type, item.id)
      expect(canRead(korea, source.marking), `${item.type} ${item.id}`).toBe(true)
      if (source.owner !== null && source.owner !== 'KOR') {
        expect(source.marking.classification, `${item.type} ${item.id}`).toBe('PUBLIC')
      }
    }
    const everything = await allPages(server, 'q=tokyo', staff)
    expect(everything.total).toBe(everything.items.length)
    expect(everything.total).toBeGreaterThan(seen.total)
    const hidden = everything.items.filter(
      (item) => !seen.items.some((mine) => mine.type === item.type && mine.id === item.id),
    )
    expect(hidden.length).toBeGreaterThan(0)
    // The ids of what Korea may not read appear nowhere in Korea's answer, not even in a snippet.
    const korText = JSON.stringify(seen.items)
    for (const item of hidden) {
      expect(korText).not.toContain(item.id)
    }
  })

  it('finds names with accents folded and CJK, and highlights the matched words safely', async () => {
    const created = EngagementDetail.parse(
      (
        await send(server, 'POST', '/api/v1/engagements', {
          cookie: staff,
          body: newEngagement({
            title: 'Consultations in Séoul',
            summary: 'Follow-up meeting with the <b>東京都</b> delegation.',
            marking: { classification: 'PUBLIC', releasableTo: [] },
          }),
        })
      ).body,
    )
    for (const q of ['seoul', 'Séoul', '東京']) {
      const found = SearchResults.parse(
        (await send(server, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body,
      )
      const hit = found.items.find((item) => item.id === created.id)
      expect(hit, q).toBeDefined()
      expect(hit?.url).toBe(`/engagements/${created.id}`)
    }
    const cjk = SearchResults.parse(
      (await send(server, 'GET', `/api/v1/search?q=${encodeURIComponent('東京')}`)).body,
    )
    const hit = cjk.items.find((item) => item.id === created.id)
    const marked = hit?.snippet.highlights.map((range) => hit.snippet.text.slice(range.start, range.end))
    expect(marked).toEqual(['東京都'])
    // The snippet is the text as written: the web app shows it as text, so "<b>" stays visible.
    expect(hit?.snippet.text).toContain('<b>')
  })

  it('ranks a title match above a body match', async () => {
    const body = EngagementDetail.parse(
      (
        await send(server, 'POST', '/api/v1/engagements', {
          cookie: staff,
          body: newEngagement({ title: 'Routine talks', summary: 'We discussed the quasarwharf project.' }),
        })
      ).body,
    )
    const title = EngagementDetail.parse(
      (
        await send(server, 'POST', '/api/v1/engagements', {
          cookie: staff,
          body: newEngagement({ title: 'Quasarwharf review', summary: 'Nothing else.' }),
        })
      ).body,
    )
    const found = SearchResults.parse(
      (await send(server, 'GET', '/api/v1/search?q=quasarwharf', { cookie: staff })).body,
    )
    expect(found.items.map((item) => item.id)).toEqual([title.id, body.id])
    expect(found.total).toBe(2)
  })

  it('follows an edit and a delete made through the API', async () => {
    const created = EngagementDetail.parse(
      (
        await send(server, 'POST', '/api/v1/engagements', {
          cookie: staff,
          body: newEngagement({ title: 'Zanzibarite workshop' }),
        })
      ).body,
    )
    const search = async (q: string) =>
      SearchResults.parse((await send(server, 'GET', `/api/v1/search?q=${q}`, { cookie: staff })).body)
    expect((await search('zanzibarite')).total).toBe(1)
    const path = `/api/v1/engagements/${created.id}`
    expect(
      (
        await send(server, 'PATCH', path, {
          cookie: staff,
          ifMatch: '"1"',
          body: { title: 'Obsidianite workshop' },
        })
      ).status,
    ).toBe(200)
    expect((await search('zanzibarite')).total).toBe(0)
    expect((await search('obsidianite')).items.map((item) => item.id)).toEqual([created.id])
    // Re-marked for Japan only: Korea no longer finds it, Japan does.
    expect(
      (
        await send(server, 'PATCH', path, {
          cookie: staff,
          ifMatch: '"2"',
          body: { marking: { classification: 'UNCLASSIFIED', releasableTo: ['JPN'] } },
        })
      ).status,
    ).toBe(200)
    const asKorea = SearchResults.parse(
      (await send(server, 'GET', '/api/v1/search?q=obsidianite', { cookie: kor })).body,
    )
    expect(asKorea.total).toBe(0)
    const asJapan = SearchResults.parse(
      (await send(server, 'GET', '/api/v1/search?q=obsidianite', { cookie: await server.signIn('jpn') }))
        .body,
    )
    expect(asJapan.total).toBe(1)
    expect(asJapan.marking.releasableTo).toEqual(['JPN'])
    expect((await send(server, 'DELETE', path, { cookie: staff, ifMatch: '"3"' })).status).toBe(204)
    expect((await search('obsidianite')).total).toBe(0)
  })

  it('filters by type', async () => {
    const found = SearchResults.parse(
      (await send(server, 'GET', '/api/v1/search?q=tokyo&type=event', { cookie: staff })).body,
    )
    expect(found.total).toBeGreaterThan(0)
    expect(found.items.every((item) => item.type === 'event')).toBe(true)
  })

  it('reads FTS syntax and control bytes as plain words, and refuses bad parameters with 400', async () => {
    for (const q of [
      '"',
      '*',
      'NEAR(tokyo',
      'tokyo OR',
      '-tokyo',
      'title:tokyo',
      "to'kyo",
      '(',
      'AND',
      '\\',
    ]) {
      const answer = await send(server, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`, { cookie: staff })
      expect(answer.status, q).toBe(200)
      SearchResults.parse(answer.body)
    }
    for (const query of [
      'q=',
      'q=tokyo&limit=0',
      'q=tokyo&limit=101',
      'q=tokyo&type=planet',
      `q=${'a'.repeat(10_000)}`,
    ]) {
      const answer = await send(server, 'GET', `/api/v1/search?${query}`, { cookie: staff })
      expect(answer.status, query.slice(0, 30)).toBe(400)
      Problem.parse(answer.body)
    }
  })
})
