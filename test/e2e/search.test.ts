import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// The built app (npm run build → dist/web) served by the real server over a real SQLite file.
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

async function signedIn(username: string, width: number, path: string): Promise<Page> {
  const page = await browser.newPage({ width, height: 900 })
  await signInThroughForm(page, server.url, username, { next: path })
  return page
}

describe('search in the web app (Chromium)', () => {
  for (const width of [1366, 390]) {
    it(`finds Tokyo from the header with the keyboard, filters and highlights at ${width} px`, async () => {
      const page = await signedIn('kor', width, '/partners')
      await page.getByRole('heading', { name: 'Partners' }).first().waitFor()
      // "/" focuses the header box from anywhere; Enter opens the results page.
      await page.locator('body').press('/')
      const box = page.getByRole('searchbox', { name: 'Search everything (press / to focus)' })
      await eventually(() => box.evaluate((element) => element === document.activeElement)).toBe(true)
      await page.keyboard.type('tokyo')
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/search\?q=tokyo/)
      const results = page.getByTestId('search-results')
      await results.waitFor()
      await eventually(async () => (await results.locator('mark').first().textContent()) ?? '').toMatch(
        /^tokyo/i,
      )
      expect(await runAxe(page)).toEqual([])
      await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.screenshot({ path: `/tmp/liaison-search-${width}.png`, fullPage: true })

      await page.getByLabel('Kind of record').selectOption('event')
      await page.waitForURL(/type=event/)
      // Some results, every one an event (an empty list, while the answer is on its way, is not it).
      await eventually(async () => {
        const kinds = await results.locator('.search-kind').allTextContents()
        return kinds.length > 0 && kinds.every((k) => k === 'Relationship event')
      }).toBe(true)

      await box.fill('qwxzvbnonesuch')
      await box.press('Enter')
      await page.getByText(/Nothing found for/).waitFor()
      expect(await runAxe(page)).toEqual([])
      await page.close()
    })
  }
})
