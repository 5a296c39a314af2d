import type { Marking } from '../../src/domain/marking.ts'
import type { TestServer } from './server.ts'

/**
 * The leak guard's liaison offices: a PUBLIC one serving Japan and, where they exist, the hidden
 * partners, decided by a hidden proposal on the servers that have one; and one office per hidden
 * set. A reader who may see none of the hidden rows must get the public office alone, serving
 * Japan, decided by nothing.
 */
export async function addOfficeFixtures(
  server: TestServer,
  staff: string,
  hidden: ReadonlyArray<{
    readonly label: string
    readonly city: string
    readonly partner: string
    readonly marking: Marking
  }>,
): Promise<Map<string, string>> {
  async function send(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    if (response.status >= 300)
      throw new Error(`fixture ${method} ${path} answered ${response.status}: ${text}`)
    return JSON.parse(text) as { id: string; version: number }
  }
  const ids = new Map<string, string>()
  const open = await send('POST', '/api/v1/liaison-offices', {
    city: 'Visible office city',
    country: 'JPN',
    timeZone: 'Asia/Tokyo',
    partners: ['JPN', ...hidden.map((set) => set.partner)],
    marking: { classification: 'PUBLIC', releasableTo: [] },
  })
  ids.set('office-public', open.id)
  for (const set of hidden) {
    const office = await send('POST', '/api/v1/liaison-offices', {
      city: set.city,
      country: 'KOR',
      timeZone: 'Asia/Seoul',
      partners: [set.partner],
      marking: set.marking,
    })
    ids.set(`office-${set.label}`, office.id)
    const deciding = await send('POST', '/api/v1/proposals', {
      title: `${set.city} decides the visible office`,
      kind: 'liaison-office',
      procedure: 'consensus',
      liaisonOffice: open.id,
      marking: set.marking,
    })
    ids.set(`office-proposal-${set.label}`, deciding.id)
  }
  return ids
}
