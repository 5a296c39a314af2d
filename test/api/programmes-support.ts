import type { TestServer } from '../support/server.ts'

export interface Sent {
  readonly status: number
  readonly type: string
  readonly etag: string | null
  readonly body: unknown
}

/** One request as a user ('' = the public), with an optional JSON body and If-Match. */
export async function send(
  server: TestServer,
  method: string,
  path: string,
  cookie: string,
  options: { body?: unknown; ifMatch?: string | number } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {}
  if (cookie !== '') headers.cookie = cookie
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.ifMatch !== undefined) {
    headers['if-match'] = typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    etag: response.headers.get('etag'),
    body: text === '' ? null : JSON.parse(text),
  }
}

/** Every id in a programme detail's tree (objectives, goals, activities, milestones). */
export function treeIds(detail: {
  objectives: Array<{
    id: string
    goals: Array<{ id: string; activities: Array<{ id: string }>; milestones: Array<{ id: string }> }>
  }>
}): string[] {
  return detail.objectives.flatMap((o) => [
    o.id,
    ...o.goals.flatMap((g) => [g.id, ...g.activities.map((a) => a.id), ...g.milestones.map((m) => m.id)]),
  ])
}
