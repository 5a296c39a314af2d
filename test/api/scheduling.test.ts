import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../src/contract/common.ts'
import { SeriesView, SharedHoursView, SlotSearchView } from '../../src/contract/scheduling.ts'
import { engines } from '../support/databases.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

describe.each(engines)('scheduling API on %s', (engine) => {
  let server: TestServer
  let staff: string
  let jpn: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    jpn = await server.signIn('jpn')
  })
  afterAll(() => server.close())

  async function post(path: string, body: unknown, cookie: string) {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie === '' ? {} : { cookie }) },
      body: JSON.stringify(body),
    })
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.json(),
    }
  }

  const week = {
    participants: [
      { place: 'BRU' },
      { place: 'JPN' },
      { place: 'CBR' },
      { place: 'NZL' },
      { place: 'Asia/Seoul' },
    ],
    from: '2026-03-23',
    to: '2026-03-29',
    duration: 60,
  }

  describe('POST /api/v1/scheduling/slots', () => {
    it('ranks slots for members, partners, cities and zones, with everyone’s local time', async () => {
      const { status, body } = await post('/api/v1/scheduling/slots', week, staff)
      expect(status).toBe(200)
      const view = SlotSearchView.parse(body)
      expect(view.timeZone).toBe('Europe/Brussels')
      expect(view.participants.map((p) => `${p.ref}:${p.kind}:${p.zone}`)).toEqual([
        'BRU:city:Europe/Brussels',
        'JPN:country:Asia/Tokyo',
        'CBR:city:Australia/Sydney',
        'NZL:country:Pacific/Auckland',
        'Asia/Seoul:zone:Asia/Seoul',
      ])
      expect(view.candidates).toBe(7 * 96 - 4 - 3) // a 23-hour Sunday, and the last slot ends at midnight
      expect(view.slots).toHaveLength(10)
      const [top] = view.slots
      expect(top?.start).toBe('2026-03-23T06:00:00Z')
      expect(top?.participants.map((p) => p.start.dateTime)).toEqual([
        '2026-03-23T07:00:00+01:00',
        '2026-03-23T15:00:00+09:00',
        '2026-03-23T17:00:00+11:00',
        '2026-03-23T19:00:00+13:00',
        '2026-03-23T15:00:00+09:00',
      ])
      expect(top?.inconvenience).toBe(120)
    })

    it('weighs nights as asked, and honours days off and working hours', async () => {
      const { status, body } = await post(
        '/api/v1/scheduling/slots',
        {
          participants: [
            { place: 'Europe/Brussels', label: 'HQ', daysOff: ['2026-03-23'] },
            { place: 'TYO', workingHours: { start: '10:00', end: '19:00', days: ['Mon', 'Tue'] } },
          ],
          from: '2026-03-23',
          to: '2026-03-24',
          duration: 30,
          step: 30,
          weights: { night: 10 },
          limit: 1,
        },
        staff,
      )
      expect(status).toBe(200)
      const [top] = SlotSearchView.parse(body).slots
      expect(top?.participants.map((p) => `${p.label} ${p.start.local} ${p.inconvenience}`)).toEqual([
        'HQ 2026-03-24T09:00 0',
        'TYO 2026-03-24T17:00 0',
      ])
    })

    it('needs a signed-in principal', async () => {
      const { status, type } = await post('/api/v1/scheduling/slots', week, '')
      expect(status).toBe(401)
      expect(type).toContain('application/problem+json')
    })

    it('lists every invalid field at once, and every unknown place', async () => {
      const tooMany = Array.from({ length: 31 }, () => ({ place: 'BRU' }))
      const shape = await post(
        '/api/v1/scheduling/slots',
        { ...week, from: '2026-01-01', to: '2027-01-03', duration: 2, step: 1, timeZone: 'Mars/Base' },
        staff,
      )
      expect(shape.status).toBe(400)
      const pointers = Problem.parse(shape.body).errors?.map((e) => e.pointer)
      expect(pointers?.sort()).toEqual(['#/duration', '#/step', '#/timeZone', '#/to'])
      const crowd = await post(
        '/api/v1/scheduling/slots',
        { ...week, participants: tooMany, limit: 101 },
        staff,
      )
      expect(crowd.status).toBe(400)
      expect(
        Problem.parse(crowd.body)
          .errors?.map((e) => e.pointer)
          .sort(),
      ).toEqual(['#/limit', '#/participants'])
      const places = await post(
        '/api/v1/scheduling/slots',
        { ...week, participants: [{ place: 'BRU' }, { place: 'XYZ' }, { place: 'Mars/Olympus' }] },
        staff,
      )
      expect(places.status).toBe(400)
      expect(Problem.parse(places.body).errors?.map((e) => e.pointer)).toEqual([
        '#/participants/1/place',
        '#/participants/2/place',
      ])
      const backwards = await post(
        '/api/v1/scheduling/slots',
        { ...week, from: '2026-03-29', to: '2026-03-23' },
        staff,
      )
      expect(backwards.status).toBe(400)
      expect(Problem.parse(backwards.body).detail).toContain('to must not be before from')
    })
  })

  describe('POST /api/v1/scheduling/series', () => {
    it('plans a fairer weekly series than the same time every week, and says so per participant', async () => {
      const { status, body } = await post(
        '/api/v1/scheduling/series',
        { ...week, from: '2026-01-05', to: undefined, occurrences: 8 },
        jpn,
      )
      expect(status).toBe(200)
      const view = SeriesView.parse(body)
      expect(view.occurrences).toHaveLength(8)
      expect(view.naive.occurrences).toHaveLength(8)
      expect(view.burdens.map((b) => b.label)).toEqual(['BRU', 'JPN', 'CBR', 'NZL', 'Asia/Seoul'])
      expect(view.fairWorst).toBeLessThan(view.naiveWorst)
      expect(Math.max(...view.burdens.map((b) => b.naive.inconvenience))).toBe(view.naiveWorst)
    })

    it('refuses more than 104 occurrences', async () => {
      const { status, body } = await post(
        '/api/v1/scheduling/series',
        { participants: [{ place: 'BRU' }], from: '2026-01-05', occurrences: 105, duration: 60 },
        staff,
      )
      expect(status).toBe(400)
      expect(Problem.parse(body).errors?.map((e) => e.pointer)).toContain('#/occurrences')
    })
  })

  describe('GET /api/v1/scheduling/shared-hours', () => {
    const path =
      '/api/v1/scheduling/shared-hours?hq=Europe/Brussels&with=Australia/Sydney,Pacific/Auckland,Asia/Tokyo,Asia/Seoul&year=2026'

    it('has no shared working minutes for Brussels with Wellington or Sydney in January 2026', async () => {
      const { status, body } = await getJson(server, path, staff)
      expect(status).toBe(200)
      const view = SharedHoursView.parse(body)
      expect(view.office).toBeNull()
      const january = Object.fromEntries(view.items.map((item) => [item.zone, item.months[0]]))
      expect(january['Pacific/Auckland']).toMatchObject({ month: '2026-01', minutesPerWorkingDay: 0 })
      expect(january['Australia/Sydney']).toMatchObject({ month: '2026-01', minutesPerWorkingDay: 0 })
      expect(january['Asia/Tokyo']?.minutesPerWorkingDay).toBe(60)
      expect(view.items.every((item) => item.months.length === 12)).toBe(true)
    })

    it('shows what a Tokyo office would change for Sydney', async () => {
      const { status, body } = await getJson(server, `${path}&office=Asia/Tokyo`, staff)
      expect(status).toBe(200)
      const view = SharedHoursView.parse(body)
      const sydney = view.items.find((item) => item.zone === 'Australia/Sydney')
      expect(sydney?.months[0]?.minutesPerWorkingDay).toBe(0)
      expect(sydney?.months[0]?.minutesPerWorkingDayWithOffice).toBeGreaterThan(0)
      expect(sydney?.hoursPerYearWithOffice).toBeGreaterThan(sydney?.hoursPerYear ?? 0)
      expect(view.officeWithHq?.months[0]?.minutesPerWorkingDay).toBe(60)
    })

    it('takes member and partner codes and an office, and defaults headquarters to Brussels', async () => {
      const { status, body } = await getJson(
        server,
        '/api/v1/scheduling/shared-hours?with=AUS,NZL,JPN,KOR&year=2026&office=office:tokyo',
        staff,
      )
      expect(status).toBe(200)
      const view = SharedHoursView.parse(body)
      expect(view.hq.zone).toBe('Europe/Brussels')
      expect(view.office?.kind).toBe('office')
      expect(view.items.map((item) => item.zone)).toEqual([
        'Australia/Sydney',
        'Pacific/Auckland',
        'Asia/Tokyo',
        'Asia/Seoul',
      ])
    })

    it('answers 401 signed out and 400 for a bad year or place', async () => {
      expect((await getJson(server, path)).status).toBe(401)
      const bad = await getJson(server, '/api/v1/scheduling/shared-hours?with=AUS,QQQ&year=2026', staff)
      expect(bad.status).toBe(400)
      expect(Problem.parse(bad.body).errors?.map((e) => e.pointer)).toEqual(['#/with/1'])
      expect(
        (await getJson(server, '/api/v1/scheduling/shared-hours?with=AUS&year=1492', staff)).status,
      ).toBe(400)
    })
  })
})
