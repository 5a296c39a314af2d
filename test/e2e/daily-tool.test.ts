import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentMonth } from '../../web/src/lib/dates.ts'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { fixedNow, startTestServer, type TestServer } from '../support/server.ts'

// The defects of issue 12 that are about how pages look and behave, each checked in Chromium.
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

async function signedIn(username: string, path: string, width = 1366): Promise<Page> {
  const page = await browser.newPage({ width, height: 900 })
  await signInThroughForm(page, server.url, username, { next: path })
  return page
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the web app as a daily tool (Chromium)', () => {
  it.each([1366, 390])('opens the month view on this month, chips apart, within %i px', async (width) => {
    const page = await signedIn('staff', '/engagements?view=month', width)
    // The month may hold no engagement (an empty state then): the controls show either way.
    await page.getByLabel('Month').waitFor()
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
    await eventually(() => page.getByLabel('Month').inputValue()).toBe(currentMonth(fixedNow, zone))
    await eventually(async () => {
      const month = await page.locator('.month-chip').boundingBox()
      const next = await page.getByRole('button', { name: 'Next month' }).boundingBox()
      if (month === null) return 'no month chip'
      if (next === null) return 'no next-month button'
      return overlaps(month, next) ? 'overlapping' : 'apart'
    }).toBe('apart')
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    )
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('keeps the header navigation on one row at 1280 px, the rest under a keyboard "More"', async () => {
    const page = await signedIn('staff', '/partners', 1280)
    const nav = page.getByRole('navigation', { name: 'Primary' })
    const tops = () =>
      nav
        .locator('#primary-nav-list > li')
        .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top))
    await eventually(async () => new Set(await tops()).size).toBe(1)
    const more = nav.getByRole('button', { name: 'More' })
    await more.focus()
    await page.keyboard.press('Enter')
    await eventually(() => more.getAttribute('aria-expanded')).toBe('true')
    await nav.getByRole('link', { name: 'Analytics', exact: true }).waitFor({ state: 'visible' })
    await page.keyboard.press('Escape')
    await eventually(() => more.getAttribute('aria-expanded')).toBe('false')
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toContain('More')
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('shows a partner mission why it cannot record an engagement instead of the form', async () => {
    const page = await signedIn('jpn', '/engagements/new')
    await page.getByText('Engagements are recorded by alliance staff.', { exact: false }).waitFor()
    await eventually(() => page.getByRole('button', { name: 'Save engagement' }).count()).toBe(0)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('shows a partner mission its dashboard scoped to its country', async () => {
    const page = await signedIn('jpn', '/')
    await page.getByRole('heading', { level: 1, name: /^Good day/ }).waitFor()
    await page.getByText('What needs attention for JPN today.').waitFor()
    // Partners take no positions on proposals, so that box is not theirs.
    await page.getByRole('heading', { level: 2, name: /^Late and at-risk milestones/ }).waitFor()
    // Every card has its count once its list has come: then the page is what jpn sees.
    await eventually(() => page.locator('.dashboard-card:not(:has(.dashboard-count))').count()).toBe(0)
    await eventually(() => page.getByRole('heading', { name: /Proposals awaiting a position/ }).count()).toBe(
      0,
    )
    const programmes = await page.getByTestId('dashboard-milestones').getByRole('link').allTextContents()
    for (const title of programmes) expect(title).toMatch(/Japan/)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })
})
