import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// The public portal in Chromium, served by the real server (with the built staff app, so that / can
// be seen choosing between the two) over a real SQLite file.
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

const desktop = { width: 1366, height: 900 }
const phone = { width: 390, height: 844 }

/** Collects the console's CSP reports: the page must not try to run or load anything it may not. */
function refusals(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(message.text())
  })
  return seen
}

describe('the public portal (Chromium)', () => {
  it('sends a signed-out visit to / to the portal, and keeps /sign-in for staff', async () => {
    const page = await browser.newPage(desktop)
    await page.goto(`${server.url}/`)
    expect(new URL(page.url()).pathname).toBe('/public')
    await page.getByRole('heading', { level: 1, name: 'The Alliance’s partnerships' }).waitFor()
    expect(await page.getByRole('link', { name: /sign in/i }).count()).toBe(0)
    await signInThroughForm(page, server.url, 'staff')
    // Signed in, / is the staff app again.
    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    expect(new URL(page.url()).pathname).not.toBe('/public')
    await page.close()
  })

  for (const [name, viewport] of [
    ['desktop', desktop],
    ['390 px phone', phone],
  ] as const) {
    it(`is accessible and styled at ${name}, from the overview to a partner, a programme and the statements`, async () => {
      const page = await browser.newPage(viewport)
      const errors = refusals(page)
      await page.goto(`${server.url}/public`)
      // The stylesheet applied (the CSP allows our own file): the header has its dark background.
      expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        'rgb(8, 58, 115)',
      )
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
      expect(await page.evaluate(() => document.scripts.length)).toBe(0)
      expect(await runAxe(page)).toEqual([])
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      )
      const tag = name === 'desktop' ? 'desktop' : 'phone'
      await page.screenshot({ path: `/tmp/portal-overview-${tag}.png`, fullPage: false })

      // The skip link is the first stop and moves focus to the content.
      await page.keyboard.press('Tab')
      await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
      await page.keyboard.press('Enter')
      await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('main')

      // Each link is a new document: its heading shows while the rest may still be parsed and
      // styled, so axe waits for the load.
      await page.getByRole('link', { name: 'Japan', exact: true }).first().click()
      await page.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()
      await page.waitForLoadState()
      expect(await runAxe(page)).toEqual([])
      await page.screenshot({ path: `/tmp/portal-partner-${tag}.png`, fullPage: false })

      await page.locator('dd a[href="/public/frameworks/ip4"]').click()
      await page.getByRole('heading', { level: 2, name: 'Members' }).waitFor()
      await page.waitForLoadState()
      expect(await runAxe(page)).toEqual([])
      await page.screenshot({ path: `/tmp/portal-framework-${tag}.png`, fullPage: false })
      await page.goBack()
      await page.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()

      await page.locator('a[href="/public/programmes/jpn-itpp-2023"]').first().click()
      await page.getByRole('heading', { level: 2, name: 'Public diplomacy' }).waitFor()
      await page.waitForLoadState()
      expect(await runAxe(page)).toEqual([])
      await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      )
      await page.screenshot({ path: `/tmp/portal-programme-${tag}.png`, fullPage: true })

      await page.getByRole('link', { name: 'Statements', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Statements' }).waitFor()
      await page.waitForLoadState()
      await eventually(() =>
        page.getByRole('link', { name: 'Statements', exact: true }).getAttribute('aria-current'),
      ).toBe('page')
      expect(await runAxe(page)).toEqual([])
      expect(errors).toEqual([])
      await page.close()
    })
  }
})
