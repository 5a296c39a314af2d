import type { Marking } from '../../src/domain/marking.ts'
import { defaultBackoff, parseReminderOffsets } from '../../src/domain/reminders.ts'
import { remindersTick } from '../../src/server/proposals/reminders/tick.ts'
import type { TestServer } from './server.ts'

/**
 * The leak guard's reminders: one open silence procedure per hidden set, due within the hour, and
 * a tick that makes every member's reminder on it (no webhook), so GET /api/v1/reminders holds
 * hidden rows that only staff and allies cleared for them may see.
 */
export async function addReminderFixtures(
  server: TestServer,
  staff: string,
  now: Date,
  hidden: ReadonlyArray<{ readonly label: string; readonly title: string; readonly marking: Marking }>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  async function send(path: string, body: unknown, version?: number) {
    const headers: Record<string, string> = { cookie: staff }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (version !== undefined) headers['if-match'] = `"${version}"`
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (response.status >= 300) throw new Error(`fixture POST ${path} answered ${response.status}: ${text}`)
    return JSON.parse(text) as { id: string; version: number }
  }
  for (const proposal of hidden) {
    const created = await send('/api/v1/proposals', {
      title: proposal.title,
      kind: 'other',
      procedure: 'silence',
      deadline: new Date(now.getTime() + 30 * 60_000).toISOString(),
      marking: proposal.marking,
    })
    await send(`/api/v1/proposals/${created.id}/open`, undefined, created.version)
    ids.set(proposal.label, created.id)
  }
  await remindersTick(server.db, now, {
    offsets: parseReminderOffsets('1h'),
    webhook: null,
    backoff: defaultBackoff,
    timeoutMs: 1_000,
  })
  return ids
}
