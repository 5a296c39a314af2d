import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// The built app over a real SQLite file: every list page offers its rows as CSV, with the page's
// filters, and the file (read by an independent CSV parser) holds the rows the list shows.
let server: TestServer
let browser: LaunchedBrowser

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signedIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport)
  await signInThroughForm(page, server.url, username)
  return page
}

/** Follows the page's CSV link with the page's own session and parses the file. */
async function download(page: Page, name: RegExp): Promise<{ href: string; rows: Record<string, string>[] }> {
  const link = page.getByRole('link', { name })
  await link.waitFor()
  const href = (await link.getAttribute('href')) ?? ''
  const response = await page.request.get(`${server.url}${href}`)
  expect(response.status(), href).toBe(200)
  expect(response.headers()['content-type'], href).toMatch(/^text\/csv/)
  const text = await response.text()
  expect(text.startsWith('\uFEFF'), href).toBe(true)
  return { href, rows: parse(text, { bom: true, columns: true }) as Record<string, string>[] }
}

const pages: readonly (readonly [string, string, RegExp])[] = [
  ['/partners', 'Partners', /Download CSV of the partners shown/],
  ['/frameworks', 'Frameworks', /Download CSV of the frameworks/],
  ['/members', 'Members', /Download CSV of the member states/],
  ['/programmes', 'Programmes', /Download CSV of the programmes/],
  ['/engagements?view=list', 'Engagements', /Download CSV of the engagements shown/],
  ['/statements', 'Statements', /Download CSV of the statements shown/],
  ['/proposals', 'Decisions', /Download CSV of the proposals/],
  ['/offices', 'Liaison offices', /Download CSV of the liaison offices/],
]

describe('CSV downloads of the list pages (Chromium)', () => {
  it('offers every list as CSV, each file marked and holding rows, and the pages stay axe clean', async () => {
    const page = await signedIn('staff', { width: 1366, height: 900 })
    for (const [path, title, name] of pages) {
      await page.goto(`${server.url}${path}`)
      await page.getByRole('heading', { name: title, level: 1 }).waitFor()
      const { href, rows } = await download(page, name)
      expect(rows.length, href).toBeGreaterThan(0)
      expect(rows[0]?.marking, href).toMatch(/^(PUBLIC|UNCLASSIFIED|RESTRICTED|CONFIDENTIAL)/)
      expect(rows[0]?.recordMarking, href).toMatch(/^(PUBLIC|UNCLASSIFIED|RESTRICTED|CONFIDENTIAL)/)
      // Some lists render their heading and link while the rows still load: axe reads the page
      // once no loading indicator is left.
      await eventually(() => page.locator('.loading').count()).toBe(0)
      expect(await runAxe(page), path).toEqual([])
    }
    await page.close()
  }, 180_000)

  it('keeps the list’s filter in the download: the IP4 partners, as the list shows them', async () => {
    const page = await signedIn('kor', { width: 1366, height: 900 })
    await page.goto(`${server.url}/partners?framework=ip4`)
    await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor()
    // The link carries the filter once the list has read it from the address.
    await eventually(() =>
      page.getByRole('link', { name: /Download CSV of the partners shown/ }).getAttribute('href'),
    ).toContain('framework=ip4')
    const { href, rows } = await download(page, /Download CSV of the partners shown/)
    expect(href).toContain('framework=ip4')
    const listed = await page.request.get(`${server.url}/api/v1/partners?framework=ip4&limit=500`)
    const list = (await listed.json()) as { items: { code: string }[]; total: number }
    expect(rows.map((row) => row.code).sort()).toEqual(list.items.map((item) => item.code).sort())
    expect(rows.length).toBe(list.total)
    await page.close()
  })

  it('fits a 390 px screen: the download beside the create button wraps, no page-wide scroll', async () => {
    const page = await signedIn('staff', { width: 390, height: 844 })
    await page.goto(`${server.url}/engagements?view=list`)
    await page.getByRole('link', { name: /Download CSV of the engagements shown/ }).waitFor()
    // The create link follows the session's abilities, which may arrive after the list.
    await page.getByRole('link', { name: 'Record an engagement' }).waitFor({ state: 'visible' })
    // And the rows themselves: the width is measured, and axe run, on the whole page.
    await eventually(() => page.locator('.loading').count()).toBe(0)
    await eventually(() =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })
})
