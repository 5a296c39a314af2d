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

async function open(path: string): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${server.url}${path}`)
  return page
}

async function signedIn(username: string, path: string): Promise<Page> {
  const page = await browser.newPage()
  await signInThroughForm(page, server.url, username, { next: path })
  return page
}

describe('engagements in the web app (Chromium)', () => {
  it('charts the IP4 rise to leaders level from 2022, with a table of the same numbers', async () => {
    const page = await open('/analytics?scope=framework:ip4')
    await page.getByRole('heading', { name: 'Engagements per year by level' }).waitFor()
    const chart = page.getByRole('img', { name: /per year by level/ })
    await chart.waitFor()
    await eventually(() => chart.getAttribute('aria-label')).toContain('Leaders level from 2022')
    await eventually(() => chart.locator('svg').count()).toBe(1)
    const table = page.getByTestId('analytics-years')
    const leaders = (year: number) =>
      table.locator(`tr[data-year="${year}"] td[data-level="heads-of-state-government"]`).textContent()
    await eventually(() => leaders(2021)).toBe('0')
    await eventually(async () => Number(await leaders(2022))).toBeGreaterThan(0)
    await eventually(async () => Number(await leaders(2023))).toBeGreaterThan(0)
    await eventually(() => page.getByTestId('analytics-overall').textContent()).toContain('2022')
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('shows the Madrid summit with the four IP4 leaders, the sideline meeting and no joint statement', async () => {
    const page = await open('/engagements/summit-2022-madrid')
    await page.getByRole('heading', { name: 'Madrid Summit', level: 1 }).waitFor()
    const people = page.getByTestId('participants').locator('tbody td:first-of-type')
    await eventually(() => people.allTextContents()).toEqual([
      'Anthony Albanese',
      'Fumio Kishida',
      'Jacinda Ardern',
      'Yoon Suk Yeol',
    ])
    const sidelines = page.getByTestId('sidelines')
    await eventually(() => sidelines.textContent()).toContain(
      'IP4 leaders’ meeting on the Madrid sidelines'.replace('’', "'"),
    )
    const none = sidelines.locator('[data-status="not-issued"]')
    await eventually(() => none.textContent()).toContain('No joint statement')
    await eventually(() => page.getByText('NATO 2022 Strategic Concept').count()).toBeGreaterThan(0)
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

  it('keeps what was typed when the engagement changed meanwhile, and saves it over the new version', async () => {
    const id = 'summit-2024-washington'
    const page = await signedIn('staff', `/engagements/${id}/edit`)
    const summary = page.getByLabel('Summary')
    await summary.waitFor()
    await summary.fill('Summary as the desk officer wrote it')
    // Someone else changes the same engagement after the form was filled.
    const cookie = await server.signIn('staff')
    const read = await fetch(`${server.url}/api/v1/engagements/${id}`, { headers: { cookie } })
    const changed = await fetch(`${server.url}/api/v1/engagements/${id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'if-match': read.headers.get('etag') ?? '' },
      body: JSON.stringify({ summary: 'Changed elsewhere' }),
    })
    expect(changed.status).toBe(200)
    await page.getByRole('button', { name: 'Save engagement' }).click()
    await page.getByRole('alert').getByText('Changed by someone else.').waitFor()
    await eventually(() => summary.inputValue()).toBe('Summary as the desk officer wrote it')
    expect(await runAxe(page)).toEqual([])
    // Saving again is deliberate: it goes with the version the page has read since.
    await page.getByRole('button', { name: 'Save engagement' }).click()
    await page.waitForURL(`${server.url}/engagements/${id}`)
    const stored = await fetch(`${server.url}/api/v1/engagements/${id}`, { headers: { cookie } })
    expect((await stored.json()).summary).toBe('Summary as the desk officer wrote it')
    await page.close()
  })

  it('shows a write refused for an ended session as signed out, with what to do', async () => {
    const page = await signedIn('staff', '/engagements/summit-2024-washington/edit')
    const summary = page.getByLabel('Summary')
    await summary.waitFor()
    // The session ends behind the page's back (signed out in another tab).
    expect((await page.request.delete(`${server.url}/api/v1/session`)).status()).toBe(204)
    await summary.fill('Typed after the session ended')
    await page.getByRole('button', { name: 'Save engagement' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'sign in again' })
    await alert.waitFor()
    await page.getByRole('link', { name: 'Sign in' }).waitFor()
    await eventually(() => summary.inputValue()).toBe('Typed after the session ended')
    await page.close()
  })
})
