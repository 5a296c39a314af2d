import { randomBytes } from 'node:crypto'
import { describeChainBreak } from '../domain/audit-chain.ts'
import { allianceHomeZone } from '../domain/calendar-day.ts'
import { isNamedZone } from '../domain/engagement-time.ts'
import { defaultBodyLimit } from '../server/body-limit.ts'
import { systemClock } from '../server/clock.ts'
import { type OidcProviderConfig, parseOidcProviders } from '../server/oidc/provider-config.ts'
import { type RemindersConfig, remindersConfigFrom } from '../server/proposals/reminders/config.ts'
import type { Db } from '../store/database.ts'
import type { BackupOptions } from './backup.ts'
import { CliError } from './cli-error.ts'
import type { ScheduleOptions } from './schedule.ts'

// The commands' modules (the server, the stores, the database drivers) are loaded when a command
// runs, after its settings were checked: `liaison --help` or a refused setting answers at once.
const load = {
  app: () => import('../server/app.ts'),
  deadlines: () => import('../server/proposals/deadlines/index.ts'),
  changeFeed: () => import('../server/proposals/live/change-feed.ts'),
  reminders: () => import('../server/proposals/reminders/loop.ts'),
  auditVerify: () => import('../store/audit-verify.ts'),
  connect: () => import('../store/connect.ts'),
  migrate: () => import('../store/migrate.ts'),
  demoUsers: () => import('../store/seed/demo-users.ts'),
  seedAll: () => import('../store/seed/seed-all.ts'),
  backup: () => import('./backup.ts'),
  export: () => import('./export.ts'),
  import: () => import('./import.ts'),
  schedule: () => import('./schedule.ts'),
}

async function migrateToLatest(db: Db): Promise<string[]> {
  return (await load.migrate()).migrateToLatest(db)
}

export interface CliOptions extends ScheduleOptions, BackupOptions {
  readonly as?: string | undefined
  readonly out?: string | undefined
  readonly db?: string | undefined
  readonly port?: string | undefined
  readonly host?: string | undefined
  readonly demo?: boolean | undefined
  readonly kind?: string | undefined
  readonly 'dry-run'?: boolean | undefined
}

const defaultDatabase = 'var/liaison.db'

export async function runCommand(positionals: string[], options: CliOptions): Promise<number> {
  const [command, ...rest] = positionals
  // `audit` takes a subcommand (`audit verify`); `import`, `backup` and `restore` a file; the rest take none.
  const [subcommand, ...extra] = ['audit', 'import', 'backup', 'restore'].includes(command ?? '')
    ? rest
    : [undefined, ...rest]
  if (extra.length > 0) {
    throw new CliError(`unexpected argument '${extra[0]}'. Try 'liaison --help'.`)
  }
  switch (command) {
    case 'serve':
      return serve(options)
    case 'import':
      if (subcommand === undefined) {
        throw new CliError("import needs a file: 'liaison import FILE [--kind K] [--dry-run]'.")
      }
      return withDatabase(options, async (db) => {
        await migrateToLatest(db)
        const { importCommand } = await load.import()
        return importCommand(db, subcommand, { kind: options.kind, dryRun: options['dry-run'] })
      })
    case 'migrate':
      return withDatabase(options, async (db) => {
        const applied = await migrateToLatest(db)
        console.log(applied.length === 0 ? 'Schema is up to date.' : `Applied: ${applied.join(', ')}`)
        return 0
      })
    case 'seed':
      if (options.demo !== true) {
        throw new CliError("seed needs a dataset: use 'liaison seed --demo'.")
      }
      return withDatabase(options, async (db) => {
        await migrateToLatest(db)
        await seedDemo(db)
        return 0
      })
    case 'schedule': {
      const { schedule } = await load.schedule()
      console.log(
        await schedule(
          options,
          () => open(options),
          (message) => new CliError(message),
        ),
      )
      return 0
    }
    case 'audit':
      return audit(subcommand, options)
    case 'export':
      return withDatabase(options, async (db) => {
        const { exportToFile } = await load.export()
        await exportToFile(db, options, (message) => new CliError(message))
        return 0
      })
    case 'backup':
    case 'restore':
      return backupOrRestore(command, subcommand, options)
    default:
      throw new CliError(`unknown command '${command}'. Try 'liaison --help'.`)
  }
}

/** `liaison audit verify`: exit 0 with the count and head, or 1 naming the first broken entry. */
function audit(subcommand: string | undefined, options: CliOptions): Promise<number> {
  if (subcommand !== 'verify') {
    throw new CliError(
      subcommand === undefined
        ? "audit needs a subcommand: use 'liaison audit verify'."
        : `unknown audit subcommand '${subcommand}'. Try 'liaison audit verify'.`,
    )
  }
  return withDatabase(options, async (db) => {
    const { verifyAuditTrail } = await load.auditVerify()
    const verdict = await verifyAuditTrail(db)
    if (!verdict.ok) {
      throw new CliError(
        `audit trail broken after ${verdict.count} good entries: ${describeChainBreak(verdict.problem)}`,
      )
    }
    console.log(`Audit trail intact: ${verdict.count} entries.`)
    if (verdict.head !== null) {
      // Kept elsewhere, the head shows later whether the newest entries were rewritten or removed.
      console.log(`Head: #${verdict.head.seq} ${verdict.head.hash}`)
    }
    return 0
  })
}

/** `liaison backup FILE` and `liaison restore FILE`. */
async function backupOrRestore(
  command: 'backup' | 'restore',
  file: string | undefined,
  options: CliOptions,
): Promise<number> {
  if (file === undefined) {
    throw new CliError(`${command} needs a file: use 'liaison ${command} FILE'.`)
  }
  const fail = (message: string) => new CliError(message)
  const location = databaseLocation(options)
  const [{ backup, restore }, { redactLocation }] = await Promise.all([load.backup(), load.connect()])
  try {
    if (command === 'backup') {
      const how = await backup(location, file, options, fail)
      console.log(`Backup of ${redactLocation(location)} written to ${file} (${how}).`)
    } else {
      const how = await restore(location, file, fail)
      console.log(`Restored ${file} into ${redactLocation(location)} (${how}).`)
    }
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`${command} failed: ${(error as Error).message}`)
  }
  return 0
}

function databaseLocation(options: CliOptions): string {
  return options.db ?? process.env.DATABASE_URL ?? defaultDatabase
}

async function open(options: CliOptions): Promise<Db> {
  const { DatabaseUnavailableError, openDatabase } = await load.connect()
  try {
    return await openDatabase(databaseLocation(options))
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      throw new CliError(error.message)
    }
    throw error
  }
}

async function withDatabase(options: CliOptions, work: (db: Db) => Promise<number>): Promise<number> {
  const db = await open(options)
  try {
    return await work(db)
  } finally {
    await db.close()
  }
}

async function seedDemo(db: Db): Promise<void> {
  const now = new Date()
  const [{ loadAllDemoData }, { demoUsers, upsertDemoUsers }] = await Promise.all([
    load.seedAll(),
    load.demoUsers(),
  ])
  await loadAllDemoData(db, now)
  const fromEnvironment = process.env.LIAISON_DEMO_PASSWORD
  const password =
    fromEnvironment !== undefined && fromEnvironment !== ''
      ? fromEnvironment
      : randomBytes(9).toString('base64url')
  await upsertDemoUsers(db, password, now)
  console.log(`Demo data loaded into ${db.location}.`)
  console.log('Sign in as any of these users:')
  for (const user of demoUsers) {
    console.log(
      `  ${user.username.padEnd(6)} ${user.displayName} (${user.kind}, cleared to ${user.clearance})`,
    )
  }
  console.log(
    fromEnvironment
      ? '  password: the value of LIAISON_DEMO_PASSWORD'
      : `  password: ${password}  (set LIAISON_DEMO_PASSWORD to choose one)`,
  )
}

function parsePort(options: CliOptions): number {
  const text = options.port ?? process.env.PORT ?? '3000'
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be a whole number from 0 to 65535, not '${text}'.`)
  }
  return port
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

/**
 * Whether browsers reach the app over HTTPS (Secure cookie, HSTS). LIAISON_SECURE_COOKIES=1 or 0
 * decides; else a LIAISON_PUBLIC_URL says; else on, except for the loopback demo of `npm start`,
 * which a browser reaches over plain http://127.0.0.1.
 */
export function servedOverTls(host: string): boolean {
  const setting = process.env.LIAISON_SECURE_COOKIES
  if (setting === '1' || setting === '0') {
    return setting === '1'
  }
  const publicUrl = process.env.LIAISON_PUBLIC_URL ?? ''
  if (publicUrl !== '') {
    return publicUrl.startsWith('https://')
  }
  return !loopbackHosts.has(host)
}

/**
 * LIAISON_TRUST_PROXY: a hop count (`1`) or a comma-separated list of proxy addresses or CIDRs
 * (`127.0.0.1,10.0.0.0/8`). Unset: X-Forwarded-For is ignored and the socket's address counts.
 */
export function parseTrustProxy(setting: string | undefined): string | number | false {
  const text = (setting ?? '').trim()
  if (text === '') {
    return false
  }
  if (/^\d+$/.test(text)) {
    return Number(text)
  }
  if (text === 'true' || text === '*') {
    throw new CliError(
      'LIAISON_TRUST_PROXY must name the proxies (addresses or CIDRs) or a hop count; trusting every sender lets clients forge their address.',
    )
  }
  return text
}

/**
 * LIAISON_TIME_ZONE: the IANA zone whose calendar day is "today" for the server (defaults, as of
 * when nothing else is asked). Unset: the alliance's home zone, Europe/Brussels.
 */
export function parseTimeZone(setting: string | undefined): string {
  const zone = (setting ?? '').trim()
  if (zone === '') {
    return allianceHomeZone
  }
  if (!isNamedZone(zone)) {
    throw new CliError(
      `LIAISON_TIME_ZONE must be an IANA time zone name such as Europe/Brussels, not '${zone}'.`,
    )
  }
  return zone
}

/** LIAISON_OIDC_PROVIDERS, refused before anything starts when any field is wrong. */
function oidcProvidersSetting(setting: string | undefined): OidcProviderConfig[] {
  try {
    return parseOidcProviders(setting)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
}

/** LIAISON_REMINDERS, LIAISON_WEBHOOK_URL, LIAISON_WEBHOOK_SECRET, refused before anything starts. */
function remindersSetting(): RemindersConfig {
  try {
    return remindersConfigFrom(process.env)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
}

/** LIAISON_PUBLIC_URL: the address browsers use, the base of the single sign-on callback. */
function publicUrlSetting(): string | undefined {
  const value = (process.env.LIAISON_PUBLIC_URL ?? '').trim()
  return value === '' ? undefined : value
}

/** LIAISON_LOCKOUT_AFTER: consecutive wrong passwords that lock an account; unset means the default. */
function parseLockoutAfter(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1) {
    throw new Error('LIAISON_LOCKOUT_AFTER must be a whole number of failed sign-ins, at least 1.')
  }
  return count
}

/**
 * LIAISON_BODY_LIMIT: the largest request body in bytes (default 1 MiB); a positive whole number,
 * so a typo cannot silently lift the limit.
 */
export function parseBodyLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === '') {
    return defaultBodyLimit
  }
  if (!/^[1-9][0-9]*$/.test(value.trim())) {
    throw new CliError(
      `LIAISON_BODY_LIMIT must be a positive number of bytes such as 1048576, not '${value}'.`,
    )
  }
  return Number(value.trim())
}

async function serve(options: CliOptions): Promise<number> {
  const port = parsePort(options)
  const trustProxy = parseTrustProxy(process.env.LIAISON_TRUST_PROXY)
  const lockoutAfter = parseLockoutAfter(process.env.LIAISON_LOCKOUT_AFTER)
  const clock = systemClock(parseTimeZone(process.env.LIAISON_TIME_ZONE))
  const oidcProviders = oidcProvidersSetting(process.env.LIAISON_OIDC_PROVIDERS)
  const remindersConfig = remindersSetting()
  const host = options.host ?? process.env.HOST ?? '127.0.0.1'
  const db = await open(options)
  await migrateToLatest(db)
  const [{ buildApp }, { deadlineSchedulerFor }, { changeFeedFor }, { remindersLoop }, { isDatabaseEmpty }] =
    await Promise.all([load.app(), load.deadlines(), load.changeFeed(), load.reminders(), load.demoUsers()])
  if (await isDatabaseEmpty(db)) {
    await seedDemo(db)
  }
  const shutdown = { draining: false }
  const deadlines = deadlineSchedulerFor(db, clock, databaseLocation(options), (error) =>
    console.error(`liaison: deadline scheduler: ${(error as Error).message}`),
  )
  const proposalChanges = changeFeedFor(db, databaseLocation(options), (error) =>
    console.error(`liaison: proposal change feed: ${(error as Error).message}`),
  )
  const app = await buildApp({
    db,
    clock,
    deadlines,
    proposalChanges,
    shutdown,
    // On unless turned off: one JSON line per request is what an operator needs first.
    logger: process.env.LIAISON_LOG !== '0',
    secureCookies: servedOverTls(host),
    trustProxy,
    ...(lockoutAfter === undefined ? {} : { lockoutAfter }),
    bodyLimit: parseBodyLimit(process.env.LIAISON_BODY_LIMIT),
    metricsToken: process.env.LIAISON_METRICS_TOKEN,
    oidcProviders,
    ...(publicUrlSetting() === undefined ? {} : { publicUrl: publicUrlSetting() }),
  })
  try {
    await app.listen({ port, host })
  } catch (error) {
    await app.close()
    await db.close()
    throw new CliError(`cannot listen on ${host}:${port}: ${(error as Error).message}`)
  }
  // After the migrations, so the catch-up finds the proposal tables: deadlines that passed while
  // no server ran fire now.
  await deadlines.start()
  const reminders = remindersLoop(db, clock, remindersConfig, {
    onError: (error) => console.error(`liaison: reminders: ${(error as Error).message}`),
  })
  reminders.start()
  const address = app.server.address()
  const actualPort = typeof address === 'object' && address !== null ? address.port : port
  console.log(
    `Liaison is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/ (database: ${db.location})`,
  )
  console.log(`API docs: http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/api/docs`)
  stopOnSignal(async () => {
    // /readyz answers 503 from here on, so a load balancer stops sending new requests.
    shutdown.draining = true
    // Fastify's close stops accepting, lets in-flight requests finish (idle keep-alive sockets are
    // closed) and then runs onClose; only then is the database closed under no running request.
    await app.close()
    await reminders.stop()
    await deadlines.stop()
    await db.close()
  })
  return 0
}

/** How long a stop may take before the process exits anyway, so a hung request cannot keep it up. */
const shutdownGrace = 10_000

/**
 * SIGTERM (a service manager, a container stop, `kill`) and SIGINT (Ctrl-C) stop the server
 * gracefully and exit 0; a second signal, or a stop that outlasts the grace, exits at once with 1.
 */
function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1)
    }
    stopping = true
    console.log(`Received ${signal}: finishing open requests, then stopping.`)
    setTimeout(() => {
      console.error('liaison: shutdown took too long; exiting.')
      process.exit(1)
    }, shutdownGrace).unref()
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`liaison: shutdown failed: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}
