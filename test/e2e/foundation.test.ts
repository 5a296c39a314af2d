import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { fixedNow, startTestServer, type TestServer, testPassword } from '../support/server.ts'

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

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(testPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await runAxe(page)).toEqual([])
}

/** Retries an assertion for up to 10 s: the app fetches and debounces, and CI machines are slow. */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 10_000 })
}

function topBanner(page: Page) {
  return page.getByRole('status', { name: /^Page marking:/ })
}

describe('web app foundation (Chromium)', () => {
  it('lists 40 partners, and filtering by IP4 leaves exactly the four Indo-Pacific partners', async () => {
    const page = await open('/partners')
    await eventually(() => page.getByTestId('result-count').textContent()).toContain('40 partners')
    expect(await partnerNames(page)).toHaveLength(40)
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
    expect(page.url()).toContain('framework=ip4')
    await page.close()
  })

  it('searches with a debounce and shows an empty state when nothing matches', async () => {
    const page = await open('/partners')
    await page.getByLabel('Search', { exact: true }).fill('zealand')
    await eventually(() => partnerNames(page)).toEqual(['New Zealand'])
    await page.getByLabel('Search', { exact: true }).fill('no such country')
    await page.getByText('No partners match').waitFor()
    expect(await page.getByTestId('result-count').textContent()).toContain('0 partners')
    await expectAccessible(page)
    await page.close()
  })

  it('shows the Japan profile with "the 1990s" as the dialogue start and a drawn timeline', async () => {
    const page = await open('/partners')
    await page.getByRole('link', { name: 'Japan', exact: true }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()
    expect(await page.getByTestId('dialogue-since').textContent()).toContain('the 1990s')
    // The decade is a bar across the whole decade, never a single day.
    const decade = page.locator('.timeline-mark[data-precision="decade"] rect')
    expect(await decade.count()).toBe(1)
    const width = Number(await decade.getAttribute('width'))
    const dayMark = page.locator('.timeline-mark[data-precision="day"] circle').first()
    expect(width).toBeGreaterThan(4 * Number(await dayMark.getAttribute('r')))
    expect(await page.getByRole('img', { name: /Relationship timeline of Japan/ }).count()).toBe(1)
    expect(
      await page.getByRole('list', { name: 'Timeline events, oldest first' }).locator('> li').count(),
    ).toBe(await page.locator('.timeline-mark').count())
    expect(await page.getByText(allianceOnlyTitle).count()).toBe(0)
    await expectAccessible(page)
    await page.close()
  })

  it('hides the alliance-only event from jpn but shows it, tagged, to staff', async () => {
    const partner = await browser.newPage()
    await signIn(partner, 'jpn')
    await partner.goto(`${server.url}/partners/JPN`)
    await partner.getByRole('heading', { level: 1, name: 'Japan' }).waitFor()
    // jpn sees the event released to Japan, so the page is marked RESTRICTED, releasable to JPN.
    await eventually(() => topBanner(partner).textContent()).toBe('RESTRICTED — RELEASABLE TO JPN')
    expect(await partner.getByText(allianceOnlyTitle).count()).toBe(0)
    expect(await partner.locator('[data-event-id="jpn-tokyo-office-consultations"]').count()).toBe(0)
    await expectAccessible(partner)
    await partner.getByRole('button', { name: 'Sign out' }).click()
    await partner.getByRole('link', { name: 'Sign in' }).waitFor()
    // Signing out lands on the sign-in page, not on a list the next person did not ask for.
    await partner.waitForURL(`${server.url}/sign-in`)
    await partner.getByLabel('Username').waitFor()
    await partner.close()

    const staff = await browser.newPage()
    await signIn(staff, 'staff')
    await staff.goto(`${server.url}/partners/JPN`)
    const item = staff.locator('[data-event-id="jpn-tokyo-office-consultations"]')
    await item.waitFor()
    expect(await item.getByRole('heading').textContent()).toBe(allianceOnlyTitle)
    expect(await item.textContent()).toContain('RESTRICTED — ALLIANCE ONLY')
    expect(await item.textContent()).toContain('illustrative')
    await eventually(() => topBanner(staff).textContent()).toBe('RESTRICTED — ALLIANCE ONLY')
    await staff.close()
  })

  it('sign-in shows field messages from the shared schema and the server 401 as an alert', async () => {
    const page = await open('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Enter your username').waitFor()
    expect(await page.getByLabel('Username').getAttribute('aria-invalid')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username')
    await page.getByLabel('Username').fill('jpn')
    await page.getByLabel('Password').fill('wrong password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('The username or password is not correct.')
    await expectAccessible(page)
    await page.close()
  })

  it('lists frameworks and changes a framework member list with the as-of date', async () => {
    const page = await open('/frameworks')
    await page.getByRole('link', { name: 'Indo-Pacific partners' }).waitFor()
    expect(await page.getByText('Informal').count()).toBeGreaterThan(0)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Partnership for Peace' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partnership for Peace' }).waitFor()
    const members = page.getByTestId('framework-members')
    await eventually(() => members.textContent()).not.toContain('Poland')
    await page.getByLabel('As of').fill('1998-01-01')
    await eventually(() => members.textContent()).toContain('Poland')
    expect(page.url()).toContain('asOf=1998-01-01')
    expect(
      await page.getByRole('img', { name: /Membership of Partnership for Peace over time/ }).count(),
    ).toBe(1)
    await expectAccessible(page)
    await page.close()
  })

  it('shows the 32 members in order of accession with a chart', async () => {
    const page = await open('/members')
    const rows = page.getByTestId('members-table').locator('tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(32)
    expect(await rows.first().textContent()).toContain('Belgium')
    expect(await rows.last().textContent()).toContain('Sweden')
    expect(await page.getByRole('img', { name: /Accessions by year/ }).count()).toBe(1)
    await expectAccessible(page)
    await page.close()
  })

  it('shares the server clock and stays signed in whatever day the test clock says', async () => {
    const page = await open('/partners')
    expect(await page.evaluate(() => new Date().toISOString())).toBe(fixedNow.toISOString())
    await signIn(page, 'staff')
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
    expect(await page.getByText('No partner has the code XXX.').count()).toBe(1)
    await expectAccessible(page)
    await page.close()
  })

  it('keeps the navigation reachable at a 375 px phone width', async () => {
    const page = await open('/partners', { width: 375, height: 800 })
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(375)
    const menu = page.getByRole('button', { name: 'Menu' })
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
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
