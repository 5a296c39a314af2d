import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProposalDetail } from '../../src/contract/proposal.ts'
import { remindersConfigFrom } from '../../src/server/proposals/reminders/config.ts'
import { remindersTick } from '../../src/server/proposals/reminders/tick.ts'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { fixedNow, startTestServer, type TestServer } from '../support/server.ts'

// The built app (npm run build → dist/web) over a real SQLite file, seen by two separate browsers:
// one acts, the other only watches the proposal page and must see the outcome without a reload.
let server: TestServer
let actor: LaunchedBrowser
let watcher: LaunchedBrowser
let staffCookie = ''

const phone = { width: 390, height: 844 }
const city = 'Tokyo (test)'
// The demo data (data/decisions.json): the Tokyo office proposal France objects to, and its office.
const tokyo = { id: 'tokyo-liaison-office-proposal', title: 'Open a NATO liaison office in Tokyo' }
const silence = 'Illustrative: agree the 2027 calendar of dialogues with the Indo-Pacific partners'
const shots = process.env.LIAISON_SCREENSHOTS ?? ''

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  actor = await launchBrowser()
  watcher = await launchBrowser()
  staffCookie = await server.signIn('staff')
}, 60_000)

afterAll(async () => {
  await watcher?.close()
  await actor?.close()
  await server?.close()
})

async function api(method: string, path: string, cookie: string, body?: unknown, version?: number) {
  const headers: Record<string, string> = { cookie }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (version !== undefined) headers['if-match'] = `"${version}"`
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = await response.json()
  expect(response.status, JSON.stringify(json)).toBeLessThan(300)
  return ProposalDetail.parse(json)
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (shots !== '') await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

async function axeAtBothWidths(page: Page, name: string): Promise<void> {
  expect(await runAxe(page), `${name} at desktop width`).toEqual([])
  await screenshot(page, `${name}-desktop`)
  await page.setViewportSize(phone)
  expect(await runAxe(page), `${name} at 390 px`).toEqual([])
  await screenshot(page, `${name}-phone`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

describe('decisions in the web app (Chromium)', () => {
  it("reminds France's delegation of the silence procedure it has not answered, and not a partner", async () => {
    // The reminders loop of `liaison serve` is not running in tests: one tick at the server's clock.
    const tick = await remindersTick(server.db, fixedNow, remindersConfigFrom({}))
    expect(tick.created).toBeGreaterThan(0)
    const delegation = await actor.newPage()
    await signInThroughForm(delegation, server.url, 'fra')
    await delegation.getByRole('link', { name: 'Decisions', exact: true }).click()
    const panel = delegation.getByRole('region', { name: /Awaiting a position/ })
    await panel.waitFor()
    await eventually(() => panel.getByRole('link', { name: silence }).count()).toBe(1)
    await axeAtBothWidths(delegation, 'reminders')
    await delegation.close()

    const partner = await actor.newPage()
    // The panel shows only when the reminders have come and are not empty: its absence means
    // something only once they have come.
    const remindersRead = partner.waitForResponse(
      (response) => response.url().endsWith('/api/v1/reminders'),
      {
        timeout: 60_000,
      },
    )
    await signInThroughForm(partner, server.url, 'jpn')
    await partner.getByRole('link', { name: 'Decisions', exact: true }).click()
    await partner.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor()
    await partner.getByRole('link', { name: silence }).waitFor()
    await (await remindersRead).finished()
    await eventually(() => partner.getByRole('region', { name: /Awaiting a position/ }).count()).toBe(0)
    await partner.close()
  })

  it('lets staff record a liaison office, refusing a zone the IANA database lacks', async () => {
    const desk = await actor.newPage()
    await signInThroughForm(desk, server.url, 'staff')
    await desk.getByRole('link', { name: 'Offices', exact: true }).click()
    await desk.getByRole('heading', { level: 1, name: 'Liaison offices' }).waitFor()
    await desk.getByRole('button', { name: 'Record a liaison office' }).click()
    await desk.getByLabel('City').fill(city)
    await desk.getByLabel('Host country (code, e.g. JPN)').fill('JPN')
    await desk.getByLabel('Time zone (IANA, e.g. Asia/Tokyo)').fill('Asia/Tokio')
    await desk.getByLabel('Partners served (codes, separated by commas)').fill('JPN, KOR')
    await desk.getByRole('button', { name: 'Save office' }).click()
    await desk.locator('.field-error', { hasText: 'Asia/Tokio is not an IANA time zone' }).waitFor()
    await desk.getByLabel('Time zone (IANA, e.g. Asia/Tokyo)').fill('Asia/Tokyo')
    await desk.getByRole('button', { name: 'Save office' }).click()
    const officeRow = desk.getByRole('row', { name: /Tokyo \(test\)/ })
    await eventually(() => officeRow.getByText('Proposed').count()).toBe(1)
    await eventually(() => officeRow.textContent()).toContain('Asia/Tokyo')
    // The demo office is listed too, still proposed: France's objection holds its proposal.
    const demoRow = desk.getByRole('row', { name: /^Tokyo Japan/ })
    await eventually(() => demoRow.getByText('Proposed').count()).toBe(1)
    await axeAtBothWidths(desk, 'offices-proposed')
    await desk.close()
  })

  it('shows France’s objection blocking the Tokyo office; France concurs, all concur, a second browser sees it adopted', async () => {
    const path = `/proposals/${tokyo.id}`

    // France's delegation: the list shows it blocked, and the silence procedure counting down.
    const france = await actor.newPage()
    await signInThroughForm(france, server.url, 'fra')
    await france.getByRole('link', { name: 'Decisions', exact: true }).click()
    await france.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor()
    const blockedGroup = france.locator('section', { has: france.getByRole('heading', { name: /^Blocked/ }) })
    await blockedGroup.getByRole('link', { name: tokyo.title }).waitFor()
    await eventually(() =>
      blockedGroup.getByRole('row', { name: new RegExp(tokyo.title) }).textContent(),
    ).toContain('Blocked by France')
    const openGroup = france.locator('section', { has: france.getByRole('heading', { name: /^Open/ }) })
    // The demo deadline is five minutes after the (test) start; the page's clock is the server's.
    await eventually(() =>
      openGroup.getByRole('row', { name: new RegExp(silence.slice(0, 30)) }).textContent(),
    ).toContain('5 min 00 s left')
    await axeAtBothWidths(france, 'proposals-list')

    await france.goto(`${server.url}${path}`)
    await france.getByRole('heading', { level: 1, name: tokyo.title }).waitFor()
    await france.getByText('Blocked by France').waitFor()
    await eventually(() => france.getByTestId('proposal-status').textContent()).toBe('Blocked')
    // One cell per member of the alliance on the server's day (32 since Sweden joined in 2024).
    const members = (await api('GET' as 'POST', `/api/v1/proposals/${tokyo.id}`, staffCookie)).positions ?? []
    expect(members.length).toBeGreaterThanOrEqual(28)
    const cells = france.locator('.position-grid > li')
    await eventually(() => cells.count()).toBe(members.length)
    // Each cell says its member and position in words, not by colour alone.
    await eventually(() => cells.filter({ hasText: 'FRA' }).textContent()).toContain('Objects')
    await eventually(() => cells.filter({ hasText: 'Objects' }).count()).toBe(1)
    await axeAtBothWidths(france, 'proposal-blocked')

    // France changes its position to concur, with a note.
    await france.getByLabel('Position', { exact: true }).selectOption('concur')
    await france.getByLabel('Note (optional)').fill('Concerns addressed in the North Atlantic Council.')
    await france.getByRole('button', { name: 'Record position' }).click()
    await france.getByText('FRA: Concurs recorded.').waitFor()
    await eventually(() => france.getByText('Blocked by France').count()).toBe(0)
    await france.getByRole('cell', { name: 'Concerns addressed in the North Atlantic Council.' }).waitFor()
    await france.close()

    // A second browser, signed in as staff, is already showing the page.
    const watching = await watcher.newPage()
    await signInThroughForm(watching, server.url, 'staff')
    // The page follows the real event stream route.
    const streamOpened = watching.waitForResponse((response) => response.url().endsWith(`${tokyo.id}/events`))
    await watching.goto(`${server.url}${path}`)
    await watching.getByRole('heading', { level: 1, name: tokyo.title }).waitFor()
    const stream = await streamOpened
    expect(stream.status()).toBe(200)
    expect(await stream.headerValue('content-type')).toContain('text/event-stream')
    await eventually(() => watching.getByTestId('proposal-status').textContent()).not.toBe('Adopted')

    // Staff record one member's position on its behalf through the page…
    const staff = await actor.newPage()
    await signInThroughForm(staff, server.url, 'staff', { next: path })
    await staff.getByLabel('Member (recorded on its behalf)').selectOption('DEU')
    await staff.getByLabel('Position', { exact: true }).selectOption('concur')
    await staff.getByRole('button', { name: 'Record position' }).click()
    await staff.getByText('DEU: Concurs recorded.').waitFor()
    await staff.getByRole('cell', { name: 'staff on behalf of DEU' }).waitFor()
    expect(await runAxe(staff)).toEqual([])

    // …and every other member concurs through the API, as their delegations would.
    let current = await api('GET' as 'POST', `/api/v1/proposals/${tokyo.id}`, staffCookie)
    const remaining = (current.positions ?? []).filter((entry) => entry.position !== 'concur')
    expect(remaining.map((entry) => entry.member)).not.toContain('FRA')
    for (const { member } of remaining) {
      expect(current.status).not.toBe('adopted')
      current = await api(
        'PUT',
        `/api/v1/proposals/${tokyo.id}/positions/${member}`,
        staffCookie,
        { position: 'concur' },
        current.version,
      )
    }
    expect(current.status).toBe('adopted')

    // The watching browser changes by itself within seconds: while its stream is open it re-reads
    // the proposal only every 30 s, so this is the stream's `changed` event at work.
    await eventually(() => watching.getByTestId('proposal-status').textContent(), 5_000).toBe('Adopted')
    await eventually(() => watching.locator('.position-grid > li', { hasText: 'Concurs' }).count()).toBe(
      members.length,
    )
    // The office it decided opened with it.
    await eventually(() => watching.getByRole('link', { name: 'Tokyo, Japan' }).count()).toBe(1)
    await watching.getByText('(open)').waitFor()
    await axeAtBothWidths(watching, 'proposal-adopted')
    await watching.goto(`${server.url}/proposals`)
    const decided = watching.locator('section', { has: watching.getByRole('heading', { name: /^Decided/ }) })
    await decided.getByRole('link', { name: tokyo.title }).waitFor()

    // Adoption opened the office in the same transaction: the offices page and Japan's page say so.
    await watching.goto(`${server.url}/offices`)
    const openedRow = watching.getByRole('row', { name: /^Tokyo Japan/ })
    await eventually(() => openedRow.getByText('Open', { exact: true }).count()).toBe(1)
    await axeAtBothWidths(watching, 'offices-open')
    await watching.goto(`${server.url}/partners/JPN`)
    const served = watching.getByRole('region', { name: 'Liaison offices serving Japan' })
    await served.getByRole('row', { name: /^Tokyo Japan/ }).waitFor()
    await staff.close()
    await watching.close()
  })
})
