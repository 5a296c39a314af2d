import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import {
  addLeakFixtures,
  confidentialMarker,
  type Fixtures,
  type HiddenSet,
  koreaMarker,
  lowAlly,
} from '../support/leak-fixtures.ts'
import {
  fetchOpenApi,
  type OpenApiDocument,
  operations,
  responseSchema,
  strictProblems,
} from '../support/openapi-strict.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { pdfText, zipText } from '../support/zip-text.ts'

/**
 * The leak guard. Three servers over the same demo data and the same visible fixtures:
 *   plain  — no hidden fixtures;
 *   korea  — plus fixtures RESTRICTED and released to Korea only;
 *   full   — plus those and fixtures CONFIDENTIAL, alliance only.
 * A principal who may see none of the hidden fixtures (the public, Japan, an ally cleared to
 * UNCLASSIFIED) must get from `full` exactly what `plain` answers; Korea exactly what `korea`
 * answers: same status, same ETag, same body once the fixtures' random ids are replaced by their
 * labels. That covers bodies, ids, counts, totals, banners, positions and versions at once. On
 * top, no hidden marker string or id may appear at all, every JSON body must fit its documented
 * schema with every object closed, and staff and allies (positive controls) must see the hidden
 * rows, with the banner of their marking.
 */

type Principal = 'public' | 'jpn' | 'kor' | typeof lowAlly | 'staff' | 'fra'
const hiddenFrom: Record<Principal, readonly HiddenSet[]> = {
  public: ['confidential', 'korea'],
  jpn: ['confidential', 'korea'],
  [lowAlly]: ['confidential', 'korea'],
  kor: ['confidential'],
  staff: [],
  fra: [],
}
const principals = Object.keys(hiddenFrom) as Principal[]
const markerOf: Record<HiddenSet, string> = { confidential: confidentialMarker, korea: koreaMarker }

interface Context {
  /** The id of a labelled fixture on the full server (sent to every server alike). */
  id(label: string): string
  /** The principal's calendar token on the server at hand, or null for the public. */
  token: string | null
}

/**
 * Every GET route of the OpenAPI document, with the requests that exercise it. A route added to the
 * document without a case here fails the first test below.
 */
const cases: Record<string, (context: Context) => string[]> = {
  'GET /api/v1/session': () => ['/api/v1/session'],
  // No provider is configured here: the list is empty and the flow's routes answer 404 alike.
  'GET /api/v1/session/providers': () => ['/api/v1/session/providers'],
  'GET /api/v1/session/oidc/{provider}/start': () => ['/api/v1/session/oidc/mofa/start'],
  'GET /api/v1/session/oidc/{provider}/callback': () => [
    '/api/v1/session/oidc/mofa/callback?code=abc&state=def',
  ],
  'GET /api/v1/partners': () => [
    '/api/v1/partners',
    '/api/v1/partners?framework=ip4',
    '/api/v1/partners?q=mongol',
    '/api/v1/partners?limit=3&offset=1',
  ],
  'GET /api/v1/partners/{code}': () => [
    '/api/v1/partners/JPN',
    '/api/v1/partners/KOR',
    '/api/v1/partners/MNG',
  ],
  'GET /api/v1/frameworks': () => ['/api/v1/frameworks'],
  'GET /api/v1/frameworks/{id}': () => ['/api/v1/frameworks/ip4', '/api/v1/frameworks/ip4?asOf=2025-01-01'],
  'GET /api/v1/members': () => ['/api/v1/members'],
  'GET /api/v1/engagements': () => [
    '/api/v1/engagements',
    '/api/v1/engagements?partner=JPN',
    '/api/v1/engagements?partner=MNG',
    '/api/v1/engagements?partner=KOR',
    '/api/v1/engagements?framework=ip4',
    '/api/v1/engagements?from=2026-03-01&to=2026-03-31&order=asc',
    '/api/v1/engagements?from=2026-03-01&to=2026-03-31&limit=1&offset=1',
    '/api/v1/engagements?priorityArea=maritime-security&limit=5',
  ],
  'GET /api/v1/engagements/{id}': ({ id }) => [
    `/api/v1/engagements/${id('engagement-public')}`,
    `/api/v1/engagements/${id('engagement-sideline')}`,
    `/api/v1/engagements/${id('engagement-conf')}`,
    `/api/v1/engagements/${id('engagement-kor')}`,
  ],
  'GET /api/v1/statements': ({ id }) => [
    '/api/v1/statements',
    '/api/v1/statements?partner=JPN',
    `/api/v1/statements?engagement=${id('engagement-public')}`,
    `/api/v1/statements?engagement=${id('engagement-conf')}`,
    '/api/v1/statements?limit=1&offset=100000',
  ],
  'GET /api/v1/statements/{id}': ({ id }) => [
    `/api/v1/statements/${id('statement-public')}`,
    `/api/v1/statements/${id('statement-conf')}`,
    `/api/v1/statements/${id('statement-kor')}`,
  ],
  'GET /api/v1/analytics/engagements': () => [
    '/api/v1/analytics/engagements',
    '/api/v1/analytics/engagements?partner=JPN',
    '/api/v1/analytics/engagements?partner=MNG',
    '/api/v1/analytics/engagements?framework=ip4',
  ],
  'GET /api/v1/analytics/engagements/{series}.csv': () =>
    ['levels', 'formats', 'intensity', 'regularity', 'milestones'].flatMap((series) => [
      `/api/v1/analytics/engagements/${series}.csv`,
      `/api/v1/analytics/engagements/${series}.csv?partner=JPN`,
    ]),
  'GET /api/v1/calendar-feed': () => ['/api/v1/calendar-feed'],
  // Administrators only: every principal the guard compares must be refused, alike on every server.
  'GET /api/v1/users': () => ['/api/v1/users', '/api/v1/users?country=KOR', '/api/v1/users?status=locked'],
  'GET /api/v1/users/{id}': () => ['/api/v1/users/no-such-user'],
  'GET /api/v1/audit': () => [
    '/api/v1/audit',
    '/api/v1/audit?entity=programme',
    '/api/v1/audit?actor=staff&from=2020-01-01&to=2030-12-31',
    '/api/v1/audit?limit=1&offset=1',
  ],
  'GET /api/v1/audit.csv': () => ['/api/v1/audit.csv', '/api/v1/audit.csv?entity=programme'],
  // The whole registry as the principal sees it (signed in only; the public is refused alike).
  'GET /api/v1/export': () => ['/api/v1/export'],
  // List downloads: the list's own filters, every row, the list's banner.
  'GET /api/v1/partners.csv': () => [
    '/api/v1/partners.csv',
    '/api/v1/partners.csv?framework=ip4',
    '/api/v1/partners.csv?q=mongol',
  ],
  'GET /api/v1/frameworks.csv': () => ['/api/v1/frameworks.csv'],
  'GET /api/v1/members.csv': () => ['/api/v1/members.csv'],
  'GET /api/v1/programmes.csv': () => ['/api/v1/programmes.csv', '/api/v1/programmes.csv?partner=JPN'],
  'GET /api/v1/engagements.csv': () => [
    '/api/v1/engagements.csv',
    '/api/v1/engagements.csv?partner=MNG',
    '/api/v1/engagements.csv?partner=KOR',
    '/api/v1/engagements.csv?framework=ip4&from=2026-03-01&to=2026-03-31',
  ],
  'GET /api/v1/statements.csv': ({ id }) => [
    '/api/v1/statements.csv',
    '/api/v1/statements.csv?partner=JPN',
    `/api/v1/statements.csv?engagement=${id('engagement-conf')}`,
  ],
  'GET /api/v1/proposals.csv': () => ['/api/v1/proposals.csv', '/api/v1/proposals.csv?status=draft'],
  'GET /api/v1/liaison-offices.csv': () => [
    '/api/v1/liaison-offices.csv',
    '/api/v1/liaison-offices.csv?partner=KOR',
  ],
  'GET /api/v1/audit/verify': () => ['/api/v1/audit/verify'],
  'GET /api/v1/scheduling/shared-hours': () => [
    '/api/v1/scheduling/shared-hours?with=AUS,NZL,JPN,KOR,MNG&year=2026&office=Asia/Tokyo',
    '/api/v1/scheduling/shared-hours?hq=BEL&with=Pacific/Auckland&year=2026',
  ],
  // The public has no feed: its token routes are exercised by every signed-in principal.
  'GET /api/v1/calendar/{token}/partners/{file}': ({ token }) =>
    token === null
      ? []
      : ['JPN', 'KOR', 'MNG'].map((code) => `/api/v1/calendar/${token}/partners/${code}.ics`),
  'GET /api/v1/calendar/{token}/frameworks/{file}': ({ token }) =>
    token === null ? [] : [`/api/v1/calendar/${token}/frameworks/ip4.ics`],
  'GET /api/v1/calendar/{token}/all.ics': ({ token }) =>
    token === null ? [] : [`/api/v1/calendar/${token}/all.ics`],
  'GET /api/v1/programmes': () => [
    '/api/v1/programmes',
    '/api/v1/programmes?partner=MNG',
    '/api/v1/programmes?partner=KOR',
    '/api/v1/programmes?status=draft',
  ],
  'GET /api/v1/programmes/portfolio': () => ['/api/v1/programmes/portfolio'],
  'GET /api/v1/programmes/{id}': ({ id }) => [
    '/api/v1/programmes/jpn-itpp-2023',
    '/api/v1/programmes/kor-itpp-2023',
    `/api/v1/programmes/${id('programme-confidential')}`,
    `/api/v1/programmes/${id('programme-korea')}`,
  ],
  // Korea's programme: the hidden cooperation requests serve its goals and feed its progress.
  'GET /api/v1/programmes/{id}/progress': () => [
    '/api/v1/programmes/jpn-itpp-2023/progress',
    '/api/v1/programmes/kor-itpp-2023/progress',
  ],
  'GET /api/v1/programmes/{id}/versions': () => ['/api/v1/programmes/jpn-itpp-2023/versions'],
  'GET /api/v1/programmes/{id}/diff': () => [
    '/api/v1/programmes/jpn-itpp-2023/diff?from=1',
    '/api/v1/programmes/jpn-itpp-2023/diff?from=predecessor',
  ],
  'GET /api/v1/programmes/{id}/document.{format}': () => [
    '/api/v1/programmes/jpn-itpp-2023/document.md',
    '/api/v1/programmes/jpn-itpp-2023/document.docx',
    '/api/v1/programmes/jpn-itpp-2023/document.pdf',
  ],
  'GET /api/v1/search': () => [
    `/api/v1/search?q=${confidentialMarker}`,
    `/api/v1/search?q=${koreaMarker}`,
    '/api/v1/search?q=visible',
    '/api/v1/search?q=objective',
    '/api/v1/search?q=milestone&type=milestone',
    '/api/v1/search?q=engagement&limit=2&offset=1',
    '/api/v1/search?q=tokyo',
  ],
  'GET /api/v1/proposals': () => [
    '/api/v1/proposals',
    '/api/v1/proposals?status=blocked',
    '/api/v1/proposals?procedure=consensus&limit=1',
  ],
  'GET /api/v1/proposals/{id}': ({ id }) => [
    `/api/v1/proposals/${id('proposal-public')}`,
    `/api/v1/proposals/${id('proposal-confidential')}`,
    `/api/v1/proposals/${id('proposal-korea')}`,
  ],
  'GET /api/v1/liaison-offices': () => [
    '/api/v1/liaison-offices',
    '/api/v1/liaison-offices?status=proposed',
    '/api/v1/liaison-offices?partner=JPN',
    '/api/v1/liaison-offices?partner=XCF',
    '/api/v1/liaison-offices?partner=XKR&limit=1',
  ],
  'GET /api/v1/liaison-offices/{id}': ({ id }) => [
    `/api/v1/liaison-offices/${id('office-public')}`,
    `/api/v1/liaison-offices/${id('office-confidential')}`,
    `/api/v1/liaison-offices/${id('office-korea')}`,
  ],
  'GET /api/v1/proposals/{id}/events': ({ id }) => [
    `/api/v1/proposals/${id('proposal-public')}/events`,
    `/api/v1/proposals/${id('proposal-confidential')}/events`,
    `/api/v1/proposals/${id('proposal-korea')}/events`,
  ],
  'GET /api/v1/reminders': () => ['/api/v1/reminders'],
  // Jobs are per importer and hold no records; the fixtures have none, so every principal gets the same 404.
  'GET /api/v1/imports/{id}': () => ['/api/v1/imports/no-such-import'],
  // The list holds each principal's own jobs (staff: all); the fixtures have none.
  'GET /api/v1/imports': () => ['/api/v1/imports', '/api/v1/imports?limit=1&offset=1'],
  'GET /api/v1/cooperation/items': () => [
    '/api/v1/cooperation/items',
    '/api/v1/cooperation/items?q=mark',
    '/api/v1/cooperation/items?eligible=true&priorityArea=cyber-defence',
    '/api/v1/cooperation/items?provider=FRA&limit=1',
  ],
  'GET /api/v1/cooperation/items/{id}': ({ id }) => [
    `/api/v1/cooperation/items/${id('coop-item-public')}`,
    `/api/v1/cooperation/items/${id('coop-item-confidential')}`,
    `/api/v1/cooperation/items/${id('coop-item-korea')}`,
  ],
  'GET /api/v1/cooperation/events': ({ id }) => [
    '/api/v1/cooperation/events',
    '/api/v1/cooperation/events?upcoming=true&q=tallinn',
    `/api/v1/cooperation/events?item=${id('coop-item-public')}`,
  ],
  'GET /api/v1/cooperation/events/{id}': ({ id }) => [
    `/api/v1/cooperation/events/${id('coop-event-public')}`,
    `/api/v1/cooperation/events/${id('coop-event-confidential')}`,
    `/api/v1/cooperation/events/${id('coop-event-korea')}`,
  ],
  'GET /api/v1/cooperation/events/{id}/registrations': ({ id }) => [
    `/api/v1/cooperation/events/${id('coop-event-public')}/registrations`,
    `/api/v1/cooperation/events/${id('coop-event-confidential')}/registrations?status=registered`,
  ],
  'GET /api/v1/cooperation/events/{id}/participants.csv': ({ id }) => [
    `/api/v1/cooperation/events/${id('coop-event-public')}/participants.csv`,
    `/api/v1/cooperation/events/${id('coop-event-confidential')}/participants.csv`,
  ],
  'GET /api/v1/cooperation/requests': ({ id }) => [
    '/api/v1/cooperation/requests',
    '/api/v1/cooperation/requests?programme=kor-itpp-2023',
    `/api/v1/cooperation/requests?event=${id('coop-event-public')}&limit=1`,
  ],
  'GET /api/v1/cooperation/requests/{id}': ({ id }) => [
    `/api/v1/cooperation/requests/${id('coop-request-korea')}`,
    `/api/v1/cooperation/requests/${id('coop-request-confidential')}`,
  ],
  'GET /api/v1/cooperation/requests/{id}/report': ({ id }) => [
    `/api/v1/cooperation/requests/${id('coop-request-korea')}/report`,
    `/api/v1/cooperation/requests/${id('coop-request-confidential')}/report`,
  ],
  'GET /healthz': () => ['/healthz'],
  'GET /readyz': () => ['/readyz'],
}

/**
 * Checks that fail today because of bugs other branches are fixing, as
 * "engine|route|principal|check" with "*" for any engine (check: status, schema, marker, id, body,
 * etag, control; the failing request and why are in the assertion's details). Each must STILL fail: when a fix
 * lands, the route's test fails until its entries are removed here.
 */
const knownFailures: ReadonlySet<string> = new Set<string>([])

interface Answer {
  readonly status: number
  readonly type: string
  readonly etag: string
  /** The body as text: JSON, CSV, iCalendar and Markdown as sent; DOCX and PDF as their inner text. */
  readonly text: string
  /** The text with every fixture id replaced by its label and calendar tokens blanked. */
  readonly normalised: string
}

interface Guarded {
  readonly server: TestServer
  readonly fixtures: Fixtures
  readonly cookies: Record<Principal, string>
  readonly tokens: Record<Principal, string | null>
}

async function guarded(engine: (typeof engines)[number], sets: readonly HiddenSet[]): Promise<Guarded> {
  const server = await startTestServer(engine)
  const fixtures = await addLeakFixtures(server, sets)
  const cookies = { public: '' } as Record<Principal, string>
  const tokens = { public: null } as Record<Principal, string | null>
  for (const principal of principals.filter((p) => p !== 'public')) {
    cookies[principal] = await server.signIn(principal)
    const feed = await fetch(`${server.url}/api/v1/calendar-feed`, {
      method: 'POST',
      headers: { cookie: cookies[principal] },
    })
    const created = (await feed.json()) as { url?: string; token?: string }
    tokens[principal] = created.token ?? /\/calendar\/([A-Za-z0-9_-]+)\//.exec(created.url ?? '')?.[1] ?? null
  }
  return { server, fixtures, cookies, tokens }
}

async function ask(target: Guarded, full: Guarded, principal: Principal, path: string): Promise<Answer> {
  const response = await fetch(`${target.server.url}${path}`, {
    headers: target.cookies[principal] === '' ? {} : { cookie: target.cookies[principal] },
  })
  const type = response.headers.get('content-type') ?? ''
  // An event stream never ends: its opening frame is what a visible answer looks like.
  const bytes = type.includes('text/event-stream')
    ? await firstChunk(response)
    : Buffer.from(await response.arrayBuffer())
  const text =
    response.status === 200 && type.includes('wordprocessingml')
      ? zipText(bytes)
      : response.status === 200 && type.includes('pdf')
        ? pdfText(bytes)
        : bytes.toString('utf8')
  let normalised = text
  // Binary documents carry their creation time and random part names: compare their presence only.
  if (type.includes('wordprocessingml') || type.includes('pdf')) {
    normalised = `${type} document`
  }
  for (const ids of [full.fixtures.ids, target.fixtures.ids]) {
    for (const [label, id] of ids) {
      normalised = normalised.replaceAll(id, `<${label}>`)
    }
  }
  const token = target.tokens[principal]
  if (token !== null) {
    normalised = normalised.replaceAll(token, '<token>')
  }
  // Every answer has its own request id (echoed in problem bodies); it tells nothing about data.
  const requestId = response.headers.get('x-request-id')
  if (requestId !== null && requestId !== '') {
    normalised = normalised.replaceAll(requestId, '<request-id>')
  }
  return { status: response.status, type, etag: response.headers.get('etag') ?? '', text, normalised }
}

async function firstChunk(response: Response): Promise<Buffer> {
  const reader = response.body?.getReader()
  if (reader === undefined) return Buffer.alloc(0)
  const { value } = await reader.read()
  await reader.cancel()
  return Buffer.from(value ?? new Uint8Array())
}

function routePattern(key: string): string {
  return key.split(' ')[1] ?? ''
}

describe.each(engines)('leak guard on %s', (engine) => {
  let plain: Guarded
  let korea: Guarded
  let full: Guarded
  let document: OpenApiDocument

  beforeAll(async () => {
    plain = await guarded(engine, [])
    korea = await guarded(engine, ['korea'])
    full = await guarded(engine, ['korea', 'confidential'])
    document = await fetchOpenApi(full.server.url)
  }, 120_000)
  afterAll(async () => {
    await Promise.all([plain?.server.close(), korea?.server.close(), full?.server.close()])
  })

  it('has a case for every GET route of the OpenAPI document, and no case for a route it lacks', () => {
    expect(Object.keys(cases).sort()).toEqual(operations(document, ['get']))
  })

  it('keeps the known failures to routes of the table', () => {
    for (const entry of knownFailures) {
      expect([...Object.keys(cases), 'banner']).toContain(entry.split('|')[1])
    }
  })

  it.each(Object.keys(cases).sort())('%s leaks nothing hidden', async (key) => {
    const failures = new Set<string>()
    const messages: string[] = []
    const fail = (principal: Principal, check: string, path: string, why: string) => {
      let labelled = path
      for (const [label, id] of full.fixtures.ids) {
        labelled = labelled.replaceAll(id, `<${label}>`)
      }
      for (const principalToken of Object.values(full.tokens)) {
        if (principalToken !== null) {
          labelled = labelled.replaceAll(principalToken, '<token>')
        }
      }
      const entry = `${principal}|${check}`
      if (!failures.has(entry)) {
        failures.add(entry)
        messages.push(`${entry}: ${labelled}: ${why}`.slice(0, 400))
      }
    }
    const id = (label: string) => {
      const found = full.fixtures.ids.get(label)
      if (found === undefined) {
        throw new Error(`no fixture ${label}`)
      }
      return found
    }
    const build = cases[key]
    if (build === undefined) {
      throw new Error(`no case for ${key}`)
    }
    let seenByStaff = ''
    for (const principal of principals) {
      const fullPaths = build({ id, token: full.tokens[principal] })
      const hidden = hiddenFrom[principal]
      const control = hidden.includes('korea') ? plain : korea
      // The control server's own ids for the visible fixtures; the full server's for hidden ones,
      // which the control lacks, so that a hidden id must answer as an unknown one.
      const controlId = (label: string) => control.fixtures.ids.get(label) ?? id(label)
      const controlPaths = build({ id: controlId, token: control.tokens[principal] })
      for (const [index, path] of fullPaths.entries()) {
        const answer = await ask(full, full, principal, path)
        if (answer.status >= 500) {
          fail(principal, 'status', path, `answered ${answer.status}: ${answer.text.slice(0, 200)}`)
        }
        // Strict schema: every documented JSON answer, every principal.
        const schema = responseSchema(document, key, answer.status)
        if (schema !== undefined && answer.type.includes('json')) {
          const problems = strictProblems(document, schema, JSON.parse(answer.text))
          if (problems.length > 0) {
            fail(principal, 'schema', path, problems.slice(0, 5).join('; '))
          }
        }
        if (hidden.length === 0) {
          seenByStaff += answer.text
          continue
        }
        for (const set of hidden) {
          if (answer.text.includes(markerOf[set])) {
            fail(principal, 'marker', path, `the body holds ${markerOf[set]}`)
          }
          for (const hiddenId of full.fixtures.hiddenIds[set]) {
            if (!path.includes(hiddenId) && answer.text.includes(hiddenId)) {
              const where = answer.type.includes('json')
                ? fieldsHolding(JSON.parse(answer.text), hiddenId)
                : ['text']
              for (const field of where) {
                fail(principal, `id:${field}`, path, `the body holds the hidden id ${hiddenId}`)
              }
            }
          }
        }
        const expected = await ask(control, full, principal, controlPaths[index] ?? path)
        // A version ETag ("3") must not move with hidden rows. A content-hash ETag (feeds) is a hash
        // of the body, which holds the other server's random ids; the body check below covers it.
        const fields = /^"\d+"$/.test(expected.etag) ? (['status', 'etag'] as const) : (['status'] as const)
        for (const field of fields) {
          if (answer[field] !== expected[field]) {
            fail(
              principal,
              field,
              path,
              `${expected[field]} without the hidden rows, ${answer[field]} with them`,
            )
          }
        }
        // The body check names the field that differs (body:parentId), so that a known failure in
        // one field cannot hide a new leak in another.
        if (answer.normalised !== expected.normalised) {
          for (const field of differingFields(expected, answer)) {
            fail(
              principal,
              `body:${field}`,
              path,
              `differs from the server without the hidden rows: ${firstDifference(expected.normalised, answer.normalised)}`,
            )
          }
        }
      }
    }
    // Positive control: at least one request of the route shows staff and allies what is hidden
    // from the others, unless the route cannot hold it (named here).
    const cannotHoldHidden = new Set([
      'GET /api/v1/session',
      // Single sign-on: configured providers and redirects, never records.
      'GET /api/v1/session/providers',
      'GET /api/v1/session/oidc/{provider}/start',
      'GET /api/v1/session/oidc/{provider}/callback',
      'GET /api/v1/members',
      'GET /api/v1/frameworks',
      'GET /api/v1/calendar-feed',
      'GET /api/v1/users',
      'GET /api/v1/users/{id}',
      'GET /api/v1/programmes/{id}/versions',
      'GET /api/v1/programmes/{id}/progress',
      'GET /api/v1/programmes/{id}/diff',
      'GET /api/v1/programmes/{id}/document.{format}',
      'GET /api/v1/programmes/portfolio',
      'GET /api/v1/analytics/engagements',
      'GET /api/v1/analytics/engagements/{series}.csv',
      'GET /api/v1/partners',
      'GET /api/v1/partners.csv',
      'GET /api/v1/members.csv',
      'GET /api/v1/frameworks.csv',
      // Zones and working hours only; a hidden partner would resolve as an unknown place.
      'GET /api/v1/scheduling/shared-hours',
      // Only staff cleared to the top read it (all or nothing); the fixtures are not audited.
      'GET /api/v1/audit',
      'GET /api/v1/audit.csv',
      // A verdict over the whole chain: counts and positions only, for the same top-cleared readers.
      'GET /api/v1/audit/verify',
      // An event stream sends ids and versions, never content; its 200/404 is what is guarded.
      'GET /api/v1/proposals/{id}/events',
      // An import job holds row numbers, field names and messages, never a record's content.
      'GET /api/v1/imports/{id}',
      'GET /api/v1/imports',
      // Probes: status, engine and a migration count, never data.
      'GET /healthz',
      'GET /readyz',
    ])
    if (!cannotHoldHidden.has(key) && !seenByStaff.includes(confidentialMarker)) {
      fail('staff', 'control', routePattern(key), `staff and allies never see ${confidentialMarker}`)
    }
    const expectedFailures = [...knownFailures]
      .filter((entry) => {
        const [entryEngine, route] = entry.split('|')
        return route === key && (entryEngine === '*' || entryEngine === engine)
      })
      .map((entry) => entry.split('|').slice(2).join('|'))
      .sort()
    const stillFailing = [...failures].sort()
    expect(
      {
        failures: stillFailing,
        details: messages.filter((m) => !expectedFailures.some((e) => m.startsWith(`${e}:`))),
      },
      'a failure outside knownFailures is a leak; a known failure that passes must be removed from the list',
    ).toEqual({ failures: expectedFailures, details: [] })
  })

  // The public portal (/public, outside the API document) shows everyone the public's view: every
  // principal, staff included, must get from `full` exactly what `plain` answers.
  it('serves the public portal alike with and without the hidden rows, to every principal', async () => {
    const hiddenProgrammes = ['programme-confidential', 'programme-korea'].map(
      (label) => `/public/programmes/${full.fixtures.ids.get(label) ?? label}`,
    )
    const paths = [
      '/public',
      '/public/statements',
      ...['JPN', 'KOR', 'MNG', 'XCF', 'XKR'].map((code) => `/public/partners/${code}`),
      ...['ip4', 'pag', 'hidden-confidential-framework', 'hidden-korea-framework'].map(
        (id) => `/public/frameworks/${id}`,
      ),
      '/public/programmes/jpn-itpp-2023',
      '/public/programmes/kor-itpp-2023',
      ...hiddenProgrammes,
    ]
    const differing: string[] = []
    for (const principal of principals) {
      for (const path of paths) {
        const answer = await ask(full, full, principal, path)
        const expected = await ask(plain, full, principal, path)
        if (
          answer.status !== expected.status ||
          answer.normalised !== expected.normalised ||
          answer.text.includes(confidentialMarker) ||
          answer.text.includes(koreaMarker)
        ) {
          differing.push(`${principal} ${path}: ${firstDifference(expected.normalised, answer.normalised)}`)
        }
      }
    }
    expect(differing).toEqual([])
    // The guard can fail: staff's API answer holds what the portal leaves out.
    expect((await ask(full, full, 'staff', '/api/v1/partners/XCF')).status).toBe(200)
  })

  it('banner-marks staff pages with the hidden rows they contain', async () => {
    const visible = full.fixtures.ids.get('engagement-public') ?? ''
    const token = full.tokens.staff ?? ''
    // Each answer holds (or counts) a CONFIDENTIAL row only staff and allies see: an engagement, a
    // participation (Mongolia's, in the PUBLIC engagement), a membership (Mongolia's in IP4), a
    // relationship event, a statement or a node. Its banner must say so.
    const pages: Record<string, string> = {
      'engagement list': '/api/v1/engagements?from=2026-03-01&to=2026-03-31',
      'engagement list, hidden rows off the page':
        '/api/v1/engagements?from=2026-03-01&to=2026-03-31&limit=1',
      'engagement list past the last page': '/api/v1/engagements?from=2026-03-01&to=2026-03-31&offset=100',
      'engagement list of a hidden participation': '/api/v1/engagements?partner=MNG',
      'engagement list of a hidden membership':
        '/api/v1/engagements?framework=ip4&from=2026-03-04&to=2026-03-04',
      'statement list': '/api/v1/statements',
      'framework list counting a hidden membership': '/api/v1/frameworks',
      'framework detail': '/api/v1/frameworks/ip4',
      'partner list counting hidden events': '/api/v1/partners?q=japan',
      'partner list of a hidden membership': '/api/v1/partners?framework=ip4&q=mongol',
      'partner detail': '/api/v1/partners/JPN',
      'public engagement with a hidden participation': `/api/v1/engagements/${visible}`,
      'statements of the public engagement': `/api/v1/statements?engagement=${visible}`,
      'programme with hidden nodes': '/api/v1/programmes/jpn-itpp-2023',
      'analytics of a hidden participation': '/api/v1/analytics/engagements?partner=MNG',
      'analytics of a hidden membership': '/api/v1/analytics/engagements?framework=ip4',
      'analytics CSV of a hidden participation': '/api/v1/analytics/engagements/levels.csv?partner=MNG',
      'export of everything': '/api/v1/export',
      'engagement CSV of a hidden participation': '/api/v1/engagements.csv?partner=MNG',
      'statement CSV': '/api/v1/statements.csv',
      'framework CSV counting a hidden membership': '/api/v1/frameworks.csv',
      'partner CSV of a hidden membership': '/api/v1/partners.csv?framework=ip4&q=mongol',
      'feed of a hidden participation': `/api/v1/calendar/${token}/partners/MNG.ics`,
      'feed event with a hidden participation': `/api/v1/calendar/${token}/partners/JPN.ics#${visible}`,
      'feed of a hidden membership': `/api/v1/calendar/${token}/frameworks/ip4.ics`,
      'feed of everything with a hidden participation': `/api/v1/calendar/${token}/all.ics#${visible}`,
    }
    const failing: string[] = []
    for (const [name, path] of Object.entries(pages)) {
      const [target, event] = path.split('#')
      const answer = await ask(full, full, 'staff', target ?? path)
      if (bannerOf(answer, event) !== 'CONFIDENTIAL') {
        failing.push(`banner|${name}`)
      }
    }
    const known = [...knownFailures]
      .filter((entry) => entry.split('|')[1] === 'banner')
      .filter((entry) => ['*', engine].includes(entry.split('|')[0] ?? ''))
      .map((entry) => entry.split('|').slice(1).join('|'))
    expect(failing.sort()).toEqual(known.sort())
  })
})

/**
 * The classification an answer is marked with: a JSON page's `pageMarking` (an engagement page)
 * or `marking`; a CSV's `marking` column on its first row; a feed's X-LIAISON-MARKING, or with
 * `event` the marking in the DESCRIPTION of the VEVENT whose UID starts with it (checked against
 * its CLASS).
 */
function bannerOf(answer: Answer, event?: string): string | undefined {
  if (answer.type.includes('json')) {
    const body = JSON.parse(answer.text) as Record<string, { classification?: string } | undefined>
    return (body.pageMarking ?? body.marking)?.classification
  }
  if (answer.type.includes('csv')) {
    return answer.text.split('\r\n')[1]?.split(',').at(-1)?.split(' ')[0]
  }
  // Unfolded (RFC 5545 §3.1) so that a long DESCRIPTION reads as one line.
  const lines = answer.text.replaceAll('\r\n ', '').split('\r\n')
  if (event === undefined) {
    return lines
      .find((line) => line.startsWith('X-LIAISON-MARKING:'))
      ?.slice(18)
      .split(' ')[0]
  }
  const start = lines.indexOf(lines.find((line) => line.startsWith(`UID:${event}`)) ?? '')
  const block = start < 0 ? [] : lines.slice(start, lines.indexOf('END:VEVENT', start))
  const described = block
    .find((line) => line.startsWith('DESCRIPTION:'))
    ?.slice(12)
    .split(' ')[0]
  const classOf = block.find((line) => line.startsWith('CLASS:'))?.slice(6)
  return classOf === 'CONFIDENTIAL' ? described : `${described} with CLASS:${classOf}`
}

/** The last named segment of a JSON pointer: /items/3/parentId → parentId. */
function fieldName(pointer: readonly (string | number)[]): string {
  const named = pointer.filter((segment): segment is string => typeof segment === 'string')
  return named.at(-1) ?? '(root)'
}

/** The fields (by name) in which two JSON documents differ; "text" when either is not JSON. */
function differingFields(expected: Answer, actual: Answer): string[] {
  let left: unknown
  let right: unknown
  try {
    left = JSON.parse(expected.normalised)
    right = JSON.parse(actual.normalised)
  } catch {
    return ['text']
  }
  const found = new Set<string>()
  const walk = (a: unknown, b: unknown, pointer: (string | number)[]) => {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        found.add(fieldName(pointer))
        return
      }
      a.forEach((item, index) => {
        walk(item, b[index], [...pointer, index])
      })
    } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)])
      for (const key of keys) {
        walk(Reflect.get(a, key), Reflect.get(b, key), [...pointer, key])
      }
    } else if (a !== b) {
      found.add(fieldName(pointer))
    }
  }
  walk(left, right, [])
  return [...found].sort()
}

/** The names of the fields whose string value holds `needle`. */
function fieldsHolding(value: unknown, needle: string, pointer: (string | number)[] = []): string[] {
  if (typeof value === 'string') {
    return value.includes(needle) ? [fieldName(pointer)] : []
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => fieldsHolding(item, needle, [...pointer, index]))
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => fieldsHolding(item, needle, [...pointer, key]))
  }
  return []
}

function firstDifference(expected: string, actual: string): string {
  let at = 0
  while (at < expected.length && expected[at] === actual[at]) {
    at += 1
  }
  const from = Math.max(0, at - 60)
  return `expected …${expected.slice(from, at + 80)}… got …${actual.slice(from, at + 80)}…`
}
