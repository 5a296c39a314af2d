import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { fixedNow, startTestServer, type TestServer } from '../support/server.ts'

// Issue 12 item 4: every page of the web app at 360 px without page-wide sideways scroll (tables
// scroll in their own box), chart legends apart from their plots, and a readable programme
// timeline with full labels on hover and focus. One server, one browser, one page per user.
let server: TestServer
let browser: LaunchedBrowser
const phone = { width: 360, height: 740 }
const desktop = { width: 1366, height: 900 }
const shots = process.env.LIAISON_SCREENSHOTS ?? ''
const day = 86_400_000
const isoDay = (offset: number) => new Date(fixedNow.getTime() + offset * day).toISOString().slice(0, 10)
const ids = { item: '', event: '', request: '' }

async function api(method: string, path: string, username: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: await server.signIn(username),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300)
  return JSON.parse(text)
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(value)}`)
  return id
}

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  browser = await launchBrowser()
  // The demo data has no cooperation menu yet: one course, its event and Korea's request, so the
  // detail pages show real records.
  const marking = { classification: 'UNCLASSIFIED', releasableTo: ['KOR', 'JPN'] }
  ids.item = idOf(
    await api('POST', '/api/v1/cooperation/items', 'staff', {
      code: 'SWEEP-CYB-1',
      title: 'Cyber defence incident handling course for partner national teams',
      description: 'A week of incident handling for partner teams.',
      provider: { kind: 'member', code: 'FRA' },
      format: 'course',
      priorityAreas: ['cyber-defence'],
      languages: ['en'],
      eligibility: { partners: ['KOR', 'JPN'], frameworks: [] },
      marking,
    }),
  )
  ids.event = idOf(
    await api('POST', '/api/v1/cooperation/events', 'staff', {
      itemId: ids.item,
      startsOn: isoDay(20),
      endsOn: isoDay(24),
      place: 'Tallinn',
      timeZone: 'Europe/Tallinn',
      capacity: 2,
      applicationDeadline: isoDay(10),
      marking,
    }),
  )
  ids.request = idOf(
    await api('POST', '/api/v1/cooperation/requests', 'kor', { eventId: ids.event, goalIds: ['kor-g1'] }),
  )
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signedIn(username: string): Promise<Page> {
  const page = await browser.newPage(phone)
  await signInThroughForm(page, server.url, username)
  return page
}

/** A route and what shows that its data arrived (so a page is never judged while still empty). */
interface Visit {
  readonly path: string
  readonly ready: string
}

function everyRoute(programme: string): Visit[] {
  return [
    { path: '/', ready: '[data-testid="dashboard-milestones"]' },
    { path: '/partners', ready: 'table a[href="/partners/JPN"]' },
    { path: '/partners/JPN', ready: 'h1:has-text("Japan")' },
    { path: '/import', ready: 'h1' },
    { path: '/frameworks', ready: 'a[href="/frameworks/ip4"]' },
    { path: '/frameworks/ip4', ready: '.membership-chart' },
    { path: '/members', ready: '.echart svg path' },
    { path: '/programmes', ready: `a[href="/programmes/${programme}"]` },
    { path: `/programmes/${programme}`, ready: '.gantt-milestone' },
    { path: '/engagements', ready: 'a[href="/engagements/summit-2025-the-hague"]' },
    { path: '/engagements?view=month&month=2025-06', ready: 'a[href="/engagements/summit-2025-the-hague"]' },
    { path: '/engagements?view=agenda&month=2025-06', ready: 'a[href="/engagements/summit-2025-the-hague"]' },
    { path: '/engagements/new', ready: 'h1' },
    { path: '/engagements/summit-2025-the-hague', ready: 'h1:has-text("Hague")' },
    { path: '/engagements/summit-2025-the-hague/edit', ready: 'h1' },
    { path: '/statements', ready: 'article, li:has-text("Declaration")' },
    { path: '/analytics', ready: '.echart-frame .chart-legend' },
    { path: '/scheduling', ready: 'h1' },
    { path: '/proposals', ready: 'a[href="/proposals/tokyo-liaison-office-proposal"]' },
    { path: '/proposals/tokyo-liaison-office-proposal', ready: 'h1:has-text("Tokyo")' },
    { path: '/offices', ready: 'h1' },
    { path: '/cooperation', ready: `a[href="/cooperation/items/${encodeURIComponent(ids.item)}"]` },
    { path: `/cooperation/items/${encodeURIComponent(ids.item)}`, ready: 'h1:has-text("incident handling")' },
    { path: '/cooperation/events', ready: `a[href="/cooperation/events/${encodeURIComponent(ids.event)}"]` },
    {
      path: `/cooperation/events/${encodeURIComponent(ids.event)}`,
      ready: 'h1:has-text("incident handling")',
    },
    {
      path: '/cooperation/requests',
      ready: `a[href="/cooperation/requests/${encodeURIComponent(ids.request)}"]`,
    },
    {
      path: `/cooperation/requests/${encodeURIComponent(ids.request)}`,
      ready: '[data-testid="request-status"]',
    },
    { path: '/cooperation/queue', ready: 'h1' },
    { path: '/search?q=Japan', ready: 'main a[href="/partners/JPN"]' },
    { path: '/accounts', ready: 'h1' },
    { path: '/audit', ready: 'h1' },
    { path: '/no-such-page', ready: 'h1' },
  ]
}

/** Waits for the page's own data, then for every loading indicator to go. */
async function open(page: Page, visit: Visit): Promise<void> {
  await page.goto(`${server.url}${visit.path}`)
  await page.locator(visit.ready).first().waitFor({ state: 'attached' })
  await eventually(() => page.locator('main .loading').count(), 15_000).toBe(0)
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (shots !== '') await page.screenshot({ path: `${shots}/phone-${name.replace(/[^a-z0-9]+/gi, '-')}.png` })
}

/** No page-wide sideways scroll, and no serious axe violation. */
async function checkPage(page: Page, name: string): Promise<void> {
  // Read until it fits: a chart or a table can still be laying itself out after its data arrived.
  await eventually(() =>
    page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    })),
  ).toSatisfy(({ scrollWidth, innerWidth }) => scrollWidth <= innerWidth, `${name} scrolls sideways`)
  expect(await runAxe(page), `axe on ${name}`).toEqual([])
  await screenshot(page, name)
}

interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** How many charts with a legend a page shows: exactly so many, or at least so many. */
type ChartCount = { readonly exactly: number } | { readonly atLeast: number }

/**
 * Every chart with a legend: the legend's entries lie outside the plot's box and inside the
 * viewport, and ECharts draws no legend of its own into the plot (no SVG text is a legend name).
 * The number of charts is waited for first (a page's charts arrive with their own answers), then
 * each chart's layout is read until it holds (ECharts lays out after its first path is drawn).
 */
async function checkCharts(page: Page, name: string, expected: ChartCount): Promise<void> {
  const frames = page.locator('.echart-frame:has(.chart-legend)')
  if ('exactly' in expected) await eventually(() => frames.count()).toBe(expected.exactly)
  else await eventually(() => frames.count()).toBeGreaterThanOrEqual(expected.atLeast)
  const count = await frames.count()
  for (let index = 0; index < count; index += 1) {
    const frame = frames.nth(index)
    await frame.locator('.echart svg path').first().waitFor({ state: 'attached' })
    const label = `${name}, chart ${index + 1}`
    await eventually(() => chartProblems(frame, label)).toEqual([])
  }
}

/** What is wrong with one chart's legend, one sentence each (none when all is well). */
async function chartProblems(frame: Locator, label: string): Promise<string[]> {
  const layout = await frame.evaluate((element) => {
    const rect = (each: Element) => {
      const { x, y, width, height } = each.getBoundingClientRect()
      return { x, y, width, height }
    }
    const plot = element.querySelector('.echart')
    return {
      plot: plot === null ? null : rect(plot),
      entries: Array.from(element.querySelectorAll('.chart-legend-entry')).map((entry) => ({
        name: entry.textContent ?? '',
        box: rect(entry),
      })),
      svgTexts: Array.from(element.querySelectorAll('.echart svg text')).map(
        (text) => text.textContent ?? '',
      ),
      innerWidth: window.innerWidth,
    }
  })
  const problems: string[] = []
  if (layout.plot === null) problems.push(`${label} has no plot`)
  if (layout.entries.length === 0) problems.push(`${label} has no legend entries`)
  for (const entry of layout.entries) {
    if (layout.plot !== null && overlaps(entry.box, layout.plot))
      problems.push(`${label}: "${entry.name}" covers the plot`)
    if (entry.box.x + entry.box.width > layout.innerWidth)
      problems.push(`${label}: "${entry.name}" off screen`)
    if (layout.svgTexts.includes(entry.name)) problems.push(`${label}: ECharts drew a legend in the plot`)
  }
  return problems
}

/** Slots for Brussels and Tokyo, then a rotating series: the burden chart with a two-entry legend. */
async function planSeries(page: Page): Promise<void> {
  const picker = page.getByLabel('Add a participant')
  for (const city of ['Brussels', 'Tokyo']) {
    await picker.fill(city)
    await picker.press('Enter')
  }
  await page.getByLabel('From', { exact: true }).fill('2026-03-23')
  await page.getByLabel('To', { exact: true }).fill('2026-03-27')
  await page.getByRole('button', { name: 'Find slots' }).click()
  await page.getByTestId('slots').locator('li').first().waitFor({ timeout: 20_000 })
  await page.getByLabel('Meetings').fill('6')
  await page.getByRole('button', { name: 'Plan series' }).click()
  await page.getByTestId('series').locator('.chart-legend').waitFor({ timeout: 30_000 })
}

/** Shared working hours with a candidate office: a chart with a three-entry legend. */
async function compareSharedHours(page: Page): Promise<void> {
  await page.getByLabel('Year').fill('2026')
  await page.getByLabel('Candidate office').fill('TYO')
  await page.getByRole('button', { name: 'Compare' }).click()
  await page.getByTestId('shared-hours').locator('.chart-legend').waitFor({ timeout: 20_000 })
}

describe('every page at 360 px (Chromium)', () => {
  it.each([
    ['staff', 'jpn-itpp-2023'],
    ['kor', 'kor-itpp-2023'],
  ])(
    'visits every route as %s without sideways scroll or axe violations',
    async (username, programme) => {
      const page = await signedIn(username)
      for (const visit of everyRoute(programme)) {
        await open(page, visit)
        // A page's charts first: axe and the width are judged once they have all arrived.
        if (visit.path === '/analytics') await checkCharts(page, visit.path, { atLeast: 2 })
        if (visit.path === '/members') await checkCharts(page, visit.path, { exactly: 1 })
        if (visit.path === `/programmes/${programme}`) await checkCharts(page, visit.path, { exactly: 1 })
        await checkPage(page, `${username} ${visit.path}`)
        if (visit.path === '/scheduling') {
          await compareSharedHours(page)
          await checkCharts(page, visit.path, { exactly: 1 })
          await checkPage(page, `${username} shared hours`)
          if (username === 'staff') {
            // Once is enough for the series planner's chart; a partner's page is the same.
            await planSeries(page)
            await checkCharts(page, visit.path, { exactly: 2 })
            await checkPage(page, `${username} slots and series`)
          }
        }
      }
      await page.close()
    },
    180_000,
  )

  it('shows the signed-out pages within 360 px', async () => {
    const page = await browser.newPage(phone)
    for (const path of ['/sign-in', '/public', '/partners', '/programmes/jpn-itpp-2023']) {
      await page.goto(`${server.url}${path}`)
      await page.locator('h1').first().waitFor()
      await eventually(() => page.locator('main .loading').count()).toBe(0)
      await checkPage(page, `signed out ${path}`)
    }
    await page.close()
  })
})

describe('charts and the programme timeline at 1366 and 360 px (Chromium)', () => {
  it('keeps legends off the plots on a desktop, and a legend entry hides its series', async () => {
    const page = await signedIn('staff')
    await page.setViewportSize(desktop)
    for (const visit of [
      { path: '/analytics', ready: '.echart-frame .chart-legend' },
      { path: '/members', ready: '.echart svg path' },
      { path: '/programmes/jpn-itpp-2023', ready: '.echart svg path' },
    ]) {
      await open(page, visit)
      await checkCharts(page, visit.path, { atLeast: 1 })
    }
    await open(page, { path: '/scheduling', ready: 'h1' })
    await compareSharedHours(page)
    await checkCharts(page, '/scheduling', { exactly: 1 })

    // The members chart: "Members in total" is the orange line (its symbols are filled white);
    // its entry hides and shows it.
    await page.setViewportSize(phone)
    await open(page, { path: '/members', ready: '.echart svg path' })
    const line = page.locator('.echart svg path[stroke="#b4541a"][fill="none"]')
    await eventually(() => line.count()).toBeGreaterThan(0)
    const entry = page.getByRole('button', { name: 'Members in total' })
    await entry.click()
    await eventually(() => entry.getAttribute('aria-pressed')).toBe('false')
    await eventually(() => line.count()).toBe(0)
    await entry.press('Enter')
    await eventually(() => entry.getAttribute('aria-pressed')).toBe('true')
    await eventually(() => line.count()).toBeGreaterThan(0)
    // In French the longer names still wrap clear of the plot.
    await page.getByRole('button', { name: 'FR Français' }).click()
    await page.getByRole('button', { name: 'Membres au total' }).waitFor()
    await checkCharts(page, '/members in French', { exactly: 1 })
    await open(page, { path: '/analytics', ready: '.echart-frame .chart-legend' })
    await page.getByRole('button', { name: 'Mois avec une rencontre' }).waitFor()
    await checkCharts(page, '/analytics in French', { atLeast: 2 })
    await page.getByRole('button', { name: 'EN English' }).click()
    await page.close()
  })

  it.each([phone, desktop])(
    'shows every goal title whole and each milestone in full on hover and focus at $width px',
    async (viewport) => {
      const programme = (await api('GET', '/api/v1/programmes/jpn-itpp-2023', 'staff')) as {
        objectives: { goals: { number: string; title: string; milestones: { title: string }[] }[] }[]
      }
      const goals = programme.objectives.flatMap((objective) => objective.goals)
      const page = await signedIn('staff')
      await page.setViewportSize(viewport)
      await open(page, { path: '/programmes/jpn-itpp-2023', ready: '.gantt-milestone' })
      const gantt = page.locator('figure.gantt')

      // Titles whole (not cut to 42 characters as before), in text a person can read, inside the box:
      // each label read until it holds, as the chart may still be laying itself out.
      const labels = () =>
        gantt.locator('.gantt-rows .gantt-label').evaluateAll(
          (elements, width) =>
            elements.map((element) => ({
              text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
              readable: Number.parseFloat(getComputedStyle(element).fontSize) >= 12,
              clipped: element.scrollWidth > element.clientWidth,
              inside: element.getBoundingClientRect().right <= width,
            })),
          viewport.width,
        )
      await eventually(labels).toEqual(
        goals.map((goal) => ({
          text: `${goal.number} ${goal.title}`,
          readable: true,
          clipped: false,
          inside: true,
        })),
      )
      // Milestones are 24 px targets: the widths of those narrower than that, and how many there are.
      const milestoneCount = goals.flatMap((goal) => goal.milestones).length
      await eventually(() =>
        gantt.locator('.gantt-milestone').evaluateAll((elements) => {
          const widths = elements.map((element) => element.getBoundingClientRect().width)
          return { count: widths.length, under24: widths.filter((width) => width < 24) }
        }),
      ).toEqual({ count: milestoneCount, under24: [] })
      // Each diamond leads to its milestone in the tree.
      await eventually(() =>
        gantt
          .locator('.gantt-milestone')
          .evaluateAll((links) =>
            links
              .map((link) => decodeURIComponent((link.getAttribute('href') ?? '').slice(1)))
              .filter((id) => document.getElementById(id)?.classList.contains('milestone-item') !== true),
          ),
      ).toEqual([])

      // Keyboard: focus shows the full title, date and health; Tab moves to the next; Escape hides it.
      const tip = gantt.getByRole('tooltip')
      const milestones = goals.flatMap((goal) => goal.milestones)
      const first = gantt.locator('.gantt-milestone').first()
      await first.focus()
      await eventually(() => tip.textContent()).toMatch(
        new RegExp(`^${escapeRegExp(milestones[0]?.title ?? '')}: due `),
      )
      await expectInside(tip, viewport.width)
      await page.keyboard.press('Tab')
      await eventually(() => tip.textContent()).toMatch(
        new RegExp(`^${escapeRegExp(milestones[1]?.title ?? '')}: due `),
      )
      await page.keyboard.press('Escape')
      await eventually(() => tip.count()).toBe(0)

      // Pointer: the last milestone (far right) shows its tooltip within the viewport.
      const last = gantt.locator('.gantt-milestone').last()
      await last.hover()
      await eventually(() => tip.textContent()).toMatch(
        new RegExp(`^${escapeRegExp(milestones.at(-1)?.title ?? '')}: due `),
      )
      await expectInside(tip, viewport.width)
      await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      )
      expect(await runAxe(page)).toEqual([])
      if (shots !== '') await gantt.screenshot({ path: `${shots}/phone-gantt-${viewport.width}.png` })
      await page.close()
    },
  )
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Read until it holds: a tooltip is placed (and moved clear of the edge) after it shows. */
async function expectInside(locator: Locator, width: number): Promise<void> {
  await eventually(async () => {
    const box = await locator.boundingBox()
    return box === null ? null : { box, left: box.x >= 0, right: box.x + box.width <= width }
  }).toMatchObject({ left: true, right: true })
}
