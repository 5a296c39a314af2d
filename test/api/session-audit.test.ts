import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditTrail } from '../../src/store/audit-verify.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

function postSession(server: TestServer, body: unknown) {
  return fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function lastEntry(server: TestServer) {
  return server.db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
}

describe.each(engines)('sessions in the audit trail on %s', (engine) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(engine)
  })
  afterAll(() => server.close())

  it('records a failed sign-in with the username typed, never the password', async () => {
    const response = await postSession(server, { username: 'fra', password: 'not the password' })
    expect(response.status).toBe(401)
    const entry = await lastEntry(server)
    expect(entry).toMatchObject({ action: 'sign-in-failed', entity: 'user', actor: null })
    expect(entry.entity_id).not.toBe('')
    expect(JSON.parse(entry.details)).toEqual({ username: 'fra' })
    expect(JSON.stringify(entry)).not.toContain('not the password')
  })

  it('records a failed sign-in for an unknown username without naming a user record', async () => {
    await postSession(server, { username: 'nobody', password: 'whatever' })
    const entry = await lastEntry(server)
    expect(entry).toMatchObject({ action: 'sign-in-failed', entity_id: '' })
    expect(JSON.parse(entry.details)).toEqual({ username: 'nobody' })
  })

  it('records sign-in and sign-out by the user, and the chain still verifies', async () => {
    const signIn = await postSession(server, { username: 'kor', password: testPassword })
    expect(signIn.status).toBe(200)
    const signedIn = await lastEntry(server)
    expect(signedIn).toMatchObject({ action: 'sign-in', actor: 'kor' })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const out = await fetch(`${server.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } })
    expect(out.status).toBe(204)
    const signedOut = await lastEntry(server)
    expect(signedOut).toMatchObject({ action: 'sign-out', actor: 'kor', entity_id: signedIn.entity_id })
    expect(Number(signedOut.seq)).toBe(Number(signedIn.seq) + 1)
    expect(await verifyAuditTrail(server.db)).toMatchObject({ ok: true })
  })

  it('records nothing for a sign-out without a session', async () => {
    const before = await lastEntry(server)
    const out = await fetch(`${server.url}/api/v1/session`, { method: 'DELETE' })
    expect(out.status).toBe(204)
    expect((await lastEntry(server)).id).toBe(before.id)
  })
})
