import type { TestServer } from '../support/server.ts'

export interface Sent {
  readonly status: number
  readonly type: string
  readonly etag: string | null
  readonly body: unknown
}

/** Sends a request as a user (empty cookie = the public) with an optional JSON body and If-Match. */
export async function send(
  server: TestServer,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; ifMatch?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {}
  if (options.cookie !== undefined && options.cookie !== '') {
    headers.cookie = options.cookie
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  if (options.ifMatch !== undefined) {
    headers['if-match'] = options.ifMatch
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  })
  const text = await response.text()
  const type = response.headers.get('content-type') ?? ''
  return {
    status: response.status,
    type,
    etag: response.headers.get('etag'),
    body: text === '' ? null : type.includes('json') ? JSON.parse(text) : text,
  }
}

/** A valid new engagement; tests override what they need. */
export function newEngagement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'staff-talks',
    level: 'working-level',
    format: 'bilateral',
    title: 'Staff talks with Japan on maritime security',
    place: 'NATO Headquarters, Brussels',
    timeZone: 'Europe/Brussels',
    start: '2026-03-10T10:00',
    end: '2026-03-10T12:00',
    participants: [{ country: 'JPN', person: 'Head of delegation' }],
    priorityAreas: ['maritime-security'],
    marking: { classification: 'UNCLASSIFIED', releasableTo: ['JPN'] },
    ...overrides,
  }
}
