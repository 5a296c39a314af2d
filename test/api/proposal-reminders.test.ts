import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { ReminderList } from '../../src/contract/reminder.ts'
import { parseReminderOffsets } from '../../src/domain/reminders.ts'
import type { RemindersConfig } from '../../src/server/proposals/reminders/config.ts'
import { remindersTick } from '../../src/server/proposals/reminders/tick.ts'
import { openDatabase } from '../../src/store/connect.ts'
import type { Db } from '../../src/store/database.ts'
import { appendPosition } from '../../src/store/proposal-store.ts'
import { engines } from '../support/databases.ts'
import { fixedNow, getJson, startTestServer, type TestServer } from '../support/server.ts'

const secret = 'test-webhook-secret'

interface Received {
  readonly body: string
  readonly signature: string
  readonly contentType: string
  readonly status: number
}

/** A real receiver: records every POST; answers 500 to the first reminder for FRA on `failOnce`'s proposal. */
function startReceiver(): Promise<{
  server: Server
  url: string
  received: Received[]
  failOnce: { proposal: string }
}> {
  const received: Received[] = []
  const failOnce = { proposal: '', failed: false }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const parsed = JSON.parse(body) as { proposal: { id: string }; member: string }
      const fail = !failOnce.failed && parsed.proposal.id === failOnce.proposal && parsed.member === 'FRA'
      if (fail) failOnce.failed = true
      const status = fail ? 500 : 204
      received.push({
        body,
        signature: String(request.headers['x-liaison-signature'] ?? ''),
        contentType: String(request.headers['content-type'] ?? ''),
        status,
      })
      response.statusCode = status
      response.end()
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      resolve({ server, url: `http://127.0.0.1:${port}/hooks`, received, failOnce })
    })
  })
}

describe.each(engines)('reminders before a silence deadline (%s)', (engine) => {
  let server: TestServer
  let second: Db
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let config: RemindersConfig
  let proposalId = ''
  let version = 0
  const deadline = new Date(fixedNow.getTime() + 30 * 60_000)

  async function call(method: string, path: string, user: string, body?: unknown, version?: number) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: await server.signIn(user),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return ProposalDetail.parse(await response.json())
  }

  const ours = () =>
    receiver.received.filter(
      (r) => (JSON.parse(r.body) as { proposal: { id: string } }).proposal.id === proposalId,
    )

  beforeAll(async () => {
    server = await startTestServer(engine, { now: fixedNow })
    // A second instance: its own connection to the same database.
    second = await openDatabase(server.db.location)
    receiver = await startReceiver()
    config = {
      offsets: parseReminderOffsets('1h'),
      webhook: { url: receiver.url, secret },
      backoff: { baseMs: 1_000, capMs: 4_000, maxAttempts: 3 },
      timeoutMs: 2_000,
    }
    const draft = await call('POST', '/api/v1/proposals', 'staff', {
      title: 'Reminder test statement',
      kind: 'statement',
      procedure: 'silence',
      deadline: deadline.toISOString(),
      marking: { classification: 'PUBLIC', releasableTo: [] },
    })
    const opened = await call('POST', `/api/v1/proposals/${draft.id}/open`, 'staff', undefined, draft.version)
    proposalId = opened.id
    version = opened.version
    receiver.failOnce.proposal = proposalId
    // Germany concurs. Under silence the API takes no positions (members break silence instead), so
    // the row is written as the store writes one: the tick must read current positions whatever wrote them.
    await appendPosition(server.db.kysely, proposalId, {
      event: 'position',
      member: 'DEU',
      position: 'concur',
      note: null,
      recordedBy: 'deu',
      onBehalf: false,
      at: fixedNow.toISOString(),
    })
  }, 60_000)

  afterAll(async () => {
    await second.close()
    await new Promise((resolve) => receiver.server.close(resolve))
    await server.close()
  })

  it('creates each reminder once and sends one signed webhook per reminder, even with two instances ticking together', async () => {
    const [a, b] = await Promise.all([
      remindersTick(server.db, fixedNow, config),
      remindersTick(second, fixedNow, config),
    ])
    // Each row was created by exactly one of the two, and each webhook sent (or tried) by one.
    const rows = await server.db.kysely
      .selectFrom('proposal_reminder')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .execute()
    expect(rows.length).toBe(31)
    expect(rows.map((row) => row.member_code)).not.toContain('DEU')
    expect(rows.every((row) => row.offset_label === '1h')).toBe(true)
    expect(rows.every((row) => row.due_at === new Date(deadline.getTime() - 3_600_000).toISOString())).toBe(
      true,
    )
    const allRows = await server.db.kysely.selectFrom('proposal_reminder').select('id').execute()
    expect(a.created + b.created).toBe(allRows.length)
    expect(a.sent + b.sent + a.retried + b.retried).toBe(receiver.received.length)

    const members = ours().map((r) => (JSON.parse(r.body) as { member: string }).member)
    expect(members.length).toBe(31)
    expect(new Set(members).size).toBe(31)
    expect(ours().filter((r) => r.status === 500).length).toBe(1)
  })

  it('signs each body with HMAC-SHA256 of the secret, which the receiver can verify', () => {
    expect(receiver.received.length).toBeGreaterThan(0)
    for (const r of receiver.received) {
      const expected = `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`
      expect(r.signature).toBe(expected)
      expect(r.contentType).toBe('application/json')
    }
    const fra = ours().find((r) => (JSON.parse(r.body) as { member: string }).member === 'FRA')
    expect(JSON.parse(fra?.body ?? '{}')).toEqual({
      type: 'proposal.reminder',
      proposal: { id: proposalId, title: 'Reminder test statement', deadline: deadline.toISOString() },
      member: 'FRA',
      dueAt: new Date(deadline.getTime() - 3_600_000).toISOString(),
      text: {
        en: expect.stringContaining('Reminder: FRA has no position yet on “Reminder test statement”.'),
        fr: expect.stringContaining(
          'Rappel : FRA n’a pas encore pris position sur « Reminder test statement ».',
        ),
      },
    })
    // A tampered body does not match its signature.
    const tampered = createHmac('sha256', secret).update(`${fra?.body} `).digest('hex')
    expect(fra?.signature).not.toBe(`sha256=${tampered}`)
  })

  it('retries the failed webhook after its backoff, not before, and then marks it sent', async () => {
    const fraState = () =>
      server.db.kysely
        .selectFrom('proposal_reminder')
        .select(['webhook_state', 'attempts'])
        .where('proposal_id', '=', proposalId)
        .where('member_code', '=', 'FRA')
        .executeTakeFirstOrThrow()
    expect(await fraState()).toEqual({ webhook_state: 'pending', attempts: 1 })
    await remindersTick(second, new Date(fixedNow.getTime() + 500), config)
    expect(ours().length).toBe(31)
    await Promise.all([
      remindersTick(server.db, new Date(fixedNow.getTime() + 1_000), config),
      remindersTick(second, new Date(fixedNow.getTime() + 1_000), config),
    ])
    expect(ours().length).toBe(32)
    expect(ours().at(-1)?.status).toBe(204)
    const state = await fraState()
    expect({ ...state, attempts: Number(state.attempts) }).toEqual({ webhook_state: 'sent', attempts: 2 })
    // Every reminder of the proposal is sent, and a later tick sends nothing again.
    await remindersTick(server.db, new Date(fixedNow.getTime() + 60_000), config)
    expect(ours().length).toBe(32)
    const states = await server.db.kysely
      .selectFrom('proposal_reminder')
      .select('webhook_state')
      .where('proposal_id', '=', proposalId)
      .execute()
    expect(new Set(states.map((row) => row.webhook_state))).toEqual(new Set(['sent']))
  })

  it("lists the reminder in the app for France's delegation and for staff, not for Germany's concurrence nor a partner", async () => {
    const forFra = ReminderList.parse(
      (await getJson(server, '/api/v1/reminders', await server.signIn('fra'))).body,
    )
    expect(forFra.items.find((item) => item.proposal === proposalId)).toEqual({
      proposal: proposalId,
      title: 'Reminder test statement',
      deadline: deadline.toISOString(),
      dueAt: new Date(deadline.getTime() - 3_600_000).toISOString(),
    })
    const forStaff = ReminderList.parse(
      (await getJson(server, '/api/v1/reminders', await server.signIn('staff'))).body,
    )
    const reminded = forStaff.items.filter((item) => item.proposal === proposalId).map((item) => item.member)
    expect(reminded).toContain('FRA')
    expect(reminded).not.toContain('DEU')
    expect(reminded.length).toBe(31)
    for (const user of ['jpn', 'kor']) {
      const answer = await getJson(server, '/api/v1/reminders', await server.signIn(user))
      expect(answer).toMatchObject({ status: 200, body: { items: [] } })
    }
    expect(await getJson(server, '/api/v1/reminders')).toMatchObject({ status: 200, body: { items: [] } })
  })

  it('drops the in-app reminder once the member breaks silence, and makes no new one', async () => {
    await call('POST', `/api/v1/proposals/${proposalId}/break-silence`, 'fra', {}, version)
    const forFra = ReminderList.parse(
      (await getJson(server, '/api/v1/reminders', await server.signIn('fra'))).body,
    )
    expect(forFra.items.map((item) => item.proposal)).not.toContain(proposalId)
    const before = receiver.received.length
    const result = await remindersTick(server.db, new Date(fixedNow.getTime() + 120_000), config)
    expect(result.created).toBe(0)
    expect(receiver.received.length).toBe(before)
  })
})
