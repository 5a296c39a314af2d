import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { validatorCompiler } from 'fastify-type-provider-zod'
import type { Db } from '../store/database.ts'
import { accountRoutes } from './accounts/routes.ts'
import { auditRoutes } from './audit/routes.ts'
import { registerAuthentication } from './authenticate.ts'
import { defaultBodyLimit } from './body-limit.ts'
import { calendarRoutes } from './calendar/routes.ts'
import { type Clock, systemClock } from './clock.ts'
import { cooperationRoutes } from './cooperation/routes.ts'
import { analyticsRoutes } from './engagements/analytics-routes.ts'
import { engagementRoutes } from './engagements/routes.ts'
import { statementRoutes } from './engagements/statement-routes.ts'
import { listCsvRoutes } from './export/csv-routes.ts'
import { exportRoutes } from './export/routes.ts'
import { frameworkRoutes } from './frameworks/routes.ts'
import { frameworkWriteRoutes } from './frameworks/write-routes.ts'
import type { ShutdownState } from './health/readiness.ts'
import { healthRoutes } from './health/routes.ts'
import { importRoutes } from './imports/routes.ts'
import { liaisonOfficeRoutes } from './liaison-offices/routes.ts'
import { memberRoutes } from './members/routes.ts'
import { registerMetrics } from './metrics/routes.ts'
import type { OidcProviderConfig } from './oidc/provider-config.ts'
import { oidcRoutes } from './oidc/routes.ts'
import { registerApiDocs, registerOpenApi } from './openapi.ts'
import { partnerRoutes } from './partners/routes.ts'
import { partnerWriteRoutes } from './partners/write-routes.ts'
import { registerProblemHandlers } from './problem.ts'
import { programmePlugin } from './programmes/plugin.ts'
import { type DeadlineScheduler, inertDeadlines } from './proposals/deadlines/scheduler.ts'
import { proposalEventsRoute } from './proposals/events-route.ts'
import { type ProposalChangeFeed, pollingFeed } from './proposals/live/change-feed.ts'
import { reminderRoutes } from './proposals/reminders/routes.ts'
import { proposalRoutes } from './proposals/routes.ts'
import { publicPortalRoutes } from './public/routes.ts'
import { registerNulGuard } from './reject-nul.ts'
import { registerRequestLog, requestIdOptions } from './request-log.ts'
import { schedulingRoutes } from './scheduling/routes.ts'
import { searchRoutes } from './search/routes.ts'
import { registerOriginCheck, registerSecurityHeaders } from './security-headers.ts'
import { sessionRoutes } from './session/routes.ts'
import { shellErrorOptions } from './shell-errors.ts'
import { registerWebApp } from './web.ts'

export interface AppOptions {
  readonly db: Db
  /**
   * Fires silence deadlines (src/server/proposals/deadlines). `liaison serve` passes the engine's
   * scheduler and starts it; tests pass their own or none (deadlines are then not fired).
   */
  readonly deadlines?: DeadlineScheduler
  /**
   * Tells proposal event streams of changes (LISTEN/NOTIFY on PostgreSQL: `liaison serve` passes
   * it); by default the in-process poller. The app starts it when ready and stops it on close.
   */
  readonly proposalChanges?: ProposalChangeFeed
  /** Milliseconds between an event stream's heartbeat comments (default 20 s). */
  readonly heartbeatMs?: number
  /** The clock (instant and today in the alliance's zone); tests pass a fixed one. */
  readonly clock?: Clock
  /** Served over TLS: the session cookie is Secure and answers carry HSTS. */
  readonly secureCookies?: boolean
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy: addresses/CIDRs, or a hop
   * count). Off by default: believed blindly, the header lets anyone choose their address and so
   * slip past per-address limits.
   */
  readonly trustProxy?: string | number | false
  /** Consecutive wrong passwords that lock an account (LIAISON_LOCKOUT_AFTER; default 5). */
  readonly lockoutAfter?: number
  /** Folder of the built web app. */
  readonly webRoot?: string
  /** JSON logs, one line per request (LIAISON_LOG); to stdout unless `logStream` is given. */
  readonly logger?: boolean
  /** Where log lines go instead of stdout (tests read them). */
  readonly logStream?: { write(line: string): void }
  /** Largest request body in bytes; larger ones are a 413 problem before any route runs. */
  readonly bodyLimit?: number
  /** Largest file POST /api/v1/imports takes (LIAISON_IMPORT_LIMIT; default 64 MiB). */
  readonly importLimit?: number
  /** Flipped to draining when the server begins to stop (the CLI does it on a signal; close does too). */
  readonly shutdown?: ShutdownState
  /** Bearer token for /metrics (LIAISON_METRICS_TOKEN); without one, only loopback may read it. */
  readonly metricsToken?: string
  /** Single sign-on providers (LIAISON_OIDC_PROVIDERS), offered beside local accounts. */
  readonly oidcProviders?: readonly OidcProviderConfig[]
  /** The address browsers use for this server (LIAISON_PUBLIC_URL): the base of the OIDC callback. */
  readonly publicUrl?: string
}

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url))

/** Builds the whole HTTP application without listening, so tests and the CLI share it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options
  const clock = options.clock ?? systemClock()
  const { now } = clock
  const serverOptions: FastifyServerOptions = {
    logger: (options.logger ?? false) && {
      level: 'info',
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    },
    ...requestIdOptions((options.trustProxy ?? false) !== false),
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    trustProxy: trustedProxies(options.trustProxy ?? false),
    // Refusals made before any route runs, by Fastify's router and by Node's parser, as problem+json.
    ...shellErrorOptions(options.secureCookies ?? false),
  }
  const app = Fastify(serverOptions)
  app.setValidatorCompiler(validatorCompiler)
  // Presenters build every body field by field (a whitelist), so responses are written as they
  // are; the API tests check each body against its Zod schema instead of paying for it per request.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  registerProblemHandlers(app)
  registerNulGuard(app)
  registerMetrics(app, db, options.metricsToken)
  registerRequestLog(app)
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  registerAuthentication(app, db, now)
  registerSecurityHeaders(app, options.secureCookies ?? false)
  registerOriginCheck(app)
  await registerOpenApi(app)
  await app.register(sessionRoutes, {
    db,
    now,
    secureCookies: options.secureCookies ?? false,
    ...(options.lockoutAfter === undefined ? {} : { lockoutAfter: options.lockoutAfter }),
    oidcProviders: options.oidcProviders ?? [],
    publicUrl: options.publicUrl,
  })
  await app.register(oidcRoutes, {
    db,
    now,
    secureCookies: options.secureCookies ?? false,
    providers: options.oidcProviders ?? [],
    publicUrl: options.publicUrl,
  })
  await app.register(partnerRoutes, { db })
  await app.register(frameworkRoutes, { db, clock })
  await app.register(partnerWriteRoutes, { db, clock })
  await app.register(frameworkWriteRoutes, { db, clock })
  await app.register(memberRoutes, { db })
  await app.register(engagementRoutes, { db, clock })
  await app.register(statementRoutes, { db, clock })
  await app.register(analyticsRoutes, { db })
  await app.register(auditRoutes, { db })
  await app.register(calendarRoutes, { db, clock })
  await app.register(programmePlugin, { db, clock })
  await app.register(schedulingRoutes, { db })
  await app.register(searchRoutes, { db })
  await app.register(proposalRoutes, { db, clock, deadlines: options.deadlines ?? inertDeadlines })
  await app.register(liaisonOfficeRoutes, { db, clock })
  await app.register(importRoutes, {
    db,
    clock,
    ...(options.importLimit === undefined ? {} : { importLimit: options.importLimit }),
  })
  await app.register(cooperationRoutes, { db, clock })
  const feed = options.proposalChanges ?? pollingFeed(db)
  app.addHook('onReady', () => feed.start())
  app.addHook('onClose', () => feed.stop())
  await app.register(proposalEventsRoute, { db, feed, heartbeatMs: options.heartbeatMs ?? 20_000 })
  await app.register(reminderRoutes, { db, clock })
  await app.register(accountRoutes, { db, now })
  await app.register(healthRoutes, { db, shutdown: options.shutdown ?? { draining: false } })
  await app.register(publicPortalRoutes, { db })
  await app.register(exportRoutes, { db })
  await app.register(listCsvRoutes, { db, clock })
  await registerApiDocs(app)
  await registerWebApp(app, options.webRoot ?? defaultWebRoot)
  return app
}

/** A hop count as proxy-addr's trust function (Fastify's types take no number); lists pass as they are. */
function trustedProxies(setting: string | number | false): FastifyServerOptions['trustProxy'] {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting
}
