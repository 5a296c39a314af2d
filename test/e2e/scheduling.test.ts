import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { askZoneinfo } from '../support/zoneinfo.ts'

// The built app (npm run build → dist/web) served by the real server over a real SQLite file,
// on the fixed test clock the browser shares.
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

async function signedIn(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport)
  await signInThroughForm(page, server.url, 'staff', { next: path })
  return page
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth)
}

/** Whether the page itself scrolls sideways (a box inside it may). */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth)
}

/** What the grid should colour a local time, by the default hours (09:00–18:00 Mon–Fri, night 22:00–07:00). */
function expectedKind(time: { local: string; weekday: string }): string {
  const hour = Number(time.local.slice(11, 13))
  if (hour >= 22 || hour < 7) return 'night'
  if (time.weekday === 'Sat' || time.weekday === 'Sun') return 'dayOff'
  return hour >= 9 && hour < 18 ? 'working' : 'outside'
}

const ip4AndHq = [
  ['Brussels', 'Europe/Brussels'],
  ['Tokyo', 'Asia/Tokyo'],
  ['Canberra', 'Australia/Sydney'],
  ['Wellington', 'Pacific/Auckland'],
  ['Seoul', 'Asia/Seoul'],
] as const

const viewports = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
]

describe('scheduling in the web app (Chromium)', () => {
  it('asks to sign in first', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/scheduling`)
    await page.getByText('Sign in to plan meetings').waitFor()
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('offers no engagement from a slot to a partner, who may not create engagements', async () => {
    const page = await browser.newPage()
    await signInThroughForm(page, server.url, 'jpn', { next: '/scheduling' })
    const picker = page.getByLabel('Add a participant')
    await picker.fill('Tokyo')
    await picker.press('Enter')
    await page.getByLabel('From', { exact: true }).fill('2026-03-23')
    await page.getByLabel('To', { exact: true }).fill('2026-03-24')
    await page.getByRole('button', { name: 'Find slots' }).click()
    await page.getByTestId('slots').locator('li').first().waitFor({ timeout: 20_000 })
    await eventually(() => page.getByRole('link', { name: /Create engagement from slot/ }).count()).toBe(0)
    // On the grid a slot is only selected, never a way to the engagement form.
    const grid = page.getByTestId('hour-grid')
    const marker = grid.getByRole('button', { name: /^Slot 1: Tokyo / })
    await marker.waitFor()
    await eventually(() => grid.getByRole('link').count()).toBe(0)
    await marker.click()
    await eventually(() => marker.getAttribute('aria-pressed')).toBe('true')
    await page.close()
  })

  it('shows the contract’s message when no participant is chosen, and sends nothing', async () => {
    const page = await signedIn('/scheduling', viewports[0] ?? { width: 1366, height: 900 })
    let posted = 0
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/scheduling/')) posted += 1
    })
    await page.getByRole('button', { name: 'Find slots' }).click()
    await page.getByText('Give at least one participant').waitFor()
    expect(posted).toBe(0)
    await page.close()
  })

  it('compares the hours partners share with Brussels and with an office in Tokyo, as zoneinfo counts them', async () => {
    const workday = (zone: string) => ({ zone, start: 540, end: 1080, days: [1, 2, 3, 4, 5], daysOff: [] })
    const partners = ['Australia/Sydney', 'Pacific/Auckland', 'Asia/Tokyo', 'Asia/Seoul'].map(workday)
    const withHq =
      askZoneinfo({ shared: { hq: workday('Europe/Brussels'), partners, year: 2026 } }).shared ?? []
    const withOffice =
      askZoneinfo({ shared: { hq: workday('Asia/Tokyo'), partners, year: 2026 } }).shared ?? []
    for (const viewport of viewports) {
      const page = await signedIn('/scheduling', viewport)
      await page.getByLabel('Year').fill('2026')
      await page.getByLabel('Candidate office').fill('TYO')
      await page.getByRole('button', { name: 'Compare' }).click()
      const shared = page.getByTestId('shared-hours')
      await shared.waitFor({ timeout: 20_000 })
      await eventually(() =>
        shared
          .getByRole('img', { name: /with Tokyo and with either/ })
          .locator('svg')
          .count(),
      ).toBe(1)
      for (const [index, ref] of ['AUS', 'NZL', 'JPN', 'KOR'].entries()) {
        const row = page.getByTestId('shared-hours-table').locator(`tr[data-ref="${ref}"]`)
        const january = `${withHq[index]?.months['2026-01']?.minutesPerWorkingDay} / ${withOffice[index]?.months['2026-01']?.minutesPerWorkingDay}`
        await eventually(() => row.locator('td[data-month="2026-01"]').textContent()).toBe(january)
        await eventually(() => row.locator('td[data-kind="hours"]').textContent()).toBe(
          `${withHq[index]?.hoursPerYear} / ${withOffice[index]?.hoursPerYear}`,
        )
      }
      await eventually(() => pageWidth(page)).toBeLessThanOrEqual(viewport.width)
      expect(await runAxe(page)).toEqual([])
      await page.screenshot({ path: `/tmp/schedweb-shared-${viewport.width}.png`, fullPage: true })
      await page.close()
    }
  })

  for (const viewport of viewports) {
    it(`finds slots for Brussels, Tokyo, Canberra and Wellington and plans a 10-week series at ${viewport.width} px`, async () => {
      const page = await signedIn('/scheduling', viewport)
      await eventually(() => page.locator('#primary-nav-list a[href="/scheduling"]').count()).toBe(1)
      const picker = page.getByLabel('Add a participant')
      for (const city of ['Brussels', 'Tokyo', 'Canberra', 'Wellington']) {
        await picker.fill(city)
        await picker.press('Enter')
      }
      const chosen = page.getByRole('list', { name: 'Chosen participants' }).locator('li')
      await eventually(() =>
        chosen.evaluateAll((items) => items.map((item) => item.getAttribute('data-ref'))),
      ).toEqual(['BRU', 'TYO', 'CBR', 'WLG'])
      await page.getByLabel('From', { exact: true }).fill('2026-03-23')
      await page.getByLabel('To', { exact: true }).fill('2026-03-27')
      await page.getByLabel('Duration (minutes)').fill('60')
      await page.getByRole('button', { name: 'Find slots' }).click()

      const first = page.getByTestId('slots').locator('li').first()
      await first.waitFor({ timeout: 20_000 })
      await eventually(() => first.getAttribute('data-start')).not.toBeNull()
      const start = await first.getAttribute('data-start')
      const startMinute = Date.parse(start ?? '') / 60_000
      // Each participant's local start, weekday and offset, worked out again by Python's zoneinfo.
      const zones = ['Europe/Brussels', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland']
      const expected =
        askZoneinfo({ localTimes: zones.map((zone) => [zone, startMinute] as const) }).localTimes ?? []
      expect(expected).toHaveLength(4)
      for (const [index, zone] of zones.entries()) {
        const cell = first.locator(`tr[data-zone="${zone}"] td`).first()
        const want = expected[index]
        await eventually(() => cell.getAttribute('data-local')).toBe(want?.local)
        await eventually(() => cell.textContent()).toContain(
          `${want?.weekday} ${want?.local.replace('T', ' ')}`,
        )
        await eventually(() => cell.textContent()).toContain(`UTC${want?.offset}`)
      }
      await eventually(() => pageWidth(page)).toBeLessThanOrEqual(viewport.width)
      expect(await runAxe(page)).toEqual([])

      await page.getByLabel('Meetings').fill('10')
      await page.getByRole('button', { name: 'Plan series' }).click()
      const series = page.getByTestId('series')
      await series.waitFor({ timeout: 30_000 })
      const chart = series.getByRole('img', { name: /over 10 meetings/ })
      await eventually(() => chart.locator('svg').count()).toBe(1)
      const rows = page.getByTestId('burden-table').locator('tbody tr')
      await eventually(() => rows.count()).toBe(4)
      await eventually(() => page.getByTestId('occurrences').locator('tbody tr').count()).toBe(10)
      await eventually(() => pageWidth(page)).toBeLessThanOrEqual(viewport.width)
      expect(await runAxe(page)).toEqual([])
      await page.screenshot({ path: `/tmp/schedweb-${viewport.width}.png`, fullPage: true })

      // The first slot becomes an engagement: the form opens with its start and end on Brussels' clock.
      await page.getByRole('link', { name: 'Create engagement from slot 1', exact: true }).click()
      await page.waitForURL(`${server.url}/engagements/new`)
      const brussels = expected[0]
      await eventually(() => page.getByLabel('Starts (local time at the place)').inputValue()).toBe(
        brussels?.local,
      )
      // The zone picker names the zone by its city, country, IANA name and offset.
      await eventually(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(
        /^Brussels, Belgium — Europe\/Brussels, UTC\+0[12]:00$/,
      )
      const title = `IP4 call planned at ${viewport.width} px`
      await page.getByLabel('Title').fill(title)
      await page.getByLabel('Summary').fill('Planned on the Scheduling page across four time zones.')
      await page.getByRole('button', { name: 'Save engagement' }).click()
      await page.waitForURL(/\/engagements\/(?!new)[^/]+$/)
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
      const cookie = await server.signIn('staff')
      const stored = await (
        await fetch(`${server.url}/api/v1/engagements/${id}`, { headers: { cookie } })
      ).json()
      expect(stored.title).toBe(title)
      expect(stored.start.place.local).toBe(brussels?.local)
      expect(new Date(stored.start.utc).toISOString()).toBe(new Date(start ?? '').toISOString())
      await page.close()
    })
  }

  for (const viewport of viewports) {
    it(`picks the top slot on the participants × hours grid and lands on a filled-in engagement draft at ${viewport.width} px`, async () => {
      // The week Europe changes its clocks (29 March 2026), as zoneinfo ranks it, independently.
      const workday = (zone: string) => ({ zone, start: 540, end: 1080, days: [1, 2, 3, 4, 5], daysOff: [] })
      const [zoneinfoSearch] =
        askZoneinfo({
          searches: [
            {
              participants: ip4AndHq.map(([, zone]) => workday(zone)),
              from: '2026-03-23',
              to: '2026-03-29',
              timeZone: 'Europe/Brussels',
              duration: 60,
              step: 15,
              scoring: { outside: 1, night: 3, nightStart: 1320, nightEnd: 420 },
              limit: 1,
            },
          ],
        }).searches ?? []
      const top = zoneinfoSearch?.top[0]
      expect(top?.participants).toHaveLength(5)

      const page = await signedIn('/scheduling', viewport)
      const picker = page.getByLabel('Add a participant')
      for (const [city] of ip4AndHq) {
        await picker.fill(city)
        await picker.press('Enter')
      }
      await page.getByLabel('From', { exact: true }).fill('2026-03-23')
      await page.getByLabel('To', { exact: true }).fill('2026-03-29')
      await page.getByLabel('Duration (minutes)').fill('60')
      await page.getByRole('button', { name: 'Find slots' }).click()
      const grid = page.getByTestId('hour-grid')
      await grid.waitFor({ timeout: 20_000 })

      // The grid opens on the top slot's day, a row per participant, each cell on that participant's clock.
      await eventually(() => grid.getByLabel('Day', { exact: true }).inputValue()).toBe(
        top?.participants[0]?.start.local.slice(0, 10),
      )
      await eventually(() => grid.locator('tbody tr').count()).toBe(5)
      for (const [index, [, zone]] of ip4AndHq.entries()) {
        const want = top?.participants[index]?.start
        const cell = grid.locator(`tbody tr[data-zone="${zone}"] td[data-local="${want?.local}"]`)
        await eventually(() => cell.count()).toBe(1)
        await eventually(() => cell.getAttribute('data-kind')).toBe(
          want === undefined ? '' : expectedKind(want),
        )
      }
      // Slot 1's marker names everyone's local start, as zoneinfo reads it.
      const marker = grid.getByRole('link', { name: /^Slot 1: / })
      for (const [index, [city]] of ip4AndHq.entries()) {
        const want = top?.participants[index]?.start
        await eventually(async () => (await marker.getAttribute('aria-label')) ?? '').toContain(
          `${city} ${want?.weekday} ${want?.local.slice(11)}`,
        )
      }
      await eventually(() => grid.getByTestId('hour-grid-summary').textContent()).toContain('Slot 1')

      // At 390 px the grid scrolls inside its own box; the page never scrolls sideways.
      await eventually(() => pageScrollsSideways(page)).toBe(false)
      const box = grid.getByRole('region', { name: 'Participants by hour' })
      if (viewport.width < 500) {
        await eventually(() => box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(
          true,
        )
      }
      expect(await runAxe(page)).toEqual([])
      await grid.screenshot({ path: `/tmp/schedweb-grid-${viewport.width}.png` })
      await page.screenshot({ path: `/tmp/schedweb-gridpage-${viewport.width}.png`, fullPage: true })

      // The hour headers are one tab stop; arrows move along them, each naming everyone's time.
      const hours = grid.locator('thead button')
      const firstFocusable = grid.locator('thead button[tabindex="0"]')
      await firstFocusable.focus()
      await page.keyboard.press('Home')
      await eventually(() => hours.first().evaluate((element) => element === document.activeElement)).toBe(
        true,
      )
      await eventually(() => hours.first().getAttribute('aria-label')).toMatch(
        /^00:00 Europe\/Brussels time: Brussels /,
      )

      // Another day: Sunday 29 March, when Brussels springs forward, has 23 hours and no top slot.
      const day = grid.getByLabel('Day', { exact: true })
      await day.selectOption('2026-03-29')
      await grid.getByText('No top slot falls on this day').waitFor()
      await eventually(() => grid.locator('thead button').count()).toBe(23)
      await eventually(() =>
        grid.locator('tbody tr[data-zone="Europe/Brussels"] td').nth(2).getAttribute('data-local'),
      ).toBe('2026-03-29T03:00')
      await grid.getByRole('button', { name: 'Previous day' }).click()
      await eventually(() => day.inputValue()).toBe('2026-03-28')
      await day.selectOption(top?.participants[0]?.start.local.slice(0, 10) ?? '')
      await marker.waitFor()

      // Enter on the marker (a click at the wider width) opens the draft filled in from the slot.
      if (viewport.width < 500) {
        await marker.focus()
        await page.keyboard.press('Enter')
      } else {
        await marker.click()
      }
      await page.waitForURL(`${server.url}/engagements/new`)
      const brussels = top?.participants[0]
      await eventually(() => page.getByLabel('Title').inputValue()).toBe(
        'Call: Brussels, Tokyo, Canberra, Wellington, Seoul',
      )
      await eventually(() => page.getByLabel('Starts (local time at the place)').inputValue()).toBe(
        brussels?.start.local,
      )
      await eventually(() => page.getByLabel('Ends (local time at the place)').inputValue()).toBe(
        brussels?.end.local,
      )
      // The zone picker names the zone by its city, country, IANA name and offset.
      await eventually(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(
        /^Brussels, Belgium — Europe\/Brussels, UTC\+0[12]:00$/,
      )
      await eventually(() => pageScrollsSideways(page)).toBe(false)
      expect(await runAxe(page)).toEqual([])
      await page.close()
    })
  }
})
