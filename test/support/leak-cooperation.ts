import { dayInZone } from '../../src/domain/calendar-day.ts'
import type { Marking } from '../../src/domain/marking.ts'
import { fixedNow, type TestServer } from './server.ts'

/**
 * The leak guard's cooperation menu: a PUBLIC item and event open to every partner, one item and
 * event per hidden set, and Korea's request with a participant (RESTRICTED, Korea only) on the
 * public event, or (CONFIDENTIAL) on the confidential event. Japan must see the public event with
 * no registrations counted, no request and no participant.
 */
export async function addCooperationFixtures(
  server: TestServer,
  staff: string,
  hidden: ReadonlyArray<{ readonly label: string; readonly marker: string; readonly marking: Marking }>,
): Promise<Map<string, string>> {
  async function send(path: string, body: unknown, version?: number) {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        cookie: staff,
        'content-type': 'application/json',
        ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
      },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    if (response.status >= 300) throw new Error(`fixture POST ${path} answered ${response.status}: ${text}`)
    return JSON.parse(text) as { id: string; version: number }
  }
  const day = (offset: number) => dayInZone(new Date(fixedNow.getTime() + offset * 86_400_000), 'Asia/Seoul')
  const item = (code: string, title: string, marking: Marking) =>
    send('/api/v1/cooperation/items', {
      code,
      title,
      description: `${title} for partner teams`,
      provider: { kind: 'member', code: 'FRA' },
      format: 'course',
      priorityAreas: ['cyber-defence'],
      languages: ['en'],
      marking,
    })
  const event = (itemId: string, marking: Marking) =>
    send('/api/v1/cooperation/events', {
      itemId,
      startsOn: day(40),
      endsOn: day(42),
      place: 'Tallinn',
      timeZone: 'Europe/Tallinn',
      capacity: 1,
      applicationDeadline: day(30),
      marking,
    })
  const ids = new Map<string, string>()
  const publicMarking: Marking = { classification: 'PUBLIC', releasableTo: [] }
  const openItem = await item('LEAK-PUBLIC', 'Visible leak course', publicMarking)
  ids.set('coop-item-public', openItem.id)
  const openEvent = await event(openItem.id, publicMarking)
  ids.set('coop-event-public', openEvent.id)
  for (const set of hidden) {
    const hiddenItem = await item(`LEAK-${set.label.toUpperCase()}`, `${set.marker} course`, set.marking)
    ids.set(`coop-item-${set.label}`, hiddenItem.id)
    const hiddenEvent = await event(hiddenItem.id, set.marking)
    ids.set(`coop-event-${set.label}`, hiddenEvent.id)
    const request = await send('/api/v1/cooperation/requests', {
      eventId: set.label === 'korea' ? openEvent.id : hiddenEvent.id,
      partner: 'KOR',
      goalIds: ['kor-g1'],
      note: `${set.marker} note`,
      marking: set.marking,
    })
    ids.set(`coop-request-${set.label}`, request.id)
    await send(
      `/api/v1/cooperation/requests/${request.id}/approve`,
      { message: `${set.marker} welcome` },
      request.version,
    )
    const registration = await send(`/api/v1/cooperation/requests/${request.id}/registrations`, {
      personName: `${set.marker} participant`,
      nation: 'KOR',
    })
    ids.set(`coop-registration-${set.label}`, registration.id)
  }
  return ids
}
