import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { fixedNow, startTestServer, type TestServer } from '../support/server.ts'

// The built app (npm run build → dist/web) served by the real server over a real SQLite file.
let server: TestServer
let browser: LaunchedBrowser

const allianceOnlyTitle = 'Allies consult on a proposed NATO liaison office in Tokyo'

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport)
  await page.goto(`${server.url}${path}`)
  return page
}

/** Names of the partners shown in the desktop table, in order. */
async function partnerNames(page: Page): Promise<string[]> {
  return page.getByTestId('partners-table').locator('tbody th[scope="row"] a').allTextContents()
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await runAxe(page)).toEqual([])
}

function topBanner(page: Page) {
  return page.getByRole('status', { name: /^Page marking:/ })
}

describe('web app foundation (Chromium)', () => {
  it('lists 40 partners, and filtering by IP4 leaves exactly the four Indo-Pacific partners', async () => {
    const page = await open('/partners')
    await eventually(() => page.getByTestId('result-count').textContent()).toContain('40 partners')
    await eventually(() => partnerNames(page)).toHaveLength(40)
    await eventually(() => topBanner(page).textContent()).toBe('PUBLIC')
    await expectAccessible(page)

    await page.getByLabel('Framework').selectOption('ip4')
    await eventually(() => page.getByTestId('result-count').textContent()).toContain('4 partners')
    await eventually(() => partnerNames(page)).toEqual([
      'Australia',
      'Japan',
      'New Zealand',
      'Republic of Korea',
    ])
    await eventually(async () => page.url()).toContain('framework=ip4')
    await page.close()
  })

  it('searches with a debounce and shows an empty state when nothing matches', async () => {
    const page = await open('/partners')
    await page.getByLabel('Search', { exact: true }).fill('zealand')
    await eventually(() => partnerNames(page)).toEqual(['New Zealand'])
    await page.getByLabel('Search', { exact: true }).fill('no such country')
    await page.getByText('No partners match').waitFor()
    await eventually(() => page.getByTestId('result-count').textContent()).toContain('0 partners')
    await expectAccessible(page)
    await page.close()
  })

  it('shows the Japan profile with "the 1990s" as the dialogue start and a drawn timeline', async () => {
    const page = await open('/partners')
    await page.getByRole('link', { name: 'Japan', exact: true }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()
    await eventually(() => page.getByTestId('dialogue-since').textContent()).toContain('the 1990s')
    // The decade is a bar across the whole decade, never a single day.
    const decade = page.locator('.timeline-mark[data-precision="decade"] rect')
    await eventually(() => decade.count()).toBe(1)
    const dayMark = page.locator('.timeline-mark[data-precision="day"] circle').first()
    // [the decade's width, four day marks' width]
    await eventually(async () => [
      Number(await decade.getAttribute('width')),
      4 * Number(await dayMark.getAttribute('r')),
    ]).toSatisfy(([width = 0, fourDays = 0]) => width > fourDays)
    await eventually(() => page.getByRole('img', { name: /Relationship timeline of Japan/ }).count()).toBe(1)
    // [listed events, drawn marks]
    await eventually(async () => [
      await page.getByRole('list', { name: 'Timeline events, oldest first' }).locator('> li').count(),
      await page.locator('.timeline-mark').count(),
    ]).toSatisfy(([listed, drawn]) => listed === drawn)
    await eventually(() => page.getByText(allianceOnlyTitle).count()).toBe(0)
    await expectAccessible(page)
    await page.close()
  })

  it('hides the alliance-only event from jpn but shows it, tagged, to staff', async () => {
    const partner = await browser.newPage()
    await signInThroughForm(partner, server.url, 'jpn', { next: '/partners/JPN' })
    await partner.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()
    // jpn sees the event released to Japan, so the page is marked RESTRICTED, releasable to JPN.
    await eventually(() => topBanner(partner).textContent()).toBe('RESTRICTED — RELEASABLE TO JPN')
    await eventually(() => partner.getByText(allianceOnlyTitle).count()).toBe(0)
    await eventually(() => partner.locator('[data-event-id="jpn-tokyo-office-consultations"]').count()).toBe(
      0,
    )
    await expectAccessible(partner)
    await partner.getByRole('button', { name: 'Sign out' }).click()
    await partner.getByRole('link', { name: 'Sign in' }).waitFor()
    // Signing out lands on the sign-in page, not on a list the next person did not ask for.
    await partner.waitForURL(`${server.url}/sign-in`)
    await partner.getByLabel('Username').waitFor()
    await partner.close()

    const staff = await browser.newPage()
    await signInThroughForm(staff, server.url, 'staff', { next: '/partners/JPN' })
    const item = staff.locator('[data-event-id="jpn-tokyo-office-consultations"]')
    await item.waitFor()
    await eventually(() => item.getByRole('heading').textContent()).toBe(allianceOnlyTitle)
    await eventually(() => item.textContent()).toContain('RESTRICTED — ALLIANCE ONLY')
    await eventually(() => item.textContent()).toContain('illustrative')
    await eventually(() => topBanner(staff).textContent()).toBe('RESTRICTED — ALLIANCE ONLY')
    await staff.close()
  })

  it('sign-in shows field messages from the shared schema and the server 401 as an alert', async () => {
    const page = await open('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Enter your username').waitFor()
    await eventually(() => page.getByLabel('Username').getAttribute('aria-invalid')).toBe('true')
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username')
    await page.getByLabel('Username').fill('jpn')
    await page.getByLabel('Password').fill('wrong password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    await eventually(() => alert.textContent()).toContain('The username or password is not correct.')
    await expectAccessible(page)
    await page.close()
  })

  it('lists frameworks and changes a framework member list with the as-of date', async () => {
    const page = await open('/frameworks')
    await page.getByRole('link', { name: 'Indo-Pacific partners' }).waitFor()
    await eventually(() => page.getByText('Informal').count()).toBeGreaterThan(0)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Partnership for Peace' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partnership for Peace' }).waitFor()
    const members = page.getByTestId('framework-members')
    await eventually(() => members.textContent()).not.toContain('Poland')
    await page.getByLabel('As of').fill('1998-01-01')
    await eventually(() => members.textContent()).toContain('Poland')
    await eventually(async () => page.url()).toContain('asOf=1998-01-01')
    await eventually(() =>
      page.getByRole('img', { name: /Membership of Partnership for Peace over time/ }).count(),
    ).toBe(1)
    await expectAccessible(page)
    await page.close()
  })

  it('shows the 32 members in order of accession with a chart', async () => {
    const page = await open('/members')
    const rows = page.getByTestId('members-table').locator('tbody tr')
    await rows.first().waitFor()
    await eventually(() => rows.count()).toBe(32)
    await eventually(() => rows.first().textContent()).toContain('Belgium')
    await eventually(() => rows.last().textContent()).toContain('Sweden')
    await eventually(() => page.getByRole('img', { name: /Accessions by year/ }).count()).toBe(1)
    await expectAccessible(page)
    await page.close()
  })

  it('shares the server clock and stays signed in whatever day the test clock says', async () => {
    const page = await open('/partners')
    expect(await page.evaluate(() => new Date().toISOString())).toBe(fixedNow.toISOString())
    await signInThroughForm(page, server.url, 'staff')
    await page.reload()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    const [cookie] = await browser.context.cookies(server.url)
    // The browser counts the session from its own (real) clock: never already expired on arrival.
    expect(cookie?.name).toBe('liaison_session')
    expect((cookie?.expires ?? 0) * 1000).toBeGreaterThan(Date.now())
    await page.close()
  })

  it('answers an unknown partner with a 404 page', async () => {
    const page = await open('/partners/XXX')
    await page.getByRole('heading', { level: 1, name: 'Partner not found' }).waitFor()
    await eventually(() => page.getByText('No partner has the code XXX.').count()).toBe(1)
    await expectAccessible(page)
    await page.close()
  })

  it('keeps the navigation reachable at a 375 px phone width', async () => {
    const page = await open('/partners', { width: 375, height: 800 })
    // The width counts once the list is there.
    await eventually(() => page.getByTestId('result-count').textContent()).toContain('40 partners')
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const menu = page.getByRole('button', { name: 'Menu' })
    await eventually(() => menu.getAttribute('aria-expanded')).toBe('false')
    await menu.focus()
    await page.keyboard.press('Enter')
    const frameworks = page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: 'Frameworks', exact: true })
    await frameworks.waitFor({ state: 'visible' })
    await frameworks.click()
    await page.getByRole('heading', { level: 1, name: 'Frameworks' }).waitFor()
    await page.locator('.partner-card, .framework-card').first().waitFor()
    await expectAccessible(page)
    await page.close()
  })
})
