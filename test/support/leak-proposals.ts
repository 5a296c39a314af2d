import type { Marking } from '../../src/domain/marking.ts'
import type { TestServer } from './server.ts'

/**
 * The leak guard's proposals: a PUBLIC one linked to the hidden engagement (when it exists), and
 * one per hidden set, each opened and blocked by an objection so that positions, blockers and
 * history are in every answer.
 */
export async function addProposalFixtures(
  server: TestServer,
  staff: string,
  hidden: ReadonlyArray<{ readonly label: string; readonly title: string; readonly marking: Marking }>,
  hiddenEngagement: string | undefined,
): Promise<Map<string, string>> {
  async function send(method: string, path: string, body?: unknown, version?: number) {
    const headers: Record<string, string> = { cookie: staff }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (version !== undefined) headers['if-match'] = `"${version}"`
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (response.status >= 300)
      throw new Error(`fixture ${method} ${path} answered ${response.status}: ${text}`)
    return JSON.parse(text) as { id: string; version: number }
  }
  const ids = new Map<string, string>()
  const all = [
    {
      label: 'proposal-public',
      title: 'Visible proposal',
      marking: { classification: 'PUBLIC', releasableTo: [] } as Marking,
      engagement: hiddenEngagement ?? null,
    },
    ...hidden.map((proposal) => ({ ...proposal, engagement: null })),
  ]
  for (const proposal of all) {
    const created = await send('POST', '/api/v1/proposals', {
      title: proposal.title,
      kind: 'other',
      procedure: 'consensus',
      partner: 'JPN',
      engagement: proposal.engagement,
      marking: proposal.marking,
    })
    const opened = await send('POST', `/api/v1/proposals/${created.id}/open`, undefined, created.version)
    await send('PUT', `/api/v1/proposals/${created.id}/positions/FRA`, { position: 'object' }, opened.version)
    ids.set(proposal.label, created.id)
  }
  return ids
}
