import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { fixedNow, startTestServer, type TestServer, testPassword } from '../support/server.ts'

// The built app over a real SQLite file. The server's clock can move (the feedback report is
// filed after the event), and the browser's clock moves with it, so both agree on "today".
const day = 86_400_000
let now = fixedNow
let server: TestServer
let url = ''
let browser: LaunchedBrowser

const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }
const shots = process.env.LIAISON_SCREENSHOTS ?? ''
const course = 'Cyber defence course for partners (test)'
const isoDay = (at: Date) => new Date(at.getTime()).toISOString().slice(0, 10)
// Days well clear of the test clock's own day in any zone, so no zone edge decides a phase.
const startsOn = isoDay(new Date(fixedNow.getTime() + 20 * day))
const endsOn = isoDay(new Date(fixedNow.getTime() + 24 * day))
const deadline = isoDay(new Date(fixedNow.getTime() + 10 * day))
let eventId = ''
let requestId = ''
const staffCookies: Record<string, string> = {}

async function signInApi(username: string): Promise<string> {
  const cached = staffCookies[username]
  if (cached !== undefined) return cached
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: testPassword }),
  })
  expect(response.status).toBe(200)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  staffCookies[username] = cookie
  return cookie
}

async function api(method: string, path: string, username: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { cookie: await signInApi(username) }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  expect(response.status, text).toBeLessThan(300)
  return text === '' ? null : JSON.parse(text)
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(value)}`)
  return id
}

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot, now: () => now })
  url = server.url
  browser = await launchBrowser()
  // The catalogue entry and its event, kept by staff: France provides the course, two seats.
  const marking = { classification: 'UNCLASSIFIED', releasableTo: ['KOR', 'JPN'] }
  const item = await api('POST', '/api/v1/cooperation/items', 'staff', {
    code: 'E2E-CYB-1',
    title: course,
    description: 'A week of incident handling for partner teams.',
    provider: { kind: 'member', code: 'FRA' },
    format: 'course',
    priorityAreas: ['cyber-defence'],
    languages: ['en'],
    eligibility: { partners: ['KOR', 'JPN'], frameworks: [] },
    illustrative: false,
    marking,
  })
  const event = await api('POST', '/api/v1/cooperation/events', 'staff', {
    itemId: idOf(item),
    startsOn,
    endsOn,
    place: 'Tallinn',
    timeZone: 'Europe/Tallinn',
    capacity: 2,
    applicationDeadline: deadline,
    marking,
  })
  eventId = idOf(event)
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function screenshot(page: Page, name: string): Promise<void> {
  if (shots !== '') await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

/** axe at both widths, and at 390 px no page-wide sideways scroll (tables scroll in their box). */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.setViewportSize(desktop)
  expect(await runAxe(page), `${name} at 1366 px`).toEqual([])
  await screenshot(page, `${name}-desktop`)
  await page.setViewportSize(phone)
  expect(await runAxe(page), `${name} at 390 px`).toEqual([])
  // Waited for: a resize re-renders what measures its own width a frame later.
  await eventually(
    () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    10_000,
    `${name}: page-wide horizontal scroll at 390 px`,
  ).toBeLessThanOrEqual(1)
  await screenshot(page, `${name}-phone`)
  await page.setViewportSize(desktop)
}

describe('the cooperation menu in the web app (Chromium)', () => {
  it('lets Korea request a cyber defence course for a goal of its programme', async () => {
    const korea = await browser.newPage(desktop)
    await signInThroughForm(korea, url, 'kor')
    await korea.getByRole('link', { name: 'Cooperation', exact: true }).click()
    await korea.getByRole('heading', { level: 1, name: 'Cooperation menu' }).waitFor()
    await korea.getByLabel('Search the catalogue').fill('incident handling')
    await korea.getByLabel('Priority area').selectOption('cyber-defence')
    // The box follows the address, which the router updates a moment after the click: wait for it
    // to show checked instead of asking Playwright's check() to see it change at once.
    const eligible = korea.getByLabel('Only what I may request')
    await eligible.click()
    await eventually(() => eligible.isChecked()).toBe(true)
    const row = korea.getByRole('row', { name: new RegExp(course.replace(/[()]/g, '.')) })
    await row.waitFor()
    await eventually(() => row.textContent()).toContain('You may request')
    await checkPage(korea, 'cooperation-catalogue')
    // A search that matches nothing says so.
    await korea.getByLabel('Search the catalogue').fill('no such words anywhere')
    await korea.getByText('No activity matches these filters').waitFor()
    await korea.getByLabel('Search the catalogue').fill('incident handling')
    await row.getByRole('link').click()

    await korea.getByRole('heading', { level: 1, name: course }).waitFor()
    // The events load after the item: axe reads the page once they are listed.
    await korea.getByRole('region', { name: 'Events of this activity' }).waitFor()
    await korea.getByRole('link', { name: /–/ }).first().waitFor()
    await checkPage(korea, 'cooperation-item')
    await korea.getByRole('link', { name: /–/ }).first().click()
    await korea
      .getByRole('heading', { level: 1, name: new RegExp(`^${course.replace(/[()]/g, '.')},`) })
      .waitFor()
    await eventually(() => korea.getByText('(days in Europe/Tallinn)').count()).toBe(1)
    await korea.getByRole('button', { name: 'Request a place' }).waitFor()
    await checkPage(korea, 'cooperation-event')

    await korea.getByRole('button', { name: 'Request a place' }).click()
    await korea.getByRole('group', { name: /this activity serves/ }).waitFor()
    // No goal chosen: the message is shown and the focus is on the first goal.
    await korea.getByRole('button', { name: 'Send request' }).click()
    await korea.getByText('Please correct the fields marked below.').waitFor()
    await eventually(() => korea.evaluate(() => document.activeElement?.getAttribute('type'))).toBe(
      'checkbox',
    )
    await checkPage(korea, 'cooperation-request-form-errors')
    await korea.getByRole('checkbox', { name: /Cyber defence$/ }).check()
    await korea.getByLabel('Note to the provider (optional)').fill('Two officers of the national CERT.')
    await korea.getByRole('button', { name: 'Send request' }).click()
    await korea.waitForURL(/\/cooperation\/requests\//)
    await korea.getByRole('heading', { level: 1, name: course, exact: true }).waitFor()
    await eventually(() => korea.getByTestId('request-status').textContent()).toBe('Awaiting approval')
    requestId = decodeURIComponent(korea.url().split('/').pop() ?? '')
    await eventually(() => korea.getByRole('link', { name: 'Cyber defence', exact: true }).count()).toBe(1)
    await checkPage(korea, 'cooperation-request-requested')

    await korea
      .getByRole('navigation', { name: 'Cooperation menu' })
      .getByRole('link', { name: 'Requests', exact: true })
      .click()
    await korea.getByRole('heading', { level: 1, name: 'Cooperation requests' }).waitFor()
    await korea.getByRole('row', { name: /E2E-CYB-1/ }).waitFor()
    await checkPage(korea, 'cooperation-requests')
    await korea.close()
  })

  it('lets France, the provider, approve it from its queue; a stale decision is refused with a 409', async () => {
    const france = await browser.newPage(desktop)
    await signInThroughForm(france, url, 'fra')
    // A tab left open on the request, read while it still awaited a decision.
    const stale = await browser.context.newPage()
    await stale.setViewportSize(desktop)
    await stale.goto(`${url}/cooperation/requests/${encodeURIComponent(requestId)}`)
    await stale.getByRole('button', { name: 'Decline' }).waitFor()

    await france.goto(`${url}/cooperation`)
    await france
      .getByRole('navigation', { name: 'Cooperation menu' })
      .getByRole('link', { name: 'Approval queue' })
      .click()
    await france.getByRole('heading', { level: 1, name: 'Approval queue' }).waitFor()
    const row = france.getByRole('row', { name: /E2E-CYB-1/ })
    await row.waitFor()
    await eventually(() => row.textContent()).toContain('Republic of Korea')
    await eventually(() => row.textContent()).toContain('Cyber defence')
    await checkPage(france, 'cooperation-queue')
    await row.getByRole('button', { name: /^Approve/ }).click()
    await france.getByRole('status').filter({ hasText: 'approved' }).waitFor()
    await france.getByText('Nothing awaits a decision').waitFor()
    await checkPage(france, 'cooperation-queue-empty')

    // The old tab declines over the approval: refused, said plainly, and the page shows the approval.
    await stale.getByRole('button', { name: 'Decline' }).click()
    const refusal = stale.getByRole('alert')
    await refusal.waitFor()
    await eventually(() => refusal.textContent()).toMatch(/current version|changed|approved/i)
    await eventually(() => stale.getByTestId('request-status').textContent()).toBe('Approved')
    await checkPage(stale, 'cooperation-request-conflict')
    await stale.close()
    await france.close()
  })

  it('registers two participants, waitlists a third when the event is full, and promotes it on a cancellation', async () => {
    const korea = await browser.newPage(desktop)
    await signInThroughForm(korea, url, 'kor')
    await korea.goto(`${url}/cooperation/requests/${encodeURIComponent(requestId)}`)
    await eventually(() => korea.getByTestId('request-status').textContent()).toBe('Approved')
    await korea.getByRole('heading', { name: 'Register participants' }).waitFor()

    // All the rows' problems at once, the focus on the first.
    await korea.getByRole('button', { name: 'Add another participant' }).click()
    await korea.getByLabel('Nation (participant 2)').fill('')
    await korea.getByRole('button', { name: 'Register participants' }).click()
    await korea.getByText('Please correct the fields marked below.').waitFor()
    await eventually(() => korea.locator('.participant-row .field-error').count()).toBeGreaterThanOrEqual(3)
    await eventually(() => korea.evaluate(() => document.activeElement?.id)).toMatch(/personName$/)
    await checkPage(korea, 'cooperation-participants-errors')

    await korea.getByLabel('Name (participant 1)').fill('Kim Min-jun')
    await korea.getByLabel('Role (participant 1)').selectOption('head-of-delegation')
    await korea.getByLabel('Name (participant 2)').fill('Lee Seo-yeon')
    await korea.getByLabel('Nation (participant 2)').fill('KOR')
    await korea.getByRole('button', { name: 'Register participants' }).click()
    await korea.getByTestId('request-said').filter({ hasText: 'Lee Seo-yeon is confirmed' }).waitFor()
    const confirmed = korea.getByRole('region', { name: 'Confirmed participants' })
    await eventually(() => confirmed.getByRole('row').count()).toBe(3)

    // The event is full: the third goes to the waiting list.
    await korea.getByLabel('Name (participant 1)').fill('Park Ji-ho')
    await korea.getByRole('button', { name: 'Register participants' }).click()
    await korea
      .getByTestId('request-said')
      .filter({ hasText: 'Park Ji-ho is on the waiting list (place 1)' })
      .waitFor()
    const waiting = korea.getByRole('region', { name: 'Waiting list' })
    await waiting.getByRole('rowheader', { name: 'Park Ji-ho' }).waitFor()
    await checkPage(korea, 'cooperation-participants-full')

    // A cancellation gives the seat to the first waiting.
    await confirmed.getByRole('button', { name: 'Cancel Lee Seo-yeon' }).click()
    await korea.getByTestId('request-said').filter({ hasText: 'Lee Seo-yeon cancelled' }).waitFor()
    await confirmed.getByRole('rowheader', { name: 'Park Ji-ho' }).waitFor()
    await eventually(() => korea.getByText('Nobody is waiting.').count()).toBe(1)
    await korea
      .getByRole('region', { name: 'Cancelled participants' })
      .getByRole('rowheader', { name: 'Lee Seo-yeon' })
      .waitFor()
    await checkPage(korea, 'cooperation-participants-promoted')

    // The participant list downloads as CSV, with the confirmed and no cancelled seat holder's seat.
    const csv = await korea.evaluate(
      async (path) => (await fetch(path)).text(),
      `/api/v1/cooperation/events/${encodeURIComponent(eventId)}/participants.csv`,
    )
    expect(csv).toContain('Kim Min-jun')
    expect(csv).toContain('Park Ji-ho')
    await korea.close()
  })

  it("shows Japan none of Korea's requests or participants", async () => {
    const japan = await browser.newPage(desktop)
    await signInThroughForm(japan, url, 'jpn')
    await japan.goto(`${url}/cooperation/requests`)
    await japan.getByRole('heading', { level: 1, name: 'Cooperation requests' }).waitFor()
    // Japan's own illustrative demo request (data/cooperation.json) is its only row: none of
    // Korea's, neither the one made above nor Korea's demo requests.
    const own = japan.getByRole('row', { name: /MAR-110/ })
    await own.waitFor()
    await eventually(() => own.textContent()).toContain('Illustrative')
    await eventually(() => japan.getByRole('table').getByRole('row').count()).toBe(2)
    await eventually(() => japan.getByText('E2E-CYB-1').count()).toBe(0)
    await eventually(() => japan.getByText('Republic of Korea').count()).toBe(0)
    await own.getByRole('link').click()
    await japan.getByRole('heading', { level: 1, name: 'Maritime interdiction operations course' }).waitFor()
    await japan.getByText('Illustrative', { exact: true }).waitFor()
    await checkPage(japan, 'cooperation-request-illustrative')
    await checkPage(japan, 'cooperation-requests-japan')

    await japan.goto(`${url}/cooperation/requests/${encodeURIComponent(requestId)}`)
    await japan.getByRole('heading', { level: 1, name: 'Request not found' }).waitFor()

    // The event itself is open to Japan, but counts only Japan's own registrations: none.
    await japan.goto(`${url}/cooperation/events/${encodeURIComponent(eventId)}`)
    await japan.getByRole('heading', { level: 1, name: new RegExp(course.replace(/[()]/g, '.')) }).waitFor()
    await eventually(() => japan.getByText('0 confirmed · 0 waiting').count()).toBe(1)
    await eventually(() => japan.getByText('Kim Min-jun').count()).toBe(0)
    const csv = await japan.evaluate(
      async (path) => {
        const response = await fetch(path)
        return `${response.status} ${await response.text()}`
      },
      `/api/v1/cooperation/events/${encodeURIComponent(eventId)}/participants.csv`,
    )
    expect(csv).not.toContain('Kim Min-jun')
    expect(csv).not.toContain('Park Ji-ho')
    await checkPage(japan, 'cooperation-event-japan')

    // Korea's programme page shows Japan no Korean request under its goals either.
    await japan.goto(`${url}/programmes/kor-itpp-2023`)
    await japan.getByRole('heading', { level: 2, name: 'Objectives, goals and activities' }).waitFor()
    await eventually(() => japan.getByText('E2E-CYB-1').count()).toBe(0)
    // Nor counts them in its progress.
    await eventually(() => japan.getByTestId('menu-activities').textContent()).toContain('0 approved')
    await eventually(() => japan.getByTestId('menu-activities').textContent()).toContain(
      '0 awaiting approval',
    )
    await japan.close()
  })

  it('files the feedback report after the event, and lists the activity under the goal it served', async () => {
    // The day after the event ended, on the server and in the browser alike.
    now = new Date(Date.parse(`${endsOn}T12:00:00Z`) + 2 * day)
    await browser.context.clock.setFixedTime(now)
    const korea = await browser.newPage(desktop)
    await signInThroughForm(korea, url, 'kor')
    // What Korea's programme counted as reported before (its demo requests have reports too).
    await korea.goto(`${url}/cooperation/requests/${encodeURIComponent(requestId)}`)
    const reportedBefore = await korea.evaluate(async () => {
      const progress = (await (await fetch('/api/v1/programmes/kor-itpp-2023/progress')).json()) as {
        menuActivities: { overall: { reported: number }; byArea: { area: string; reported: number }[] }
      }
      const cyber = progress.menuActivities.byArea.find((area) => area.area === 'cyber-defence')
      return { overall: progress.menuActivities.overall.reported, cyber: cyber?.reported ?? 0 }
    })
    await korea.getByRole('heading', { name: 'File the feedback report' }).waitFor()
    await korea.getByRole('button', { name: 'File report' }).click()
    await korea.getByText('Please correct the fields marked below.').waitFor()
    await eventually(() => korea.locator('#report-rating-error').count()).toBe(1)
    await eventually(() => korea.locator('#report-summary-error').count()).toBe(1)
    await eventually(() => korea.evaluate(() => document.activeElement?.id)).toBe('report-rating')
    await checkPage(korea, 'cooperation-report-errors')
    await korea.getByLabel('Rating').selectOption('5')
    await korea.getByLabel('Summary').fill('Both officers completed the course and brought back playbooks.')
    await korea.getByRole('button', { name: 'File report' }).click()
    const report = korea.getByTestId('report')
    await report.waitFor()
    await eventually(() => report.textContent()).toContain('5 of 5')
    await eventually(() => report.textContent()).toContain('Cyber defence')
    await checkPage(korea, 'cooperation-report')

    await korea.goto(`${url}/programmes/kor-itpp-2023`)
    // Korea's illustrative demo requests (data/cooperation.json) serve goals too: take the
    // cyber defence goal's list, which holds the demo course beside this one.
    const served = korea
      .getByRole('region', { name: 'Cooperation menu activities serving this goal' })
      .filter({ hasText: 'E2E-CYB-1' })
    await served.waitFor()
    await eventually(() => served.textContent()).toContain('CYB-110')
    await eventually(() => served.textContent()).toContain('E2E-CYB-1')
    await eventually(() => served.textContent()).toContain('reported (5 of 5)')
    // The reported activity feeds the programme's progress, in its goal's priority area.
    await eventually(() => korea.getByTestId('menu-activities').textContent()).toContain(
      `${reportedBefore.overall + 1} reported on`,
    )
    const cyber = korea
      .getByRole('region', { name: 'Progress by priority area (table)' })
      .getByRole('row', { name: /^Cyber defence/ })
    await eventually(() => cyber.getByRole('cell').last().textContent()).toBe(
      String(reportedBefore.cyber + 1),
    )
    await checkPage(korea, 'programme-menu-activities')
    await korea.close()
  })
})
