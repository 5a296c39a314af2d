import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CooperationEventDetail,
  CooperationEventList,
  CooperationItemDetail,
  CooperationItemList,
  CooperationRegistrationList,
  CooperationRegistrationView,
  CooperationReportView,
  CooperationRequestDetail,
  CooperationRequestList,
} from '../../src/contract/cooperation.ts'
import { dayInZone } from '../../src/domain/calendar-day.ts'
import { engines } from '../support/databases.ts'
import { fixedNow, startTestServer, type TestServer, testPassword } from '../support/server.ts'

const day = 86_400_000
/** The server's clock, moved by the test from before an event to after it. */
let now = fixedNow
const dayAt = (offset: number) => dayInZone(new Date(fixedNow.getTime() + offset * day), 'Asia/Seoul')

/** The cooperation cycle over real HTTP, on both engines (issue 13). */
describe.each(engines)('cooperation menu API on %s', (engine) => {
  let server: TestServer
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer(engine, { now: () => now })
    for (const user of ['staff', 'fra', 'jpn', 'kor']) cookies[user] = await server.signIn(user)
  }, 60_000)
  afterAll(() => server.close())

  /** Signs in again on the server's clock as it is now (a session ends after its idle time). */
  async function signInAgain(users: readonly string[]) {
    for (const user of users) {
      const response = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: testPassword }),
      })
      cookies[user] = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    }
  }

  async function send(method: string, path: string, user: string, body?: unknown, version?: number) {
    const headers: Record<string, string> = { cookie: cookies[user] ?? '' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (version !== undefined) headers['if-match'] = `"${version}"`
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    const json = response.headers.get('content-type')?.includes('json') === true && text !== ''
    return { status: response.status, text, body: json ? JSON.parse(text) : null }
  }

  async function ok<T>(
    schema: { parse(value: unknown): T },
    answer: Promise<{ status: number; body: unknown }>,
    status = 200,
  ) {
    const { status: got, body } = await answer
    expect(got, JSON.stringify(body)).toBe(status)
    return schema.parse(body)
  }

  async function newItem(code: string, extra: Record<string, unknown> = {}) {
    return ok(
      CooperationItemDetail,
      send('POST', '/api/v1/cooperation/items', 'staff', {
        code,
        title: `Cyber defence course ${code}`,
        description: 'Incident handling for national teams',
        provider: { kind: 'member', code: 'FRA' },
        format: 'course',
        priorityAreas: ['cyber-defence'],
        languages: ['en'],
        eligibility: { partners: [], frameworks: ['ip4'] },
        marking: { classification: 'UNCLASSIFIED', releasableTo: ['KOR', 'JPN', 'AUS', 'NZL'] },
        ...extra,
      }),
      201,
    )
  }

  async function newEvent(itemId: string, capacity: number) {
    return ok(
      CooperationEventDetail,
      send('POST', '/api/v1/cooperation/events', 'staff', {
        itemId,
        startsOn: dayAt(30),
        endsOn: dayAt(34),
        place: 'Seoul',
        timeZone: 'Asia/Seoul',
        capacity,
        applicationDeadline: dayAt(20),
        marking: { classification: 'UNCLASSIFIED', releasableTo: ['KOR', 'JPN', 'AUS', 'NZL'] },
      }),
      201,
    )
  }

  async function approvedRequest(eventId: string, user = 'kor', goalIds = ['kor-g1']) {
    const made = await ok(
      CooperationRequestDetail,
      send('POST', '/api/v1/cooperation/requests', user, { eventId, goalIds, note: 'For the national CERT' }),
      201,
    )
    return ok(
      CooperationRequestDetail,
      send(
        'POST',
        `/api/v1/cooperation/requests/${made.id}/approve`,
        'fra',
        { message: 'Welcome' },
        made.version,
      ),
    )
  }

  function register(requestId: string, personName: string, user = 'kor') {
    return ok(
      CooperationRegistrationView,
      send('POST', `/api/v1/cooperation/requests/${requestId}/registrations`, user, {
        personName,
        nation: 'KOR',
        role: 'participant',
      }),
      201,
    )
  }

  it('runs the cycle: request for a goal, approval, registrations, waiting list, promotion, report', async () => {
    now = fixedNow
    const item = await newItem('CYB-201')
    const event = await newEvent(item.id, 2)
    expect(event.phase).toBe('open')
    const catalogue = await ok(
      CooperationItemList,
      send('GET', '/api/v1/cooperation/items?q=cyber%20incident&eligible=true', 'kor'),
    )
    expect(catalogue.items.map((entry) => entry.code)).toContain('CYB-201')
    expect(catalogue.items.find((entry) => entry.code === 'CYB-201')?.eligibleForMe).toBe(true)

    const made = await ok(
      CooperationRequestDetail,
      send('POST', '/api/v1/cooperation/requests', 'kor', { eventId: event.id, goalIds: ['kor-g1'] }),
      201,
    )
    expect(made).toMatchObject({
      status: 'requested',
      partner: { code: 'KOR' },
      abilities: { withdraw: true, approve: false },
    })
    expect(made.goals.map((goal) => goal.id)).toEqual(['kor-g1'])
    const queue = await ok(
      CooperationRequestList,
      send('GET', '/api/v1/cooperation/requests?status=requested', 'fra'),
    )
    expect(queue.items.find((entry) => entry.id === made.id)?.abilities.approve).toBe(true)
    expect(
      (await send('POST', `/api/v1/cooperation/requests/${made.id}/approve`, 'kor', {}, made.version)).status,
    ).toBe(403)
    expect((await send('POST', `/api/v1/cooperation/requests/${made.id}/approve`, 'fra', {})).status).toBe(
      428,
    )
    const approved = await ok(
      CooperationRequestDetail,
      send(
        'POST',
        `/api/v1/cooperation/requests/${made.id}/approve`,
        'fra',
        { message: 'Joining details follow' },
        made.version,
      ),
    )
    expect(approved).toMatchObject({
      status: 'approved',
      invitation: { status: 'issued', message: 'Joining details follow' },
    })
    const again = await send(
      'POST',
      `/api/v1/cooperation/requests/${made.id}/approve`,
      'fra',
      {},
      approved.version,
    )
    expect(again.status).toBe(409)
    expect(again.body.type).toContain('invalid-state')
    expect(
      (await send('POST', `/api/v1/cooperation/requests/${made.id}/decline`, 'fra', {}, made.version)).status,
    ).toBe(409)

    const first = await register(approved.id, 'Kim Min-jun')
    const second = await register(approved.id, 'Lee Seo-yeon')
    const third = await register(approved.id, 'Park Ji-ho')
    expect([first.status, second.status, third.status]).toEqual(['registered', 'registered', 'waitlisted'])
    expect(third.waitlistPosition).toBe(1)
    const afterRegistering = await ok(
      CooperationRequestDetail,
      send('GET', `/api/v1/cooperation/requests/${made.id}`, 'kor'),
    )
    expect(afterRegistering.invitation?.status).toBe('accepted')

    const cancelled = await ok(
      CooperationRegistrationView,
      send('POST', `/api/v1/cooperation/registrations/${second.id}/cancel`, 'kor', undefined, second.version),
    )
    expect(cancelled.status).toBe('cancelled')
    const list = await ok(
      CooperationRegistrationList,
      send('GET', `/api/v1/cooperation/events/${event.id}/registrations`, 'fra'),
    )
    expect(list.items.map((entry) => [entry.personName, entry.status])).toEqual([
      ['Kim Min-jun', 'registered'],
      ['Lee Seo-yeon', 'cancelled'],
      ['Park Ji-ho', 'registered'],
    ])
    expect(
      (
        await send('POST', `/api/v1/cooperation/requests/${made.id}/report`, 'kor', {
          rating: 5,
          summary: 'Too early',
        })
      ).status,
    ).toBe(409)

    now = new Date(fixedNow.getTime() + 31 * day)
    await signInAgain(['fra', 'kor'])
    const seated = list.items[0]
    if (seated === undefined) throw new Error('no participant')
    const attended = await ok(
      CooperationRegistrationView,
      send(
        'POST',
        `/api/v1/cooperation/registrations/${seated.id}/attendance`,
        'fra',
        { attendance: 'attended' },
        seated.version,
      ),
    )
    expect(attended.attendance).toBe('attended')
    expect(
      (
        await send(
          'POST',
          `/api/v1/cooperation/registrations/${seated.id}/attendance`,
          'kor',
          { attendance: 'absent' },
          attended.version,
        )
      ).status,
    ).toBe(403)

    now = new Date(fixedNow.getTime() + 40 * day)
    await signInAgain(['kor'])
    const report = await ok(
      CooperationReportView,
      send('POST', `/api/v1/cooperation/requests/${made.id}/report`, 'kor', {
        rating: 4,
        summary: 'Two officers trained in incident handling',
        goalIds: ['kor-g1'],
      }),
      201,
    )
    expect(report.goals.map((goal) => goal.id)).toEqual(['kor-g1'])
    expect(
      (
        await send('POST', `/api/v1/cooperation/requests/${made.id}/report`, 'kor', {
          rating: 4,
          summary: 'Again',
        })
      ).status,
    ).toBe(409)
    const programme = await ok(
      CooperationRequestList,
      send('GET', '/api/v1/cooperation/requests?programme=kor-itpp-2023', 'kor'),
    )
    expect(programme.items.find((entry) => entry.id === made.id)?.report?.rating).toBe(4)
    const csv = await send('GET', `/api/v1/cooperation/events/${event.id}/participants.csv`, 'kor')
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('Park Ji-ho')
    now = fixedNow
    await signInAgain(['staff', 'fra', 'jpn', 'kor'])
  })

  it('shows Japan none of Korea’s requests or participants, nor counts or CSV rows', async () => {
    now = fixedNow
    const item = await newItem('CYB-202')
    const event = await newEvent(item.id, 5)
    const request = await approvedRequest(event.id)
    await register(request.id, 'Choi Yu-na')
    expect((await send('GET', `/api/v1/cooperation/requests/${request.id}`, 'jpn')).status).toBe(404)
    const theirs = await ok(
      CooperationRequestList,
      send('GET', `/api/v1/cooperation/requests?event=${event.id}`, 'jpn'),
    )
    expect(theirs).toMatchObject({ items: [], total: 0 })
    const seen = await ok(
      CooperationEventDetail,
      send('GET', `/api/v1/cooperation/events/${event.id}`, 'jpn'),
    )
    expect(seen).toMatchObject({ registered: 0, waitlisted: 0, ownRequest: null })
    const events = await ok(
      CooperationEventList,
      send('GET', `/api/v1/cooperation/events?item=${item.id}`, 'jpn'),
    )
    expect(events.items[0]?.registered).toBe(0)
    const people = await ok(
      CooperationRegistrationList,
      send('GET', `/api/v1/cooperation/events/${event.id}/registrations`, 'jpn'),
    )
    expect(people).toMatchObject({ items: [], total: 0 })
    const csv = await send('GET', `/api/v1/cooperation/events/${event.id}/participants.csv`, 'jpn')
    expect(csv.status).toBe(200)
    expect(csv.text).not.toContain('Choi')
    expect(csv.text.trim().split('\r\n')).toHaveLength(1)
    expect((await send('GET', `/api/v1/cooperation/requests/${request.id}/report`, 'jpn')).status).toBe(404)
    expect(
      (
        await send('POST', `/api/v1/cooperation/requests/${request.id}/registrations`, 'jpn', {
          personName: 'X',
          nation: 'JPN',
        })
      ).status,
    ).toBe(404)
    // Korea's own view and France's (the provider) count the participant.
    expect(
      (await ok(CooperationEventDetail, send('GET', `/api/v1/cooperation/events/${event.id}`, 'kor')))
        .registered,
    ).toBe(1)
    expect(
      (await ok(CooperationEventDetail, send('GET', `/api/v1/cooperation/events/${event.id}`, 'fra')))
        .registered,
    ).toBe(1)
    // Japan may not borrow Korea's goals for a request of its own.
    const borrowed = await send('POST', '/api/v1/cooperation/requests', 'jpn', {
      eventId: event.id,
      goalIds: ['kor-g1'],
    })
    expect(borrowed.status).toBe(400)
    expect(borrowed.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['#/goalIds/0'])
  })

  it('keeps items from partners that are not eligible, and refuses bad input with every problem', async () => {
    const item = await newItem('MAR-301', {
      eligibility: { partners: ['AUS'], frameworks: [] },
      priorityAreas: ['maritime-security'],
    })
    expect((await send('GET', `/api/v1/cooperation/items/${item.id}`, 'kor')).status).toBe(404)
    expect((await send('GET', `/api/v1/cooperation/items/${item.id}`, 'fra')).status).toBe(200)
    const bad = await send('POST', '/api/v1/cooperation/items', 'staff', {
      code: 'MAR-301',
      title: 'Duplicate',
      provider: { kind: 'body', code: 'nowhere' },
      format: 'course',
      priorityAreas: ['no-such-area'],
      languages: ['en'],
      eligibility: { partners: ['XYZ'], frameworks: [] },
      marking: { classification: 'PUBLIC', releasableTo: [] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '#/code',
      '#/eligibility/partners',
      '#/priorityAreas',
      '#/provider/code',
    ])
    expect((await send('POST', '/api/v1/cooperation/items', 'kor', { ...item, code: 'KOR-1' })).status).toBe(
      400,
    )
  })

  it('never seats more than the capacity under concurrent registrations', async () => {
    now = fixedNow
    const item = await newItem('CYB-203')
    const event = await newEvent(item.id, 3)
    const request = await approvedRequest(event.id)
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        send('POST', `/api/v1/cooperation/requests/${request.id}/registrations`, 'kor', {
          personName: `Officer ${index}`,
          nation: 'KOR',
        }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201))
    const seats = answers.filter((answer) => answer.body.status === 'registered')
    expect(seats).toHaveLength(3)
    const list = await ok(
      CooperationRegistrationList,
      send('GET', `/api/v1/cooperation/events/${event.id}/registrations?status=waitlisted`, 'staff'),
    )
    expect(list.items.map((entry) => entry.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    // The total rides on the page's statement; a page past the end must still count every row.
    const path = `/api/v1/cooperation/events/${event.id}/registrations`
    const paged = await ok(CooperationRegistrationList, send('GET', `${path}?limit=5&offset=10`, 'staff'))
    expect(paged.items.map((entry) => entry.waitlistPosition)).toEqual([8, 9])
    expect(paged.total).toBe(12)
    const past = await ok(CooperationRegistrationList, send('GET', `${path}?limit=5&offset=40`, 'staff'))
    expect({ rows: past.items.length, total: past.total, banner: past.marking }).toEqual({
      rows: 0,
      total: 12,
      banner: list.marking,
    })
  })
})
