import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

/**
 * The demo data keeps what the reference article says, at the precision it is known: the early
 * Council meetings with the four Indo-Pacific partners as a group (a year, and their subject), the
 * later rise in frequency, and meetings known only to the month. Read through the API, as a visitor
 * would, so the loader and the timeline's precision are checked too.
 */

interface TimelineEvent {
  id: string
  date: string
  precision: string
  title: string
  description: string
  source: string | null
  illustrative: boolean
}

const four = ['AUS', 'JPN', 'NZL', 'KOR'] as const

describe.each(engines)('demo data on %s', (engine) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(async () => server?.close())

  const timeline = async (code: string): Promise<TimelineEvent[]> => {
    const { status, body } = await getJson(server, `/api/v1/partners/${code}`)
    expect(status).toBe(200)
    return (body as { timeline: TimelineEvent[] }).timeline
  }

  it.each(four)('%s: the 2016 group meetings, a year only, on North Korea, with a source', async (code) => {
    const events = await timeline(code)
    const first = events.find((event) => event.id === `${code.toLowerCase()}-ip4-group-meetings-2016`)
    expect(first).toMatchObject({ date: '2016', precision: 'year', illustrative: false })
    expect(first?.description).toMatch(/North Korea/)
    expect(first?.source).toMatch(/^https:\/\/www\.nato\.int\//)
    const later = events.find((event) => event.id === `${code.toLowerCase()}-ip4-group-meetings-2019`)
    expect(later).toMatchObject({ date: '2019', precision: 'year' })
    const chiefs = events.find((event) => event.id === `${code.toLowerCase()}-chods-2025-01`)
    expect(chiefs).toMatchObject({ date: '2025-01', precision: 'month' })
  })

  it('keeps each dialogue start at the precision the sources give', async () => {
    const starts = await Promise.all(
      four.map(async (code) => {
        const { body } = await getJson(server, `/api/v1/partners/${code}`)
        return [code, (body as { dialogueSince: { date: string; precision: string } }).dialogueSince] as const
      }),
    )
    expect(Object.fromEntries(starts)).toEqual({
      AUS: expect.objectContaining({ date: '2005', precision: 'year' }),
      JPN: expect.objectContaining({ date: '199X', precision: 'decade' }),
      NZL: expect.objectContaining({ date: '2001', precision: 'year' }),
      KOR: expect.objectContaining({ date: '2005', precision: 'year' }),
    })
    const nzl = await timeline('NZL')
    expect(nzl.find((event) => event.id === 'nzl-goff-robertson-2001-09')).toMatchObject({
      date: '2001-09',
      precision: 'month',
    })
  })

  it('shows invented records as illustrative and every real one with a confidence and, mostly, a source', async () => {
    for (const code of four) {
      const events = await timeline(code)
      const real = events.filter((event) => !event.illustrative)
      expect(real.length).toBeGreaterThan(5)
      // Only the trend of 2019 comes from the article alone, without a reference source.
      expect(real.filter((event) => event.source === null).map((event) => event.id)).toEqual([
        `${code.toLowerCase()}-ip4-group-meetings-2019`,
      ])
    }
  })
})
