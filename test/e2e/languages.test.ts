import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// English and French (issue 12 item 5): the switch in the header, remembered across reloads, the
// browser's language as the default, <html lang> following, axe clean at both widths.
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

/** A page whose browser prefers `languages`, with no remembered choice (pages share one profile). */
async function open(path: string, viewport: { width: number; height: number }, languages = ['en-GB', 'en']) {
  const page = await browser.newPage(viewport)
  await page.addInitScript((preferred: string[]) => {
    Object.defineProperty(navigator, 'languages', { get: () => preferred })
  }, languages)
  await page.goto(`${server.url}/`)
  await page.evaluate(() => window.localStorage.clear())
  await page.goto(`${server.url}${path}`)
  return page
}

function heading(page: Page) {
  return page.getByRole('heading', { level: 1 })
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth)
}

describe.each([
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
])('languages at $width px (Chromium)', (viewport) => {
  it('switches to French, stays French after a reload, and sets <html lang="fr">', async () => {
    const page = await open('/members', viewport)
    await eventually(() => heading(page).textContent()).toBe('Members')
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('en')

    const french = page.getByRole('button', { name: 'FR Français' })
    await eventually(() => french.getAttribute('aria-pressed')).toBe('false')
    await french.click()
    await eventually(() => heading(page).textContent()).toBe('Membres')
    await eventually(() => french.getAttribute('aria-pressed')).toBe('true')
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('fr')
    await page.getByRole('heading', { name: 'Croissance de l’Alliance' }).waitFor()
    await eventually(() => page.getByRole('group', { name: 'Langue' }).isVisible()).toBe(true)

    await page.reload()
    await eventually(() => heading(page).textContent()).toBe('Membres')
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('fr')
    // The choice is also a cookie, so the server's documents and CSV follow it.
    await eventually(
      async () => (await browser.context.cookies(server.url)).find((c) => c.name === 'liaison-lang')?.value,
    ).toBe('fr')
    // The page's own data (the growth chart) has arrived before axe and the width are judged.
    await page.getByRole('heading', { name: 'Croissance de l’Alliance' }).waitFor()
    await page.getByRole('img', { name: /^Adhésions par année : / }).waitFor()
    expect(await runAxe(page)).toEqual([])
    await eventually(() => pageWidth(page)).toBeLessThanOrEqual(viewport.width)

    await page.getByRole('button', { name: 'EN English' }).click()
    await eventually(() => heading(page).textContent()).toBe('Members')
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.close()
  })

  it('opens in French for a browser that prefers French', async () => {
    const page = await open('/programmes/no-such-programme', viewport, ['fr-BE', 'fr', 'en'])
    await page.getByRole('heading', { name: 'Programme introuvable' }).waitFor()
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('fr')
    expect(await runAxe(page)).toEqual([])
    await page.goto(`${server.url}/partners`)
    await eventually(() => heading(page).textContent()).toBe('Partenaires')
    // The partners' table has arrived before the width is judged.
    await page.locator('table a[href="/partners/JPN"]').first().waitFor({ state: 'attached' })
    await eventually(() => pageWidth(page)).toBeLessThanOrEqual(viewport.width)
    // Words that used to stay English in French: the header's areas, the CSV link's name, a chart's.
    const nav = page.getByRole('navigation', { name: 'Principale' })
    await eventually(() =>
      nav.getByRole('link', { name: 'Rencontres', exact: true, includeHidden: true }).count(),
    ).toBe(1)
    await page.getByRole('link', { name: 'Télécharger le CSV des partenaires affichés' }).waitFor()
    await page.goto(`${server.url}/members`)
    await page.getByRole('img', { name: /^Adhésions par année : \d+ élargissements de 1949 à/ }).waitFor()
    await page.close()
  })
})
