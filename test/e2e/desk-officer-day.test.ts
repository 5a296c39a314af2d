import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PortfolioView } from '../../src/contract/programme-view.ts'
import { milestonesNeedingAttention } from '../../web/src/features/dashboard/needs.ts'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

// One server (the built app over a real SQLite file) and one browser for the whole day.
let server: TestServer
let browser: LaunchedBrowser
let downloads: string

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  browser = await launchBrowser()
  downloads = await mkdtemp(join(tmpdir(), 'liaison-day-'))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(downloads, { recursive: true, force: true })
})

/** Every page of the day: no serious axe violation and nothing wider than the viewport. */
async function checkPage(page: Page, width: number, name: string) {
  // Read again until it fits: the layout may still change after the render the step waited for.
  await eventually(async () => {
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    return scrollWidth <= width ? 'fits' : `${name} is ${scrollWidth} px wide, wider than ${width} px`
  }).toBe('fits')
  expect(await runAxe(page), `axe on ${name}`).toEqual([])
}

const programme = '/programmes/jpn-itpp-2023'

describe.each([1366, 390])('a desk officer’s day at %i px (Chromium)', (width) => {
  it('signs in from a deep link, works from the dashboard to the programme PDF, then reads it in French', async () => {
    const page = await browser.newPage({ width, height: 900 })

    // A deep link followed signed out comes back to the same page after signing in.
    await page.goto(`${server.url}${programme}`)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page
      .getByRole('link', { name: /^Sign in/ })
      .first()
      .click()
    await page.getByLabel('Username').fill('staff')
    await page.getByLabel('Password').fill(testPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}${programme}`)
    await page.getByRole('heading', { level: 1, name: /Japan — Individually Tailored/ }).waitFor()

    // The dashboard: what needs me, recent changes, shortcuts.
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { level: 1, name: /^Good day/ }).waitFor()
    for (const title of [
      'Late and at-risk milestones',
      'Programme reviews due',
      'Proposals awaiting a position',
      'Latest engagements',
    ]) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) }).waitFor()
    }
    // Which milestones are late depends on the day (the test clock may be years away from the demo
    // programmes): the card lists what the portfolio says needs attention, or says nothing does.
    const portfolio = PortfolioView.parse(
      await page.evaluate(async () => (await fetch('/api/v1/programmes/portfolio')).json()),
    )
    const needing = milestonesNeedingAttention(portfolio.items, { kind: 'staff', country: null })
    const milestones = page.getByTestId('dashboard-milestones')
    if (needing.length > 0) {
      await milestones.getByRole('link', { name: needing[0]?.title }).first().waitFor()
    } else {
      await milestones.getByText('No milestone is late or at risk.').waitFor()
    }
    await page.getByTestId('dashboard-recent-engagements').getByRole('link').first().waitFor()
    // Every card has its count once its list has come: the dashboard is complete.
    await eventually(() => page.locator('.dashboard-card:not(:has(.dashboard-count))').count()).toBe(0)
    await checkPage(page, width, 'the dashboard')

    // Find a partner from the header search.
    if (width < 761) {
      // On a phone the search sits in the header row as well.
      await page.getByRole('searchbox', { name: /Search everything/ }).waitFor()
    }
    await page.getByRole('searchbox', { name: /Search everything/ }).fill('Japan')
    await page.keyboard.press('Enter')
    await page.getByRole('link', { name: 'Japan', exact: true }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()
    await checkPage(page, width, 'the partner page')

    // Record an engagement with the pickers, with two mistakes reported together first.
    await page.goto(`${server.url}/engagements/new`)
    await page.getByRole('heading', { level: 1, name: 'Record an engagement' }).waitFor()
    const title = `Staff talks on cyber defence (${width} px)`
    await page.getByLabel('Title').fill(title)
    const zone = page.getByRole('combobox', { name: 'Time zone' })
    await zone.fill('Tokyo')
    await page.getByLabel('Starts (local time at the place)').fill('2026-12-10T10:00')
    await page.getByLabel('Ends (local time at the place)').fill('2026-12-10T09:00')
    await page.getByRole('button', { name: 'Save engagement' }).click()
    await page.getByRole('alert').filter({ hasText: 'Please correct the 2 fields marked below.' }).waitFor()
    await eventually(() =>
      page.getByText('Use an IANA time zone name such as Europe/Madrid, not an offset').count(),
    ).toBe(1)
    await eventually(() => page.getByText('The end must not be before the start').count()).toBe(1)
    // The focus is on the first field to correct, which names its message.
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('engagement-timeZone')
    await eventually(() => zone.getAttribute('aria-describedby')).toContain('engagement-timeZone-error')
    await checkPage(page, width, 'the engagement form with errors')

    // The pickers: Tokyo by its city, Japan by name, a priority area by name.
    await zone.fill('Tokyo')
    await page.getByRole('option', { name: /^Tokyo, Japan — Asia\/Tokyo, UTC\+09:00$/ }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await eventually(() => zone.inputValue()).toBe('Tokyo, Japan — Asia/Tokyo, UTC+09:00')
    await page.getByLabel('Ends (local time at the place)').fill('2026-12-10T11:30')
    await page.getByRole('button', { name: 'Add participant' }).click()
    const country = page.getByRole('combobox', { name: 'Country', exact: true })
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe(
      'engagement-participants-0-country',
    )
    await country.fill('japan')
    await page.getByRole('option', { name: 'Japan (JPN)' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByLabel('Name', { exact: true }).fill('Director for cyber policy')
    await page.getByLabel('Role', { exact: true }).fill('Head of delegation')
    const areas = page.getByRole('combobox', { name: 'Priority areas' })
    await areas.fill('cyber')
    await page.getByRole('option', { name: 'Cyber defence' }).click()
    await page.getByRole('button', { name: 'Remove Cyber defence' }).waitFor()
    await checkPage(page, width, 'the engagement form')
    await page.getByRole('button', { name: 'Save engagement' }).click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await eventually(() => page.getByText('Cyber defence').count()).toBeGreaterThan(0)
    await eventually(() => page.getByText('cyber-defence').count()).toBe(0)
    await checkPage(page, width, 'the new engagement')

    // Add a milestone to Japan's programme.
    await page.goto(`${server.url}${programme}`)
    await page.getByRole('heading', { level: 1, name: /Japan — Individually Tailored/ }).waitFor()
    await page
      .getByRole('button', { name: /^\+ Milestone for / })
      .first()
      .click()
    const milestone = `Tabletop exercise report (${width} px)`
    await page.getByLabel(/Milestone for .*: title/).fill(milestone)
    await page.getByLabel('Due date').fill('2027-03-31')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByText(milestone).first().waitFor()
    await checkPage(page, width, 'the programme')

    // Download the programme PDF and read it with an independent tool.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF' }).click(),
    ])
    const file = join(downloads, `programme-${width}.pdf`)
    await download.saveAs(file)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Japan')
    expect(text.replace(/\s+/g, ' ')).toContain(milestone)

    // Switch to French: the same programme page, in French, with the milestone just added.
    await page.getByRole('button', { name: 'FR Français' }).click()
    await page
      .getByRole('heading', { level: 2, name: 'Objectifs, objectifs de partenariat et activités' })
      .waitFor()
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('fr')
    await eventually(async () => new URL(page.url()).pathname).toBe(programme)
    await page.getByText(milestone).first().waitFor()
    await checkPage(page, width, 'the programme in French')
    // Back to English: the choice is remembered for the browser, and the next width starts in English.
    await page.getByRole('button', { name: 'EN English' }).click()
    await page.getByRole('heading', { level: 2, name: 'Objectives, goals and activities' }).waitFor()
    await page.close()
  }, 180_000)
})
