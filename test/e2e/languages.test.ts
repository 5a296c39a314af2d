import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
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
    await expect.poll(() => heading(page).textContent()).toBe('Members')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    const french = page.getByRole('button', { name: 'FR Français' })
    expect(await french.getAttribute('aria-pressed')).toBe('false')
    await french.click()
    await expect.poll(() => heading(page).textContent()).toBe('Membres')
    expect(await french.getAttribute('aria-pressed')).toBe('true')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    await page.getByRole('heading', { name: 'Croissance de l’Alliance' }).waitFor()
    expect(await page.getByRole('group', { name: 'Langue' }).isVisible()).toBe(true)

    await page.reload()
    await expect.poll(() => heading(page).textContent()).toBe('Membres')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    // The choice is also a cookie, so the server's documents and CSV follow it.
    expect((await browser.context.cookies(server.url)).find((c) => c.name === 'liaison-lang')?.value).toBe(
      'fr',
    )
    expect(await runAxe(page)).toEqual([])
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width)

    await page.getByRole('button', { name: 'EN English' }).click()
    await expect.poll(() => heading(page).textContent()).toBe('Members')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.close()
  })

  it('opens in French for a browser that prefers French', async () => {
    const page = await open('/programmes/no-such-programme', viewport, ['fr-BE', 'fr', 'en'])
    await page.getByRole('heading', { name: 'Programme introuvable' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    expect(await runAxe(page)).toEqual([])
    await page.goto(`${server.url}/partners`)
    await expect.poll(() => heading(page).textContent()).toBe('Partenaires')
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width)
    // Words that used to stay English in French: the header's areas, the CSV link's name, a chart's.
    const nav = page.getByRole('navigation', { name: 'Principale' })
    expect(
      await nav.getByRole('link', { name: 'Rencontres', exact: true, includeHidden: true }).count(),
    ).toBe(1)
    await page.getByRole('link', { name: 'Télécharger le CSV des partenaires affichés' }).waitFor()
    await page.goto(`${server.url}/members`)
    await page.getByRole('img', { name: /^Adhésions par année : \d+ élargissements de 1949 à/ }).waitFor()
    await page.close()
  })
})
