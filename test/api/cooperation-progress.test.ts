import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CooperationEventDetail,
  CooperationItemDetail,
  CooperationRequestDetail,
} from '../../src/contract/cooperation.ts'
import { ProgressReport } from '../../src/contract/programme-view.ts'
import { dayInZone } from '../../src/domain/calendar-day.ts'
import { engines } from '../support/databases.ts'
import { fixedNow, startTestServer, type TestServer } from '../support/server.ts'

const day = 86_400_000
const dayAt = (offset: number) => dayInZone(new Date(fixedNow.getTime() + offset * day), 'Asia/Seoul')
const none = { requested: 0, approved: 0, reported: 0 }
type Tally = typeof none
/** The demo data holds requests of its own: each step is checked as a change from what was there. */
const plus = (base: Tally, change: Partial<Tally>): Tally => ({
  requested: base.requested + (change.requested ?? 0),
  approved: base.approved + (change.approved ?? 0),
  reported: base.reported + (change.reported ?? 0),
})

/**
 * A partner's menu activities feed its programme's progress (issue 13): the progress answer counts
 * the requests under the goals they serve, by stage and priority area, filtered like every read:
 * a partner counts only its own, and another partner's requests raise neither a count nor the banner.
 */
describe.each(engines)('menu activities in a programme’s progress on %s', (engine) => {
  let server: TestServer
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer(engine, { now: fixedNow })
    for (const user of ['staff', 'fra', 'jpn', 'kor']) cookies[user] = await server.signIn(user)
  }, 60_000)
  afterAll(() => server.close())

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
    expect(response.status, text).toBeLessThan(300)
    return JSON.parse(text) as unknown
  }

  const progress = async (programme: string, user: string) =>
    ProgressReport.parse(await send('GET', `/api/v1/programmes/${programme}/progress`, user))

  async function requestFor(eventId: string, user: string, goalIds: string[]) {
    return CooperationRequestDetail.parse(
      await send('POST', '/api/v1/cooperation/requests', user, { eventId, goalIds }),
    )
  }

  it('counts the partner’s own requests by stage; another partner sees none of them', async () => {
    const marking = { classification: 'RESTRICTED', releasableTo: ['KOR', 'JPN'] }
    const item = CooperationItemDetail.parse(
      await send('POST', '/api/v1/cooperation/items', 'staff', {
        code: 'PRG-CYB-1',
        title: 'Cyber range exercise (progress test)',
        provider: { kind: 'member', code: 'FRA' },
        format: 'exercise',
        priorityAreas: ['cyber-defence'],
        languages: ['en'],
        eligibility: { partners: ['KOR', 'JPN'], frameworks: [] },
        marking,
      }),
    )
    const event = CooperationEventDetail.parse(
      await send('POST', '/api/v1/cooperation/events', 'staff', {
        itemId: item.id,
        startsOn: dayAt(30),
        endsOn: dayAt(32),
        place: 'Seoul',
        timeZone: 'Asia/Seoul',
        capacity: 10,
        applicationDeadline: dayAt(20),
        marking,
      }),
    )
    const japanBefore = await progress('kor-itpp-2023', 'jpn')
    expect(japanBefore.menuActivities).toEqual({ overall: none, byArea: [] })
    const koreaBefore = (await progress('kor-itpp-2023', 'kor')).menuActivities
    const cyberBefore = koreaBefore.byArea.find((area) => area.area === 'cyber-defence') ?? {
      area: 'cyber-defence',
      ...none,
    }
    const japanOwnBefore = (await progress('jpn-itpp-2023', 'jpn')).menuActivities.overall
    const koreaOnJapanBefore = (await progress('jpn-itpp-2023', 'kor')).menuActivities.overall
    const staffOnJapanBefore = (await progress('jpn-itpp-2023', 'staff')).menuActivities.overall
    const staffOnKoreaBefore = (await progress('kor-itpp-2023', 'staff')).menuActivities.overall

    // Korea asks for one goal (cyber defence).
    const first = await requestFor(event.id, 'kor', ['kor-g3'])
    const korea = await progress('kor-itpp-2023', 'kor')
    expect(korea.menuActivities.overall).toEqual(plus(koreaBefore.overall, { requested: 1 }))
    expect(korea.menuActivities.byArea.find((area) => area.area === 'cyber-defence')).toEqual({
      ...cyberBefore,
      ...plus(cyberBefore, { requested: 1 }),
    })
    // The request is RESTRICTED: it raises Korea's banner.
    expect(korea.marking.classification).toBe('RESTRICTED')

    await send(
      'POST',
      `/api/v1/cooperation/requests/${first.id}/approve`,
      'fra',
      { message: 'Welcome' },
      first.version,
    )
    const approved = await progress('kor-itpp-2023', 'kor')
    expect(approved.menuActivities.overall).toEqual(plus(koreaBefore.overall, { approved: 1 }))

    // Japan's own request for its own goal counts on its programme, never on Korea's.
    const japanese = await requestFor(event.id, 'jpn', ['jpn-g3'])
    const japan = await progress('jpn-itpp-2023', 'jpn')
    expect(japan.menuActivities.overall).toEqual(plus(japanOwnBefore, { requested: 1 }))
    const japanOnKorea = await progress('kor-itpp-2023', 'jpn')
    expect(japanOnKorea.menuActivities).toEqual({ overall: none, byArea: [] })
    expect(japanOnKorea.marking).toEqual(japanBefore.marking)
    // Korea does not see Japan's request on Japan's programme either.
    expect((await progress('jpn-itpp-2023', 'kor')).menuActivities.overall).toEqual(koreaOnJapanBefore)

    // Staff see every request; a withdrawn one serves nothing.
    expect((await progress('jpn-itpp-2023', 'staff')).menuActivities.overall).toEqual(
      plus(staffOnJapanBefore, { requested: 1 }),
    )
    await send('POST', `/api/v1/cooperation/requests/${japanese.id}/withdraw`, 'jpn', {}, japanese.version)
    expect((await progress('jpn-itpp-2023', 'staff')).menuActivities.overall).toEqual(staffOnJapanBefore)
    expect((await progress('kor-itpp-2023', 'staff')).menuActivities.overall).toEqual(
      plus(staffOnKoreaBefore, { approved: 1 }),
    )
  }, 60_000)
})
