import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createPostgresDatabase, engines } from '../support/databases.ts'

const bin = join(import.meta.dirname, '../../bin/liaison.js')
const folder = mkdtempSync(join(tmpdir(), 'liaison-cli-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Starts `liaison serve` and resolves with its URL once it says it is running. */
function serve(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return started(
    spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env } }),
  )
}

/** Resolves once a spawned server says it is running. */
function started(child: ChildProcess): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    if (child.stdout === null || child.stderr === null) {
      throw new Error('spawn the server with piped output')
    }
    let output = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 90_000)
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output)
      if (match?.[1] !== undefined) {
        clearTimeout(timer)
        resolve({ child, url: match[1], output: () => output })
      }
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('close', () => reject(new Error(`serve exited: ${output}`)))
  })
}

/**
 * Sends the signal and resolves with the exit code (or, for a process the signal ended, the
 * signal's name), failing when the process outlives `withinMs`.
 */
function stopWith(
  child: ChildProcess,
  signal: NodeJS.Signals,
  withinMs: number,
): Promise<number | NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`still running ${withinMs} ms after ${signal}`))
    }, withinMs)
    child.once('exit', (code, endedBy) => {
      clearTimeout(timer)
      resolve(code ?? endedBy)
    })
    child.kill(signal)
  })
}

/** Whether anything still accepts connections at the URL's port. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('liaison CLI', () => {
  it('prints help with --help and exits 0', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: liaison <command>')
  })

  it('rejects an unknown flag with a one-line error and exit code 2', async () => {
    const result = await run(['serve', '--colour', 'blue'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain("Unknown option '--colour'")
  })

  it('rejects an unknown command', async () => {
    const result = await run(['launch'])
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe("liaison: unknown command 'launch'. Try 'liaison --help'.")
  })

  it('reports an unreachable database in one line, without a stack trace', async () => {
    const result = await run(['migrate', '--db', 'postgres://nobody@127.0.0.1:1/none'])
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^liaison: Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
    )
    expect(result.stderr).not.toContain('    at ')
  })

  it('rejects a bad port', async () => {
    const result = await run(['serve', '--port', 'eighty', '--db', join(folder, 'port.db')])
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe("liaison: --port must be a whole number from 0 to 65535, not 'eighty'.")
  })

  it('refuses a LIAISON_TIME_ZONE that is not an IANA zone, before opening the database', async () => {
    const db = join(folder, 'zone.db')
    const result = await run(['serve', '--port', '0', '--db', db], { LIAISON_TIME_ZONE: 'Mars/Olympus' })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      "liaison: LIAISON_TIME_ZONE must be an IANA time zone name such as Europe/Brussels, not 'Mars/Olympus'.",
    )
    expect(existsSync(db)).toBe(false)
  })

  it.each([
    [
      { LIAISON_REMINDERS: '24h,soon' },
      "liaison: LIAISON_REMINDERS must be a comma list of durations before the deadline such as 24h,1h (units s, m, h, d), not 'soon'.",
    ],
    [
      { LIAISON_WEBHOOK_URL: 'https://ministry.example/hooks' },
      'liaison: LIAISON_WEBHOOK_URL is set but LIAISON_WEBHOOK_SECRET is not: reminders are always signed.',
    ],
    [
      { LIAISON_WEBHOOK_URL: 'ftp://ministry.example', LIAISON_WEBHOOK_SECRET: 's' },
      "liaison: LIAISON_WEBHOOK_URL must be an http or https URL, not 'ftp://ministry.example'.",
    ],
  ])(
    'refuses reminder settings %j, naming the setting, before opening the database',
    async (env, message) => {
      const db = join(folder, 'reminders.db')
      const result = await run(['serve', '--port', '0', '--db', db], env)
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(message)
      expect(existsSync(db)).toBe(false)
    },
  )

  describe('refuses an invalid LIAISON_OIDC_PROVIDERS, naming the field, before opening the database', () => {
    const provider = {
      id: 'mofa',
      label: 'Ministry ID',
      issuer: 'https://id.example.org',
      clientId: 'liaison',
      claims: { username: 'preferred_username', kind: { value: 'partner' }, country: { value: 'JPN' } },
    }
    const cases: ReadonlyArray<readonly [string, unknown, string]> = [
      [
        'a role that rolePermissions does not know',
        [
          {
            ...provider,
            claims: { ...provider.claims, roles: { claim: 'groups', map: { admins: ['superuser'] } } },
          },
        ],
        'LIAISON_OIDC_PROVIDERS.0.claims.roles.map.admins',
      ],
      [
        'a kind that is not staff, ally or partner',
        [{ ...provider, claims: { ...provider.claims, kind: { value: 'public' } } }],
        'LIAISON_OIDC_PROVIDERS.0.claims.kind',
      ],
      [
        'a clearance that is not a marking level',
        [{ ...provider, claims: { ...provider.claims, clearance: { value: 'TOP SECRET' } } }],
        'LIAISON_OIDC_PROVIDERS.0.claims.clearance',
      ],
      [
        'a country that is not alpha-3',
        [{ ...provider, claims: { ...provider.claims, country: { value: 'JP' } } }],
        'LIAISON_OIDC_PROVIDERS.0.claims.country.value',
      ],
      [
        'an issuer that is not a URL',
        [{ ...provider, issuer: 'id.example.org' }],
        'LIAISON_OIDC_PROVIDERS.0.issuer',
      ],
      ['a missing client id', [{ ...provider, clientId: undefined }], 'LIAISON_OIDC_PROVIDERS.0.clientId'],
    ]
    it.each(cases)('%s', async (_name, setting, field) => {
      const db = join(folder, 'oidc.db')
      const result = await run(['serve', '--port', '0', '--db', db], {
        LIAISON_OIDC_PROVIDERS: JSON.stringify(setting),
      })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`${field}:`)
      expect(existsSync(db)).toBe(false)
    })

    it('and one that is neither JSON nor a file', async () => {
      const db = join(folder, 'oidc.db')
      const result = await run(['serve', '--port', '0', '--db', db], {
        LIAISON_OIDC_PROVIDERS: join(folder, 'no-such-providers.json'),
      })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('LIAISON_OIDC_PROVIDERS must be JSON or the path of a JSON file')
      expect(existsSync(db)).toBe(false)
    })
  })

  it('migrates and seeds the demo data, printing how to sign in', async () => {
    const db = join(folder, 'seed.db')
    const migrate = await run(['migrate', '--db', db])
    expect(migrate.code).toBe(0)
    const seed = await run(['seed', '--demo', '--db', db], { LIAISON_DEMO_PASSWORD: 'demo-pass' })
    expect(seed.code).toBe(0)
    expect(seed.stdout).toContain('staff')
    expect(seed.stdout).toContain('LIAISON_DEMO_PASSWORD')
    const again = await run(['seed', '--demo', '--db', db], { LIAISON_DEMO_PASSWORD: 'demo-pass' })
    expect(again.code).toBe(0)
  })

  it('serves the demo on first start and signs in with the printed password', async () => {
    const { child, url, output } = await serve(['--db', join(folder, 'serve.db')], {
      LIAISON_DEMO_PASSWORD: '',
    })
    try {
      const password = /password: (\S+)/.exec(output())?.[1] ?? ''
      expect(password.length).toBeGreaterThan(8)
      const partners = (await (await fetch(`${url}/api/v1/partners`)).json()) as { total: number }
      expect(partners.total).toBe(40)
      const signIn = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'jpn', password }),
      })
      expect(signIn.status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops gracefully on ${signal}: exits 0, closes the port and the database`, async () => {
      const file = join(folder, `stop-${signal}.db`)
      const { child, url } = await serve(['--db', file], { LIAISON_DEMO_PASSWORD: 'x' })
      // A keep-alive connection left open must not hold the stop up.
      expect((await fetch(`${url}/api/v1/session`, { headers: { connection: 'keep-alive' } })).status).toBe(
        200,
      )
      expect(await stopWith(child, signal, 5000)).toBe(0)
      expect(await listening(url)).toBe(false)
      // Closing SQLite checkpoints the write-ahead log and removes it.
      expect(existsSync(`${file}-wal`)).toBe(false)
    })
  }

  it('stops `npm start` with SIGTERM: the server it started does not keep running', async () => {
    const file = join(folder, 'npm-start.db')
    const npm = spawn('npm', ['start', '--', '--port', '0', '--db', file], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, LIAISON_DEMO_PASSWORD: 'x' },
    })
    const { child, url } = await started(npm)
    expect(await listening(url)).toBe(true)
    // npm exits with its script's code, or, depending on which of them the signal reaches first,
    // re-raises the signal on itself: both are a stop. What matters is that nothing keeps serving.
    expect([0, 'SIGTERM']).toContain(await stopWith(child, 'SIGTERM', 10_000))
    // Give an orphaned server a moment to show itself; before the fix it served on and on.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await listening(url)).toBe(false)
  }, 120_000)

  it.runIf(engines.includes('postgres'))('serves a PostgreSQL database given with DATABASE_URL', async () => {
    const database = await createPostgresDatabase()
    try {
      const { child, url } = await serve([], { DATABASE_URL: database.url, LIAISON_DEMO_PASSWORD: 'x' })
      try {
        const ip4 = (await (await fetch(`${url}/api/v1/frameworks/ip4`)).json()) as { formal: boolean }
        expect(ip4.formal).toBe(false)
      } finally {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('close', resolve))
      }
    } finally {
      await database.drop()
    }
  })
})

describe('liaison schedule', () => {
  it('prints the best slots with everyone’s local start, from city codes, without a database', async () => {
    const result = await run([
      'schedule',
      '--with',
      'BRU,TYO,CBR,WLG,SEL',
      '--from',
      '2026-03-23',
      '--to',
      '2026-03-29',
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe(
      'Best 60-minute slots 2026-03-23 to 2026-03-29 (days on the Europe/Brussels clock), of 665:',
    )
    const top = lines.find((line) => line.startsWith('  1  '))
    expect(
      top
        ?.trim()
        .split(/\s{2,}/)
        .map((cell) => cell.trim()),
    ).toEqual([
      '1',
      '2026-03-23 06:00',
      '120',
      'Mon 03-23 07:00~',
      'Mon 03-23 15:00',
      'Mon 03-23 17:00',
      'Mon 03-23 19:00~',
      'Mon 03-23 15:00',
    ])
  })

  it('answers JSON with --json, reading member and partner codes from the database', async () => {
    const db = join(folder, 'schedule.db')
    expect((await run(['seed', '--demo', '--db', db], { LIAISON_DEMO_PASSWORD: 'demo-pass' })).code).toBe(0)
    const result = await run([
      'schedule',
      '--with',
      'BEL,JPN,Pacific/Auckland',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-07',
      '--duration',
      '30',
      '--limit',
      '3',
      '--json',
      '--db',
      db,
    ])
    expect(result.code).toBe(0)
    const answer = JSON.parse(result.stdout) as { participants: { zone: string }[]; slots: unknown[] }
    expect(answer.participants.map((p) => p.zone)).toEqual([
      'Europe/Brussels',
      'Asia/Tokyo',
      'Pacific/Auckland',
    ])
    expect(answer.slots).toHaveLength(3)
  })

  it('says in one line what is wrong with the input', async () => {
    const bad = await run([
      'schedule',
      '--with',
      'BRU,TYO',
      '--from',
      '2026-03-23',
      '--to',
      '2026-03-29',
      '--duration',
      'an hour',
    ])
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim()).toBe("liaison: --duration must be a whole number, not 'an hour'")
    const unknown = await run([
      'schedule',
      '--with',
      'BRU,QQQ',
      '--from',
      '2026-03-23',
      '--to',
      '2026-03-29',
      '--db',
      join(folder, 'empty.db'),
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    expect(unknown.stderr).toContain(
      "--with: 'QQQ' is neither a member or partner code nor a known city code",
    )
    const long = await run(['schedule', '--with', 'BRU', '--from', '2026-01-01', '--to', '2027-06-01'])
    expect(long.stderr.trim()).toBe('liaison: --to: The range may span at most 366 days')
    const missing = await run(['schedule', '--with', 'BRU'])
    expect(missing.stderr).toContain('schedule needs --with, --from and --to')
  })
})
