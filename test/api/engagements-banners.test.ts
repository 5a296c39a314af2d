import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { markingToColumns } from '../../src/store/marking-columns.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

/**
 * Finding 2 of issue 7: a banner is the highest marking of every row that contributed to the
 * answer, participations included, and only of rows the reader may see. One PUBLIC engagement in
 * a month of its own, with a CONFIDENTIAL participation (New Zealand's) and a RESTRICTED one
 * (Korea's), both released to Japan: staff see both, Japan (cleared to RESTRICTED) only Korea's,
 * the public neither.
 */

const month = 'from=2031-05-01&to=2031-05-31'
const staffBanner = 'CONFIDENTIAL — RELEASABLE TO JPN'
const japanBanner = 'RESTRICTED — RELEASABLE TO JPN'

interface MarkingView {
  classification: string
  label: string
}

describe.each(engines)('banners from every contributing row on %s', (engine) => {
  let server: TestServer
  let id: string
  const cookies: Record<string, string> = { public: '' }
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer(engine)
    for (const user of ['staff', 'jpn']) {
      cookies[user] = await server.signIn(user)
      const feed = await send(server, 'POST', '/api/v1/calendar-feed', { cookie: cookies[user] })
      tokens[user] = (feed.body as { token: string }).token
    }
    const created = await send(server, 'POST', '/api/v1/engagements', {
      cookie: cookies.staff,
      body: newEngagement({
        title: 'Public talks with partners',
        start: '2031-05-10T10:00',
        end: '2031-05-10T12:00',
        marking: { classification: 'PUBLIC', releasableTo: [] },
        participants: [
          { country: 'JPN', person: null, marking: { classification: 'PUBLIC', releasableTo: [] } },
          {
            country: 'NZL',
            person: null,
            marking: { classification: 'CONFIDENTIAL', releasableTo: ['JPN'] },
          },
          { country: 'KOR', person: null, marking: { classification: 'RESTRICTED', releasableTo: ['JPN'] } },
        ],
      }),
    })
    expect(created.status).toBe(201)
    id = (created.body as { id: string }).id
  })
  afterAll(() => server.close())

  async function json(user: string, path: string) {
    const answer = await send(server, 'GET', path, { cookie: cookies[user] ?? '' })
    expect(answer.status, path).toBe(200)
    return answer.body as Record<string, unknown>
  }

  async function text(path: string) {
    const answer = await send(server, 'GET', path)
    expect(answer.status, path).toBe(200)
    return String(answer.body)
  }

  const label = (body: Record<string, unknown>, field = 'marking') => (body[field] as MarkingView).label

  it('marks the list with the participations shown in it, as each reader sees them', async () => {
    const expected = { staff: staffBanner, jpn: japanBanner, public: 'PUBLIC' }
    const countries = { staff: ['JPN', 'KOR', 'NZL'], jpn: ['JPN', 'KOR'], public: ['JPN'] }
    for (const user of ['staff', 'jpn', 'public'] as const) {
      const list = await json(user, `/api/v1/engagements?${month}`)
      expect(label(list), user).toBe(expected[user])
      expect((list.items as { countries: string[] }[]).map((item) => item.countries)).toEqual([
        countries[user],
      ])
    }
  })

  it('marks the engagement page with its participations', async () => {
    expect(label(await json('staff', `/api/v1/engagements/${id}`), 'pageMarking')).toBe(staffBanner)
    expect(label(await json('jpn', `/api/v1/engagements/${id}`), 'pageMarking')).toBe(japanBanner)
    const publicPage = await json('public', `/api/v1/engagements/${id}`)
    expect(label(publicPage, 'pageMarking')).toBe('PUBLIC')
    expect((publicPage.participants as { country: string }[]).map((p) => p.country)).toEqual(['JPN'])
  })

  it('marks the analytics of a partner, and its CSV, with the participation that puts it in scope', async () => {
    expect(label(await json('staff', '/api/v1/analytics/engagements?partner=NZL'))).toBe(staffBanner)
    expect(label(await json('jpn', '/api/v1/analytics/engagements?partner=KOR'))).toBe(japanBanner)
    // Japan does not see New Zealand's participation: the engagement is not New Zealand's for it.
    const japanNzl = await json('jpn', '/api/v1/analytics/engagements?partner=NZL')
    expect(label(japanNzl)).toBe('PUBLIC')
    expect((japanNzl.years as { year: number }[]).some((year) => year.year === 2031)).toBe(false)
    expect(label(await json('public', '/api/v1/analytics/engagements?partner=KOR'))).toBe('PUBLIC')
    const csv = await send(server, 'GET', '/api/v1/analytics/engagements/levels.csv?partner=NZL', {
      cookie: cookies.staff ?? '',
    })
    const rows = String(csv.body).trim().split('\r\n').slice(1)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.endsWith(`,${staffBanner}`), row).toBe(true)
    }
  })

  it('marks a feed event and the feed with the participations shown in it', async () => {
    const unfold = (ics: string) => ics.replaceAll('\r\n ', '').split('\r\n')
    const event = (lines: string[]) => {
      const start = lines.findIndex((line) => line.startsWith(`UID:${id}@`))
      expect(start).toBeGreaterThan(0)
      return lines.slice(start, lines.indexOf('END:VEVENT', start))
    }
    const staffFeed = unfold(await text(`/api/v1/calendar/${tokens.staff}/partners/NZL.ics`))
    expect(staffFeed).toContain(`X-LIAISON-MARKING:${staffBanner}`)
    expect(event(staffFeed).find((line) => line.startsWith('DESCRIPTION:'))).toMatch(
      /^DESCRIPTION:CONFIDENTIAL/,
    )
    expect(event(staffFeed)).toContain('CLASS:CONFIDENTIAL')

    const japanFeed = unfold(await text(`/api/v1/calendar/${tokens.jpn}/partners/KOR.ics`))
    expect(japanFeed).toContain(`X-LIAISON-MARKING:${japanBanner}`)
    expect(event(japanFeed).find((line) => line.startsWith('DESCRIPTION:'))).toMatch(
      /^DESCRIPTION:RESTRICTED/,
    )
    // Japan's own feed shows the event without New Zealand, so without its marking.
    const japanOwn = unfold(await text(`/api/v1/calendar/${tokens.jpn}/partners/JPN.ics`))
    expect(event(japanOwn).join('\n')).not.toContain('NZL')
    expect(event(japanOwn).find((line) => line.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:RESTRICTED/)
  })

  it('marks the partner list with the relationship events it counts', async () => {
    const before = await json('public', '/api/v1/partners?q=new%20zealand')
    await server.db.kysely
      .insertInto('relationship_event')
      .values({
        id: 'banner-restricted-event',
        partner_code: 'NZL',
        kind: 'meeting',
        title: 'Restricted meeting',
        event_date: '2025-05-05',
        event_precision: 'day',
        description: '',
        source: null,
        confidence: 'high',
        illustrative: 0,
        version: 1,
        ...markingToColumns({ classification: 'RESTRICTED', releasableTo: [] }),
      })
      .execute()
    const staff = await json('staff', '/api/v1/partners?q=new%20zealand')
    expect(label(staff)).toBe('RESTRICTED — ALLIANCE ONLY')
    expect(label(await json('staff', '/api/v1/partners/NZL'))).toBe('RESTRICTED — ALLIANCE ONLY')
    // The public neither counts the event nor has its banner raised by it.
    expect(await json('public', '/api/v1/partners?q=new%20zealand')).toEqual(before)
    expect(label(before)).toBe('PUBLIC')
  })
})
