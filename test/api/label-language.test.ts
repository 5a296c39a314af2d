import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngagementList } from '../../src/contract/engagement.ts'
import { EngagementAnalyticsView } from '../../src/contract/engagement-analytics.ts'
import { EngagementDetail } from '../../src/contract/engagement-detail.ts'
import { StatementList } from '../../src/contract/engagement-statement.ts'
import { catalogues, isMessageKey } from '../../src/i18n/catalogue.ts'
import { type Locale, languageCookie } from '../../src/i18n/locale.ts'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/** The catalogue's word for a slug, in one language: what the web app shows for it. */
function word(locale: Locale, family: string, slug: string): string {
  const key = `label.${family}.${slug}`
  if (!isMessageKey(key)) throw new Error(`no ${key}`)
  return catalogues[locale][key]
}

// The API's `*Label` fields answer in the request's language, as its documents and CSV do: the
// switch's cookie first, then Accept-Language, else English.
describe.each(engines)('labels in the request language on %s', (engine) => {
  let server: TestServer
  let staff = ''

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
  })
  afterAll(() => server.close())

  async function read(path: string, headers: Record<string, string> = {}) {
    const cookie = [staff, headers.cookie].filter((part) => part !== undefined).join('; ')
    const response = await fetch(`${server.url}${path}`, { headers: { ...headers, cookie } })
    expect(response.status).toBe(200)
    return { vary: response.headers.get('vary') ?? '', body: (await response.json()) as unknown }
  }

  const cases: ReadonlyArray<{ name: string; headers: Record<string, string>; locale: Locale }> = [
    { name: 'no language asked: English', headers: {}, locale: 'en' },
    {
      name: 'Accept-Language fr-BE',
      headers: { 'accept-language': 'fr-BE,fr;q=0.9,en;q=0.5' },
      locale: 'fr',
    },
    {
      name: 'the switch says English over a French Accept-Language',
      headers: { 'accept-language': 'fr', cookie: `${languageCookie}=en` },
      locale: 'en',
    },
    { name: 'the switch says French', headers: { cookie: `${languageCookie}=fr` }, locale: 'fr' },
  ]

  it.each(cases)('engagement list and detail: $name', async ({ headers, locale }) => {
    const listed = await read('/api/v1/engagements?partner=JPN&kind=summit&limit=20', headers)
    expect(listed.vary.toLowerCase()).toContain('accept-language')
    const list = EngagementList.parse(listed.body)
    expect(list.items.length).toBeGreaterThan(0)
    for (const item of list.items) {
      expect(item.kindLabel).toBe(word(locale, 'engagementKind', item.kind))
      expect(item.levelLabel).toBe(word(locale, 'level', item.level))
      expect(item.formatLabel).toBe(word(locale, 'format', item.format))
    }
    const withStatements = await read('/api/v1/statements?limit=1', headers)
    const first = StatementList.parse(withStatements.body).items[0]
    expect(first?.engagementId).toBeTruthy()
    const detail = EngagementDetail.parse(
      (await read(`/api/v1/engagements/${first?.engagementId}`, headers)).body,
    )
    expect(detail.kindLabel).toBe(word(locale, 'engagementKind', detail.kind))
    expect(detail.participants.length).toBeGreaterThan(0)
    for (const participant of detail.participants) {
      expect(participant.levelLabel).toBe(word(locale, 'level', participant.level))
    }
    expect(detail.statements.length).toBeGreaterThan(0)
    for (const statement of detail.statements) {
      expect(statement.kindLabel).toBe(word(locale, 'statementKind', statement.kind))
      expect(statement.statusLabel).toBe(word(locale, 'statementStatus', statement.status))
    }
  })

  it.each(cases)('statements and analytics: $name', async ({ headers, locale }) => {
    const statements = StatementList.parse((await read('/api/v1/statements?limit=50', headers)).body)
    expect(statements.items.length).toBeGreaterThan(0)
    for (const statement of statements.items) {
      expect(statement.kindLabel).toBe(word(locale, 'statementKind', statement.kind))
      expect(statement.statusLabel).toBe(word(locale, 'statementStatus', statement.status))
    }
    const analytics = await read('/api/v1/analytics/engagements?partner=JPN', headers)
    expect(analytics.vary.toLowerCase()).toContain('accept-language')
    const view = EngagementAnalyticsView.parse(analytics.body)
    for (const level of [...view.levels, ...view.milestones]) {
      expect(level.label).toBe(word(locale, 'level', level.level))
    }
  })

  it('the French and English words differ, so the cases above can tell them apart', () => {
    expect(word('fr', 'engagementKind', 'summit')).not.toBe(word('en', 'engagementKind', 'summit'))
    expect(word('fr', 'level', 'ministers')).not.toBe(word('en', 'level', 'ministers'))
  })
})
