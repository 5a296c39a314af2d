import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CalendarFeedCreated, CalendarFeedStatus } from '../../src/contract/engagement-calendar.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { newEngagement, send } from './engagements-support.ts'

/**
 * Parses iCalendar text with python3-icalendar (Debian's package, an independent implementation)
 * and returns each event's uid, summary, start and end as the parser understood them.
 */
const parser = `
import json, sys
from icalendar import Calendar
calendar = Calendar.from_ical(sys.stdin.buffer.read())
zones = [str(c.get('TZID')) for c in calendar.walk('VTIMEZONE')]
events = []
for event in calendar.walk('VEVENT'):
    def when(name):
        prop = event.get(name)
        value = prop.dt
        return {
            'tzid': prop.params.get('TZID'),
            'value': value.isoformat(),
            'utc': value.astimezone(__import__('datetime').timezone.utc).isoformat() if hasattr(value, 'hour') else None,
        }
    events.append({'uid': str(event.get('UID')), 'summary': str(event.get('SUMMARY')),
                   'start': when('DTSTART'), 'end': when('DTEND'), 'location': str(event.get('LOCATION'))})
# The offset each VTIMEZONE gives at each timed event's local start: the latest observance that
# began before it. Compared with the tz database's own answer (pytz), this checks our VTIMEZONEs.
observances = {}
for tz in calendar.walk('VTIMEZONE'):
    rules = []
    for sub in tz.subcomponents:
        rules.append((sub.get('DTSTART').dt.replace(tzinfo=None), sub.get('TZOFFSETTO').td))
    observances[str(tz.get('TZID'))] = sorted(rules)
mismatches = []
for event in calendar.walk('VEVENT'):
    prop = event.get('DTSTART')
    tzid = prop.params.get('TZID')
    if tzid is None:
        continue
    local = prop.dt.replace(tzinfo=None)
    ours = [offset for start, offset in observances[tzid] if start <= local][-1]
    if ours != prop.dt.utcoffset():
        mismatches.append([str(event.get('UID')), str(ours), str(prop.dt.utcoffset())])
print(json.dumps({'zones': zones, 'events': events, 'mismatches': mismatches}))
`

interface ParsedTime {
  tzid: string | null
  value: string
  utc: string | null
}
interface Parsed {
  zones: string[]
  mismatches: string[][]
  events: { uid: string; summary: string; start: ParsedTime; end: ParsedTime; location: string }[]
}

function parseIcs(text: string): Parsed {
  // Debian's python3 (not a pyenv one), where python3-icalendar is installed.
  const output = execFileSync('/usr/bin/python3', ['-c', parser], { input: text, encoding: 'utf8' })
  return JSON.parse(output)
}

describe.each(engines)('calendar feeds on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  async function feedToken(user: string): Promise<string> {
    const created = await send(server, 'POST', '/api/v1/calendar-feed', { cookie: await server.signIn(user) })
    expect(created.status).toBe(201)
    return CalendarFeedCreated.parse(created.body).token
  }

  it('serves a framework feed that an independent parser reads, with named zones', async () => {
    const token = await feedToken('staff')
    const response = await fetch(`${server.url}/api/v1/calendar/${token}/frameworks/ip4.ics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/calendar')
    const parsed = parseIcs(await response.text())
    expect(parsed.zones).toEqual(
      expect.arrayContaining(['Europe/Madrid', 'Europe/Brussels', 'America/New_York']),
    )
    // Each VTIMEZONE gives every timed event the same offset as the tz database.
    expect(parsed.mismatches).toEqual([])
    const madrid = parsed.events.find((event) => event.uid.startsWith('sideline-2022-madrid-ip4@'))
    expect(madrid?.start).toEqual({
      tzid: 'Europe/Madrid',
      value: '2022-06-29T13:00:00+02:00',
      utc: '2022-06-29T11:00:00+00:00',
    })
    const washington = parsed.events.find((event) => event.uid.startsWith('session-2024-washington-ip4@'))
    expect(washington?.start.tzid).toBe('America/New_York')
    expect(washington?.start.utc).toBe('2024-07-11T14:00:00+00:00')
    const summit = parsed.events.find((event) => event.uid.startsWith('summit-2022-madrid@'))
    expect(summit?.start).toMatchObject({ tzid: null, value: '2022-06-28', utc: null })
    expect(summit?.end.value).toBe('2022-07-01')
    expect(parsed.events.map((event) => event.uid)).toContain('staff-talks-2022-11-jpn-itpp@liaison.calendar')
  })

  it('hides from a partner what that partner may not see', async () => {
    const token = await feedToken('jpn')
    const japan = parseIcs(
      await (await fetch(`${server.url}/api/v1/calendar/${token}/partners/JPN.ics`)).text(),
    )
    const uids = japan.events.map((event) => event.uid.split('@')[0])
    expect(uids).toContain('summit-2022-madrid')
    expect(uids).not.toContain('staff-talks-2022-11-jpn-itpp')
    const ip4 = parseIcs(
      await (await fetch(`${server.url}/api/v1/calendar/${token}/frameworks/ip4.ics`)).text(),
    )
    const ip4Uids = ip4.events.map((event) => event.uid.split('@')[0])
    expect(ip4Uids).not.toContain('staff-talks-2024-03-aus')
    expect(ip4Uids).not.toContain('staff-talks-2022-11-jpn-itpp')
    expect(ip4Uids).toContain('sideline-2024-10-ip4-only')
  })

  it('stops serving a rotated or revoked URL, and keeps only a hash of the token', async () => {
    const kor = await server.signIn('kor')
    const old = await feedToken('kor')
    const fresh = await feedToken('kor')
    expect((await fetch(`${server.url}/api/v1/calendar/${old}/partners/KOR.ics`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/v1/calendar/${fresh}/partners/KOR.ics`)).status).toBe(200)
    const stored = await server.db.kysely
      .selectFrom('engagement_calendar_feed')
      .select('token_hash')
      .execute()
    expect(stored.map((row) => row.token_hash)).not.toContain(fresh)
    const status = CalendarFeedStatus.parse(
      (await send(server, 'GET', '/api/v1/calendar-feed', { cookie: kor })).body,
    )
    expect(status.active).toBe(true)
    expect((await send(server, 'DELETE', '/api/v1/calendar-feed', { cookie: kor })).status).toBe(204)
    expect((await fetch(`${server.url}/api/v1/calendar/${fresh}/partners/KOR.ics`)).status).toBe(404)
  })

  it('never writes a line break or control character raw, and folds at 75 octets', async () => {
    const staff = await server.signIn('staff')
    const title = 'x\rATTENDEE:mailto:evil@example.com'
    const long = `${'東京 서울 Łódź '.repeat(12)}end`
    const created = await send(server, 'POST', '/api/v1/engagements', {
      cookie: staff,
      body: newEngagement({
        title,
        place: `Brussels\nATTENDEE:mailto:evil@example.com\u0007${long}`,
        summary: 'one\r\ntwo\u2028three',
        participants: [{ country: 'NZL' }],
        marking: { classification: 'UNCLASSIFIED', releasableTo: ['NZL'] },
      }),
    })
    expect(created.status).toBe(201)
    const id = (created.body as { id: string }).id
    const token = await feedToken('staff')
    const ics = await (await fetch(`${server.url}/api/v1/calendar/${token}/partners/NZL.ics`)).text()
    // Every physical line ends in CRLF, holds no other CR or LF, and is at most 75 octets.
    const lines = ics.split('\r\n')
    expect(lines.pop()).toBe('')
    for (const line of lines) {
      expect([...line].filter((char) => char < ' ' && char !== '\t')).toEqual([])
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    }
    const read = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          `
import json, sys
from icalendar import Calendar
calendar = Calendar.from_ical(sys.stdin.buffer.read())
print(json.dumps([{'uid': str(e.get('UID')), 'summary': str(e.get('SUMMARY')), 'location': str(e.get('LOCATION')),
  'description': str(e.get('DESCRIPTION')), 'attendees': [str(c.get('ATTENDEE')) for c in calendar.walk() if c.get('ATTENDEE')]}
  for e in calendar.walk('VEVENT')]))
`,
        ],
        { input: ics, encoding: 'utf8' },
      ),
    ) as { uid: string; summary: string; location: string; description: string; attendees: string[] }[]
    const event = read.find((e) => e.uid.startsWith(`${id}@`))
    expect(read.every((e) => e.attendees.length === 0)).toBe(true)
    expect(event?.summary).toBe('x\nATTENDEE:mailto:evil@example.com')
    expect(event?.location).toBe(`Brussels\nATTENDEE:mailto:evil@example.com${long}`)
    expect(event?.description).toContain('one\ntwo\nthree')
  })

  it('serves a cached feed only while nothing changed, and never to a principal who sees less', async () => {
    const staff = await server.signIn('staff')
    const staffToken = await feedToken('staff')
    const korToken = await feedToken('kor')
    const feedOf = async (token: string) =>
      parseIcs(await (await fetch(`${server.url}/api/v1/calendar/${token}/partners/KOR.ics`)).text()).events
    const create = async (title: string, marking: Record<string, unknown>) => {
      const created = await send(server, 'POST', '/api/v1/engagements', {
        cookie: staff,
        body: newEngagement({ title, participants: [{ country: 'KOR' }], marking }),
      })
      expect(created.status).toBe(201)
      return (created.body as { id: string }).id
    }
    const summaryOf = (events: Parsed['events'], id: string) =>
      events.find((event) => event.uid.startsWith(`${id}@`))?.summary
    // Warm the cache for both principals, then change the data.
    await feedOf(staffToken)
    await feedOf(korToken)
    const shared = await create('Talks with Korea', { classification: 'UNCLASSIFIED', releasableTo: ['KOR'] })
    const internal = await create('Alliance-only talks on Korea', {
      classification: 'RESTRICTED',
      releasableTo: [],
    })
    expect(summaryOf(await feedOf(staffToken), internal)).toBe('Alliance-only talks on Korea')
    const korFeed = await feedOf(korToken)
    expect(summaryOf(korFeed, shared)).toBe('Talks with Korea')
    expect(summaryOf(korFeed, internal)).toBeUndefined()
    // A change of title shows at once, cached or not.
    const patched = await send(server, 'PATCH', `/api/v1/engagements/${shared}`, {
      cookie: staff,
      ifMatch: '"1"',
      body: { title: 'Talks with Korea (renamed)' },
    })
    expect(patched.status).toBe(200)
    expect(summaryOf(await feedOf(korToken), shared)).toBe('Talks with Korea (renamed)')
    expect(summaryOf(await feedOf(staffToken), shared)).toBe('Talks with Korea (renamed)')
    // A calendar program that holds the current feed gets 304; after a change, the new feed.
    const url = `${server.url}/api/v1/calendar/${korToken}/partners/KOR.ics`
    const etag = (await fetch(url)).headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+"$/)
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304)
    // A deleted engagement leaves every feed.
    expect(
      (await send(server, 'DELETE', `/api/v1/engagements/${shared}`, { cookie: staff, ifMatch: '"2"' }))
        .status,
    ).toBe(204)
    expect(summaryOf(await feedOf(korToken), shared)).toBeUndefined()
    expect(summaryOf(await feedOf(staffToken), shared)).toBeUndefined()
    const changed = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('needs a signed-in user to make a feed URL, and answers 400 to a malformed file name', async () => {
    expect((await send(server, 'POST', '/api/v1/calendar-feed')).status).toBe(401)
    const token = await feedToken('staff')
    expect((await fetch(`${server.url}/api/v1/calendar/${token}/partners/JAPAN.ics`)).status).toBe(400)
    expect((await fetch(`${server.url}/api/v1/calendar/${token}/frameworks/nothing.ics`)).status).toBe(404)
  })
})
