import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
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

async function open(path: string): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${server.url}${path}`)
  return page
}

/** Retries an assertion for up to 10 s: the app fetches after the page loads. */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 10_000 })
}

describe('engagements in the web app (Chromium)', () => {
  it('charts the IP4 rise to leaders level from 2022, with a table of the same numbers', async () => {
    const page = await open('/analytics?scope=framework:ip4')
    await page.getByRole('heading', { name: 'Engagements per year by level' }).waitFor()
    const chart = page.getByRole('img', { name: /per year by level/ })
    await chart.waitFor()
    expect(await chart.getAttribute('aria-label')).toContain('Leaders level from 2022')
    expect(await chart.locator('svg').count()).toBe(1)
    const table = page.getByTestId('analytics-years')
    const leaders = (year: number) =>
      table.locator(`tr[data-year="${year}"] td[data-level="heads-of-state-government"]`).textContent()
    await eventually(() => leaders(2021)).toBe('0')
    expect(Number(await leaders(2022))).toBeGreaterThan(0)
    expect(Number(await leaders(2023))).toBeGreaterThan(0)
    expect(await page.getByTestId('analytics-overall').textContent()).toContain('2022')
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('shows the Madrid summit with the four IP4 leaders, the sideline meeting and no joint statement', async () => {
    const page = await open('/engagements/summit-2022-madrid')
    await page.getByRole('heading', { name: 'Madrid Summit', level: 1 }).waitFor()
    const people = await page.getByTestId('participants').locator('tbody td:first-of-type').allTextContents()
    expect(people).toEqual(['Anthony Albanese', 'Fumio Kishida', 'Jacinda Ardern', 'Yoon Suk Yeol'])
    const sidelines = page.getByTestId('sidelines')
    expect(await sidelines.textContent()).toContain(
      'IP4 leaders’ meeting on the Madrid sidelines'.replace('’', "'"),
    )
    const none = sidelines.locator('[data-status="not-issued"]')
    expect(await none.textContent()).toContain('No joint statement')
    expect(await page.getByText('NATO 2022 Strategic Concept').count()).toBeGreaterThan(0)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('lists engagements with filters and a month grid, accessibly', async () => {
    const page = await open('/engagements?partner=JPN&view=month&month=2022-06')
    const grid = page.getByTestId('month-grid')
    await grid.waitFor()
    await eventually(() => grid.textContent()).toContain('Madrid Summit')
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })
})
