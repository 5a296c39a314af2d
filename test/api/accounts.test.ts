import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserList, UserView, UserWithPassword } from '../../src/contract/account.ts'
import { Problem } from '../../src/contract/common.ts'
import { lastUpdateChanges } from '../support/audit-changes.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

interface Answer {
  status: number
  etag: string | null
  body: unknown
}

async function call(
  server: TestServer,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
  ifMatch?: string,
): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (cookie !== '') headers.cookie = cookie
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (ifMatch !== undefined) headers['if-match'] = ifMatch
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text === '' ? null : JSON.parse(text),
  }
}

async function signIn(server: TestServer, username: string, password: string) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' }
}

async function idOf(server: TestServer, username: string): Promise<string> {
  const row = await server.db.kysely
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  return row.id
}

const newPartner = {
  username: 'jpn-officer',
  displayName: 'Officer of the Mission of Japan',
  kind: 'partner',
  country: 'JPN',
  clearance: 'RESTRICTED',
  roles: ['partner-mission'],
}

describe.each(engines)('accounts API on %s', (engine) => {
  let server: TestServer
  let admin: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    admin = await server.signIn('staff')
  })
  afterAll(() => server.close())

  it('lets only administrators list accounts', async () => {
    expect((await call(server, 'GET', '/api/v1/users', '')).status).toBe(401)
    for (const username of ['jpn', 'fra']) {
      const answer = await call(server, 'GET', '/api/v1/users', await server.signIn(username))
      expect(answer.status).toBe(403)
      expect(JSON.stringify(answer.body)).not.toContain('kor')
    }
    expect((await call(server, 'POST', '/api/v1/users', await server.signIn('jpn'), newPartner)).status).toBe(
      403,
    )
  })

  it('lists accounts with filters, never a password hash', async () => {
    const all = await call(server, 'GET', '/api/v1/users', admin)
    expect(all.status).toBe(200)
    const list = UserList.parse(all.body)
    expect(list.items.map((user) => user.username)).toEqual(
      expect.arrayContaining(['fra', 'jpn', 'kor', 'staff']),
    )
    expect(list.total).toBe(list.items.length)
    expect(JSON.stringify(all.body)).not.toContain('argon2')
    expect(list.grantableRoles).toEqual(['administrator', 'delegation', 'desk-officer', 'partner-mission'])
    const japan = UserList.parse((await call(server, 'GET', '/api/v1/users?country=JPN', admin)).body)
    expect(japan.items.map((user) => user.username)).toEqual(['jpn'])
    const found = UserList.parse((await call(server, 'GET', '/api/v1/users?q=KOREA', admin)).body)
    expect(found.items.map((user) => user.username)).toEqual(['kor'])
    const page = UserList.parse((await call(server, 'GET', '/api/v1/users?limit=1&offset=1', admin)).body)
    expect(page.items).toHaveLength(1)
    expect(page.total).toBe(list.total)
    expect((await call(server, 'GET', '/api/v1/users?status=sleeping', admin)).status).toBe(400)
  })

  it('creates an account with a one-time password that signs in, once per username', async () => {
    const created = await call(server, 'POST', '/api/v1/users', admin, newPartner)
    expect(created.status).toBe(201)
    expect(created.etag).toBe('"1"')
    const { user, oneTimePassword } = UserWithPassword.parse(created.body)
    expect(user).toMatchObject({ username: 'jpn-officer', status: 'active', roles: ['partner-mission'] })
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect((await signIn(server, 'jpn-officer', oneTimePassword ?? '')).status).toBe(200)
    const again = await call(server, 'POST', '/api/v1/users', admin, newPartner)
    expect(again.status).toBe(409)
    const detail = await call(server, 'GET', `/api/v1/users/${user.id}`, admin)
    expect(detail.status).toBe(200)
    expect(detail.etag).toBe('"1"')
    expect(UserView.parse(detail.body).username).toBe('jpn-officer')
  })

  it('refuses more than the granter holds, and a malformed account, with every problem and no row', async () => {
    const answer = await call(server, 'POST', '/api/v1/users', admin, {
      ...newPartner,
      username: 'too-much',
      country: null,
      roles: ['emperor'],
      password: 'a long enough password',
    })
    expect(answer.status).toBe(400)
    const pointers = Problem.parse(answer.body).errors?.map((error) => error.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['#/country', '#/roles']))
    const tooShort = await call(server, 'POST', '/api/v1/users', admin, {
      ...newPartner,
      username: 'x2',
      password: 'short',
    })
    expect(tooShort.status).toBe(400)
    const rows = await server.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('username', 'in', ['too-much', 'x2'])
      .execute()
    expect(rows).toEqual([])
  })

  it('keeps a partner administrator to their own country, kind, clearance and roles', async () => {
    const created = await call(server, 'POST', '/api/v1/users', admin, {
      ...newPartner,
      username: 'jpn-admin',
      roles: ['partner-mission', 'administrator'],
      password: 'a long enough password',
    })
    expect(created.status).toBe(201)
    const partnerAdmin = (await signIn(server, 'jpn-admin', 'a long enough password')).cookie
    const list = UserList.parse((await call(server, 'GET', '/api/v1/users', partnerAdmin)).body)
    expect(list.items.every((user) => user.country === 'JPN' && user.kind === 'partner')).toBe(true)
    expect(list.total).toBe(list.items.length)
    expect(list.grantableClearances).toEqual(['PUBLIC', 'UNCLASSIFIED', 'RESTRICTED'])
    expect(
      (await call(server, 'GET', `/api/v1/users/${await idOf(server, 'kor')}`, partnerAdmin)).status,
    ).toBe(404)
    expect(
      (await call(server, 'POST', `/api/v1/users/${await idOf(server, 'kor')}/disable`, partnerAdmin)).status,
    ).toBe(404)
    const refused = await call(server, 'POST', '/api/v1/users', partnerAdmin, {
      ...newPartner,
      username: 'kor-mole',
      country: 'KOR',
      clearance: 'CONFIDENTIAL',
      roles: ['desk-officer'],
    })
    expect(refused.status).toBe(400)
    expect(
      Problem.parse(refused.body)
        .errors?.map((error) => error.pointer)
        .sort(),
    ).toEqual(['#/clearance', '#/country', '#/roles'])
  })

  it('edits under If-Match: 428 without, 409 when stale, 400 beyond the grant, then 200 with a new ETag', async () => {
    const id = await idOf(server, 'kor')
    const path = `/api/v1/users/${id}`
    expect((await call(server, 'PATCH', path, admin, { displayName: 'Renamed' })).status).toBe(428)
    const beyond = await call(server, 'PATCH', path, admin, { roles: ['nobody-role'] }, '"1"')
    expect(beyond.status).toBe(400)
    const saved = await call(
      server,
      'PATCH',
      path,
      admin,
      { displayName: 'Korean mission', clearance: 'UNCLASSIFIED' },
      '"1"',
    )
    expect(saved.status).toBe(200)
    expect(saved.etag).toBe('"2"')
    expect(await lastUpdateChanges(server, id)).toMatchObject({
      displayName: { after: 'Korean mission' },
      clearance: { before: 'RESTRICTED', after: 'UNCLASSIFIED' },
    })
    expect(UserView.parse(saved.body)).toMatchObject({
      displayName: 'Korean mission',
      clearance: 'UNCLASSIFIED',
    })
    const stale = await call(server, 'PATCH', path, admin, { displayName: 'Lost update' }, '"1"')
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ currentVersion: 2 })
    expect(
      (await call(server, 'PATCH', '/api/v1/users/no-such-user', admin, { displayName: 'X' }, '"1"')).status,
    ).toBe(404)
    const session = await call(
      server,
      'GET',
      '/api/v1/session',
      (await signIn(server, 'kor', testPassword)).cookie,
    )
    expect(session.body).toMatchObject({ clearance: 'UNCLASSIFIED', displayName: 'Korean mission' })
  })

  it('disabling signs the account out and kills its feed at once; enabling lets it back in', async () => {
    const cookie = (await signIn(server, 'fra', testPassword)).cookie
    const feed = await fetch(`${server.url}/api/v1/calendar-feed`, { method: 'POST', headers: { cookie } })
    const { token } = (await feed.json()) as { token: string }
    const feedUrl = `${server.url}/api/v1/calendar/${token}/partners/JPN.ics`
    expect((await fetch(feedUrl)).status).toBe(200)
    const id = await idOf(server, 'fra')

    const disabled = await call(server, 'POST', `/api/v1/users/${id}/disable`, admin)
    expect(disabled.status).toBe(200)
    expect(UserView.parse(disabled.body).status).toBe('disabled')
    expect((await call(server, 'GET', '/api/v1/session', cookie)).body).toMatchObject({ kind: 'public' })
    expect((await fetch(feedUrl)).status).toBe(404)
    const refused = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fra', password: testPassword }),
    })
    expect(refused.status).toBe(403)
    expect(Problem.parse(await refused.json()).detail).toContain('disabled')
    const listed = UserList.parse((await call(server, 'GET', '/api/v1/users?status=disabled', admin)).body)
    expect(listed.items.map((user) => user.username)).toEqual(['fra'])

    expect((await call(server, 'POST', `/api/v1/users/${id}/enable`, admin)).status).toBe(200)
    expect((await signIn(server, 'fra', testPassword)).status).toBe(200)
    expect(
      (await call(server, 'POST', `/api/v1/users/${await idOf(server, 'staff')}/disable`, admin)).status,
    ).toBe(409)
  })

  it('resets a password to a one-time one or a given one, signing the account out', async () => {
    const id = await idOf(server, 'jpn')
    const cookie = (await signIn(server, 'jpn', testPassword)).cookie
    const reset = await call(server, 'POST', `/api/v1/users/${id}/reset-password`, admin, {})
    expect(reset.status).toBe(200)
    const { oneTimePassword } = UserWithPassword.parse(reset.body)
    expect((await call(server, 'GET', '/api/v1/session', cookie)).body).toMatchObject({ kind: 'public' })
    expect((await signIn(server, 'jpn', testPassword)).status).toBe(401)
    expect((await signIn(server, 'jpn', oneTimePassword ?? '')).status).toBe(200)
    const given = await call(server, 'POST', `/api/v1/users/${id}/reset-password`, admin, {
      password: testPassword,
    })
    expect(UserWithPassword.parse(given.body).oneTimePassword).toBeNull()
    expect((await signIn(server, 'jpn', testPassword)).status).toBe(200)
  })

  it('audits every change in its transaction', async () => {
    const actions = await server.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user')
      .where('actor', '=', 'staff')
      .where('action', '!=', 'sign-in')
      .execute()
    expect(new Set(actions.map((row) => row.action))).toEqual(
      new Set(['create', 'update', 'disable', 'enable', 'reset-password']),
    )
  })
})
