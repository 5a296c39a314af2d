import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { wellFormedProblems } from '../support/html-wellformed.ts'
import { addLeakFixtures, confidentialMarker, type Fixtures, koreaMarker } from '../support/leak-fixtures.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

interface Page {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/**
 * The public portal over the demo data and the leak guard's fixtures, visible and hidden (CONFIDENTIAL
 * alliance-only, and RESTRICTED released to Korea only). Every page the portal links to is crawled,
 * as the public and as staff (the portal shows everyone the public's view).
 */
describe.each(engines)('the public portal on %s', (engine) => {
  let server: TestServer
  let fixtures: Fixtures
  let staff: string
  const crawled = new Map<string, Page>()

  const get = async (path: string, headers: Record<string, string> = {}): Promise<Page> => {
    const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
    return { status: response.status, headers: response.headers, text: await response.text() }
  }

  /** Every /public address reachable by links from the overview, and the hidden records' would-be pages. */
  async function crawl(cookie: string): Promise<Map<string, Page>> {
    const pages = new Map<string, Page>()
    const queue = [
      '/public',
      ...['confidential', 'korea'].map((set) => `/public/programmes/${fixtures.ids.get(`programme-${set}`)}`),
      '/public/partners/XCF',
      '/public/partners/XKR',
      '/public/frameworks/hidden-confidential-framework',
      '/public/frameworks/hidden-korea-framework',
      '/public/statements?page=2',
    ]
    while (queue.length > 0) {
      const path = queue.shift() ?? ''
      if (pages.has(path)) continue
      const page = await get(path, cookie === '' ? {} : { cookie })
      pages.set(path, page)
      for (const [, href] of page.text.matchAll(/href="([^"]+)"/g)) {
        const target = (href ?? '').replaceAll('&amp;', '&')
        if (target.startsWith('/public') && !target.endsWith('.css') && !pages.has(target)) queue.push(target)
      }
    }
    return pages
  }

  beforeAll(async () => {
    server = await startTestServer(engine)
    fixtures = await addLeakFixtures(server, ['korea', 'confidential'])
    staff = await server.signIn('staff')
    for (const [path, page] of await crawl('')) crawled.set(path, page)
  }, 120_000)
  afterAll(() => server?.close())

  it('shows what is PUBLIC: partners, frameworks, programmes, engagements and issued statements', async () => {
    const overview = crawled.get('/public')
    expect(overview?.status).toBe(200)
    expect(overview?.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const text = overview?.text ?? ''
    // The same store functions as the API, with the public principal: what the API shows a signed-out visitor.
    const partners = (await (await fetch(`${server.url}/api/v1/partners?limit=200`)).json()) as {
      items: { code: string; name: string }[]
    }
    expect(partners.items.length).toBeGreaterThan(3)
    for (const partner of partners.items) {
      expect(text).toContain(`href="/public/partners/${partner.code}"`)
    }
    const programmes = (await (await fetch(`${server.url}/api/v1/programmes`)).json()) as {
      items: { id: string }[]
    }
    expect(programmes.items.length).toBeGreaterThan(0)
    for (const programme of programmes.items) {
      expect(crawled.get(`/public/programmes/${programme.id}`)?.status).toBe(200)
    }
    expect(text).toContain('Indo-Pacific')
    expect(text).toContain('Summits and meetings')
    expect(crawled.get('/public/partners/MNG')?.text).toContain('Visible public engagement')
    expect(crawled.get('/public/statements')?.text).toContain('Visible statement')
    expect(crawled.get('/public/partners/JPN')?.text).toContain('<h1>Japan</h1>')
    const ip4 = crawled.get('/public/frameworks/ip4')
    expect(ip4?.status).toBe(200)
    for (const code of ['AUS', 'JPN', 'KOR', 'NZL'])
      expect(ip4?.text).toContain(`href="/public/partners/${code}"`)
  })

  it('puts a programme’s public-diplomacy element first, then its public objectives', async () => {
    const page = crawled.get('/public/programmes/jpn-itpp-2023')
    expect(page?.status).toBe(200)
    const text = page?.text ?? ''
    const diplomacy = text.indexOf('id="public-diplomacy"')
    expect(diplomacy).toBeGreaterThan(0)
    expect(diplomacy).toBeLessThan(text.indexOf('id="objectives"'))
    expect(text).toContain('objective')
    // Milestones of the public goals, as the API shows the public.
    const api = (await (await fetch(`${server.url}/api/v1/programmes/jpn-itpp-2023`)).json()) as {
      objectives: { goals: { milestones: { title: string }[] }[] }[]
    }
    const milestones = api.objectives.flatMap((o) => o.goals.flatMap((g) => g.milestones.map((m) => m.title)))
    expect(milestones.length).toBeGreaterThan(0)
    for (const title of milestones) expect(text).toContain(title.replaceAll("'", '&#39;'))
  })

  it('escapes what records hold: a PUBLIC title with markup is shown as text', async () => {
    const created = await fetch(`${server.url}/api/v1/statements`, {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'press-release',
        status: 'issued',
        title: '<script>alert("x")</script> & <b onmouseover=alert(1)>bold</b>',
        issuedOn: '2026-03-08',
        issuers: ['NATO'],
        marking: { classification: 'PUBLIC', releasableTo: [] },
      }),
    })
    expect(created.status).toBe(201)
    const page = await get('/public/statements')
    expect(page.text).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onmouseover=alert(1)&gt;bold&lt;/b&gt;',
    )
    expect(page.text).not.toMatch(/<script|<b /i)
    expect(wellFormedProblems(page.text)).toEqual([])
  })

  it('never shows a hidden record on any page, nor its id, and answers its own address as unknown', async () => {
    expect(crawled.size).toBeGreaterThan(10)
    const hidden = [...fixtures.hiddenIds.confidential, ...fixtures.hiddenIds.korea]
    expect(hidden.length).toBeGreaterThan(4)
    for (const [path, page] of crawled) {
      expect(page.status, path).toBeLessThan(500)
      expect(page.text, path).not.toContain(confidentialMarker)
      expect(page.text, path).not.toContain(koreaMarker)
      for (const id of hidden) {
        if (!path.includes(id)) expect(page.text, `${path} holds ${id}`).not.toContain(id)
      }
    }
    for (const path of [
      `/public/programmes/${fixtures.ids.get('programme-confidential')}`,
      `/public/programmes/${fixtures.ids.get('programme-korea')}`,
      '/public/partners/XCF',
      '/public/partners/XKR',
      '/public/frameworks/hidden-confidential-framework',
      '/public/frameworks/hidden-korea-framework',
    ]) {
      expect(crawled.get(path)?.status, path).toBe(404)
      // Hidden and missing answer alike.
      expect(crawled.get(path)?.text).toBe((await get('/public/partners/ZZZ')).text)
    }
  })

  it('shows a signed-in staff user the public’s view, byte for byte', async () => {
    // Crawled afresh: other tests here add PUBLIC statements.
    const [asStaff, asPublic] = [await crawl(staff), await crawl('')]
    expect([...asStaff.keys()].sort()).toEqual([...asPublic.keys()].sort())
    for (const [path, page] of asStaff) {
      expect(page.text, path).toBe(asPublic.get(path)?.text)
    }
  })

  it('has no script, a strict policy, caching and a lang attribute on every page', () => {
    for (const [path, page] of crawled) {
      expect(page.text, path).not.toMatch(/<script/i)
      expect(page.text, path).not.toMatch(/\son[a-z]+=/i)
      expect(page.text, path).toMatch(/^<!doctype html>\n<html lang="en">/)
      expect(page.text, path).toContain('<a class="skip-link" href="#main">')
      // No sign-in control: no form, no link into the staff app.
      expect(page.text, path).not.toMatch(/<form|<input|<button/i)
      expect(page.text, path).not.toMatch(/href="\/(?!public)/)
      expect(page.text, path).not.toMatch(/sign in/i)
      const policy = page.headers.get('content-security-policy') ?? ''
      expect(policy, path).toContain("script-src 'none'")
      expect(policy, path).toContain("default-src 'none'")
      expect(policy, path).toContain("style-src 'self'")
      expect(policy, path).toContain("frame-ancestors 'none'")
      expect(page.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(page.headers.get('cache-control'), path).toBe('public, max-age=60')
    }
  })

  it('is well formed HTML on every page', () => {
    for (const [path, page] of crawled) {
      expect(wellFormedProblems(page.text), path).toEqual([])
    }
    // The checker can fail.
    expect(wellFormedProblems('<p><a href="/x">x</p></a> & <')).not.toEqual([])
  })

  it('answers a matching If-None-Match with 304 and a changed page with a new ETag', async () => {
    const first = await get('/public/statements')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    const again = await get('/public/statements', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect((await get('/public/statements', { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304)
    expect((await get('/public/statements', { 'if-none-match': '"other"' })).status).toBe(200)
    // A PUBLIC statement issued now changes the page and its tag.
    const created = await fetch(`${server.url}/api/v1/statements`, {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'press-release',
        status: 'issued',
        title: 'Portal freshness check',
        issuedOn: '2026-03-07',
        issuers: ['NATO'],
        marking: { classification: 'PUBLIC', releasableTo: [] },
      }),
    })
    expect(created.status).toBe(201)
    const changed = await get('/public/statements', { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.text).toContain('Portal freshness check')
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('serves its stylesheet as a cacheable file, and unknown or malformed addresses as its own pages', async () => {
    const css = await get('/public/portal.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(css.headers.get('cache-control')).toBe('public, max-age=60')
    expect((await get('/public/portal.css', { 'if-none-match': css.headers.get('etag') ?? '' })).status).toBe(
      304,
    )
    const slash = await get('/public/')
    expect(slash.status).toBe(301)
    expect(slash.headers.get('location')).toBe('/public')
    for (const path of ['/public/nothing', '/public/partners/jpn', '/public/programmes/%3Cscript%3E']) {
      const page = await get(path)
      expect(page.status, path).toBe(404)
      expect(page.text, path).toContain('<h1>Not found</h1>')
      expect(page.text, path).not.toContain('<script')
    }
    for (const path of [
      '/public/statements?page=0',
      '/public/statements?page=x',
      '/public/statements?page=99999999',
    ]) {
      const page = await get(path)
      expect(page.status, path).toBe(400)
      expect(page.text, path).toContain('<h1>Bad request</h1>')
    }
  })

  it('sends a signed-out visit to / to the portal, and a signed-in one to the staff app', async () => {
    const out = await get('/')
    expect(out.status).toBe(302)
    expect(out.headers.get('location')).toBe('/public')
    const stale = await get('/', { cookie: 'liaison_session=not-a-session' })
    expect(stale.status).toBe(302)
    const signedIn = await get('/', { cookie: staff })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('content-type')).toContain('text/html')
    // The staff app's own sign-in page stays where it was.
    expect((await get('/sign-in')).status).toBe(200)
  })
})
