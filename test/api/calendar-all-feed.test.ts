import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngagementList } from '../../src/contract/engagement.ts'
import { CalendarFeedCreated } from '../../src/contract/engagement-calendar.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { send } from './engagements-support.ts'

/** The UIDs of a calendar's events, as python3-icalendar (an independent parser) reads them. */
function eventUids(text: string): string[] {
  const parser =
    'import json,sys\nfrom icalendar import Calendar\nc=Calendar.from_ical(sys.stdin.buffer.read())\nprint(json.dumps([str(e.get("UID")) for e in c.walk("VEVENT")]))'
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', parser], { input: text, encoding: 'utf8' }))
}

describe.each(engines)('the "everything I may see" calendar feed on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it.each(['staff', 'jpn'])('holds exactly the engagements %s may list, no more', async (user) => {
    const cookie = await server.signIn(user)
    const created = await send(server, 'POST', '/api/v1/calendar-feed', { cookie })
    expect(created.status).toBe(201)
    const { token, allUrl } = CalendarFeedCreated.parse(created.body)
    expect(allUrl).toBe(`/api/v1/calendar/${token}/all.ics`)
    const feed = await fetch(`${server.url}${allUrl}`)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/)
    const uids = eventUids(await feed.text())
    const listed = await send(server, 'GET', '/api/v1/engagements?limit=500', { cookie })
    const ids = EngagementList.parse(listed.body).items.map((item) => item.id)
    expect(ids.length).toBeGreaterThan(0)
    expect(uids.map((uid) => uid.split('@')[0]).sort()).toEqual([...ids].sort())
  })

  it('answers 404 for a token nobody holds', async () => {
    const response = await fetch(`${server.url}/api/v1/calendar/${'x'.repeat(32)}/all.ics`)
    expect(response.status).toBe(404)
  })
})
