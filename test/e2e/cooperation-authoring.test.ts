import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { fixedNow, startTestServer, type TestServer, testPassword } from '../support/server.ts'

// Keeping the catalogue from the web app: staff edit an item and an event through the pickers,
// a partner sees no edit button, and a stale edit is refused with a 409 the form explains.
// One server (a real SQLite file) and one browser for the whole file.
const day = 86_400_000
let server: TestServer
let url = ''
let browser: LaunchedBrowser

const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }
const title = 'Maritime interdiction seminar (authoring test)'
const isoDay = (at: Date) => new Date(at.getTime()).toISOString().slice(0, 10)
// Days well clear of the test clock's day in any zone.
const startsOn = isoDay(new Date(fixedNow.getTime() + 30 * day))
const endsOn = isoDay(new Date(fixedNow.getTime() + 32 * day))
const deadline = isoDay(new Date(fixedNow.getTime() + 15 * day))
let itemId = ''
let eventId = ''
const cookies: Record<string, string> = {}

async function cookieOf(username: string): Promise<string> {
  const cached = cookies[username]
  if (cached !== undefined) return cached
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: testPassword }),
  })
  expect(response.status).toBe(200)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  cookies[username] = cookie
  return cookie
}

async function api(
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string,
): Promise<{ status: number; etag: string; json: unknown }> {
  const headers: Record<string, string> = { cookie: await cookieOf('staff') }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (ifMatch !== undefined) headers['if-match'] = ifMatch
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  expect(response.status, text).toBeLessThan(300)
  return { status: response.status, etag: response.headers.get('etag') ?? '', json: JSON.parse(text) }
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(value)}`)
  return id
}

const itemPath = () => `/api/v1/cooperation/items/${encodeURIComponent(itemId)}`
const eventPath = () => `/api/v1/cooperation/events/${encodeURIComponent(eventId)}`

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot, now: fixedNow })
  url = server.url
  browser = await launchBrowser()
  const marking = { classification: 'UNCLASSIFIED', releasableTo: ['KOR'] }
  const item = await api('POST', '/api/v1/cooperation/items', {
    code: 'E2E-MAR-1',
    title,
    description: 'Boarding and search procedures.',
    provider: { kind: 'member', code: 'FRA' },
    format: 'seminar',
    priorityAreas: ['maritime-security'],
    languages: ['en'],
    eligibility: { partners: ['KOR'], frameworks: [] },
    illustrative: false,
    marking,
  })
  itemId = idOf(item.json)
  const event = await api('POST', '/api/v1/cooperation/events', {
    itemId,
    startsOn,
    endsOn,
    place: 'Souda Bay',
    timeZone: 'Europe/Athens',
    capacity: 12,
    applicationDeadline: deadline,
    marking,
  })
  eventId = idOf(event.json)
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** axe at both widths, and at 390 px no page-wide sideways scroll. */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.setViewportSize(desktop)
  expect(await runAxe(page), `${name} at 1366 px`).toEqual([])
  await page.setViewportSize(phone)
  expect(await runAxe(page), `${name} at 390 px`).toEqual([])
  // Waited for: a resize re-renders what measures its own width a frame later.
  await eventually(
    () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    10_000,
    `${name}: page-wide horizontal scroll at 390 px`,
  ).toBeLessThanOrEqual(1)
  await page.setViewportSize(desktop)
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

describe('keeping the cooperation catalogue in the web app (Chromium)', () => {
  it('lets staff edit an item: every error at once, pickers, and the saved title', async () => {
    const page = await browser.newPage(desktop)
    await signInThroughForm(page, url, 'staff')
    await page.goto(`${url}/cooperation/items/${encodeURIComponent(itemId)}`)
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.getByRole('button', { name: 'Edit item' }).click()
    const form = page.getByRole('form', { name: 'Edit this activity' })
    await form.waitFor()
    // The form is filled from the item: the provider by name, the area and language by label.
    await eventually(() => page.getByLabel('Provided by').inputValue()).toContain('France')
    await form.getByText('Maritime security').waitFor()
    await form.getByText('English (EN)').waitFor()
    await checkPage(page, 'cooperation-item-edit')

    // Two mistakes at once: no title, no language. Both are reported, the focus on the first.
    await page.getByLabel('Title', { exact: true }).fill('')
    await form.getByRole('button', { name: 'Remove English (EN)' }).click()
    await form.getByRole('button', { name: 'Save changes' }).click()
    await form.getByText('Please correct the 2 fields marked below.').waitFor()
    await eventually(() => form.locator('#item-edit-title-error').textContent()).toBe('Enter a title')
    await eventually(() => form.locator('#item-edit-languages-error').textContent()).toBe(
      'Name at least one working language',
    )
    await eventually(() => focusedId(page)).toBe('item-edit-title')
    await checkPage(page, 'cooperation-item-edit-errors')

    const renamed = 'Maritime interdiction seminar, second edition (authoring test)'
    await page.getByLabel('Title', { exact: true }).fill(renamed)
    await page.getByLabel('Working languages').fill('French')
    await page.getByRole('option', { name: 'French (FR)' }).click()
    await page.getByLabel('Priority areas').fill('Cyber')
    await page.getByRole('option', { name: 'Cyber defence' }).click()
    await form.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor()
    await eventually(() => page.getByRole('form', { name: 'Edit this activity' }).count()).toBe(0)
    const saved = (await api('GET', itemPath())).json as {
      title: string
      languages: string[]
      priorityAreas: string[]
    }
    expect(saved.title).toBe(renamed)
    expect(saved.languages).toEqual(['fr'])
    expect(saved.priorityAreas).toEqual(['maritime-security', 'cyber-defence'])
    await checkPage(page, 'cooperation-item-saved')
    await page.close()
  })

  it('lets staff add an item and schedule its event with the pickers, every error reported at once', async () => {
    const page = await browser.newPage(desktop)
    await signInThroughForm(page, url, 'staff')
    await page.goto(`${url}/cooperation`)
    await page.getByRole('button', { name: 'Add a catalogue item' }).click()
    const itemForm = page.getByRole('form', { name: 'New catalogue item' })
    await itemForm.waitFor()
    await itemForm.getByRole('button', { name: 'Save item' }).click()
    await itemForm.getByText(/Please correct the \d+ fields marked below\./).waitFor()
    await eventually(() => focusedId(page)).toBe('item-new-code')
    await checkPage(page, 'cooperation-item-new-errors')
    await page.getByLabel('Code (e.g. CYB-101)').fill('e2e-res-1')
    await page.getByLabel('Title', { exact: true }).fill('Resilience planning workshop (authoring test)')
    await page.getByLabel('Provided by').fill('Civil Preparedness')
    await itemForm.getByRole('option', { name: 'Alliance Civil Preparedness Unit' }).click()
    await page.getByLabel('Open to these partners').fill('Korea')
    await itemForm.getByRole('option', { name: /Korea \(KOR\)/ }).click()
    await page.getByRole('combobox', { name: 'Releasable to' }).fill('KOR')
    await itemForm.getByRole('option', { name: /Korea \(KOR\)/ }).click()
    await itemForm.getByRole('button', { name: 'Save item' }).click()
    await page
      .getByRole('heading', { level: 1, name: 'Resilience planning workshop (authoring test)' })
      .waitFor()
    await eventually(() => page.getByText('E2E-RES-1', { exact: true }).count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'Schedule an event' }).click()
    const eventForm = page.getByRole('form', { name: 'New event' })
    await eventForm.waitFor()
    await eventForm.getByRole('button', { name: 'Save event' }).click()
    await eventForm.getByText(/Please correct the \d+ fields marked below\./).waitFor()
    await eventually(() => eventForm.locator('.field-error').count()).toBeGreaterThanOrEqual(5)
    await eventually(() => focusedId(page)).toBe('event-new-startsOn')
    await checkPage(page, 'cooperation-event-new-errors')
    await page.getByLabel('First day (at the place)').fill(startsOn)
    await page.getByLabel('Last day (at the place)').fill(endsOn)
    await page.getByLabel('Place', { exact: true }).fill('Tallinn')
    await page.getByLabel('Time zone of the place').fill('Tallinn')
    await eventForm.getByRole('option', { name: /^Tallinn, Estonia — Europe\/Tallinn/ }).click()
    await page.getByLabel('Capacity (seats)').fill('8')
    await page.getByLabel('Apply by (last day, at the place)').fill(deadline)
    await eventForm.getByRole('button', { name: 'Save event' }).click()
    const events = page.getByRole('region', { name: 'Events of this activity' })
    await events.getByRole('row', { name: /Tallinn/ }).waitFor()
    // The form closes after the saved list re-renders: waited for, not read once (a loaded CI
    // machine read it a frame early).
    await eventually(() => page.getByRole('form', { name: 'New event' }).count()).toBe(0)
    await page.close()
  })

  it("lets staff change an event's capacity on a phone, with the zone shown by its city", async () => {
    const page = await browser.newPage(phone)
    await signInThroughForm(page, url, 'staff')
    await page.goto(`${url}/cooperation/events/${encodeURIComponent(eventId)}`)
    await page.getByText('12 seats').waitFor()
    await page.getByRole('button', { name: 'Edit event' }).click()
    const form = page.getByRole('form', { name: 'Edit this event' })
    await form.waitFor()
    await eventually(() => page.getByLabel('Time zone of the place').inputValue()).toMatch(
      /^Athens, Greece — Europe\/Athens/,
    )
    await page.getByLabel('Capacity (seats)').fill('')
    await page.getByLabel('Place', { exact: true }).fill('')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await form.getByText('Please correct the 2 fields marked below.').waitFor()
    await eventually(() => focusedId(page)).toBe('event-edit-place')
    await checkPage(page, 'cooperation-event-edit-errors')

    await page.getByLabel('Place', { exact: true }).fill('Souda Bay, Crete')
    await page.getByLabel('Capacity (seats)').fill('20')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await page.getByText('20 seats').waitFor()
    await page.getByText('Souda Bay, Crete').waitFor()
    const saved = (await api('GET', eventPath())).json as { capacity: number; timeZone: string }
    expect(saved).toMatchObject({ capacity: 20, timeZone: 'Europe/Athens' })
    await checkPage(page, 'cooperation-event-saved')
    await page.close()
  })

  it('shows a partner user no edit buttons', async () => {
    const page = await browser.newPage(desktop)
    await signInThroughForm(page, url, 'kor')
    await page.goto(`${url}/cooperation/items/${encodeURIComponent(itemId)}`)
    await page.getByRole('heading', { level: 1, name: /Maritime interdiction seminar/ }).waitFor()
    await page.getByRole('region', { name: 'Events of this activity' }).waitFor()
    await eventually(() => page.getByRole('button', { name: 'Edit item' }).count()).toBe(0)
    await eventually(() => page.getByRole('button', { name: 'Schedule an event' }).count()).toBe(0)
    await page.goto(`${url}/cooperation/events/${encodeURIComponent(eventId)}`)
    await page.getByRole('button', { name: 'Request a place' }).waitFor()
    await eventually(() => page.getByRole('button', { name: 'Edit event' }).count()).toBe(0)
    await checkPage(page, 'cooperation-event-partner')
    await page.close()
  })

  it('refuses a stale edit with a 409 and shows the item as it is now', async () => {
    const page = await browser.newPage(desktop)
    await signInThroughForm(page, url, 'staff')
    await page.goto(`${url}/cooperation/items/${encodeURIComponent(itemId)}`)
    await page.getByRole('button', { name: 'Edit item' }).click()
    const form = page.getByRole('form', { name: 'Edit this activity' })
    await form.waitFor()
    // Someone else saves a new description while the form is open.
    const read = await api('GET', itemPath())
    await api('PATCH', itemPath(), { description: 'Changed in another tab.' }, read.etag)

    await page.getByLabel('Description').fill('Typed over a version that is gone.')
    await form.getByRole('button', { name: 'Save changes' }).click()
    const alert = form.getByRole('alert')
    await alert.waitFor()
    await eventually(() => alert.textContent()).toContain('Changed by someone else')
    await eventually(() => alert.textContent()).toContain(
      'The form now shows the current version: make your change again.',
    )
    // The form was refilled with what the other tab saved.
    await eventually(() => page.getByLabel('Description').inputValue()).toBe('Changed in another tab.')
    await checkPage(page, 'cooperation-item-conflict')

    // Saving again now goes through, over the current version.
    await page.getByLabel('Description').fill('Boarding, search and seizure.')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor()
    expect(((await api('GET', itemPath())).json as { description: string }).description).toBe(
      'Boarding, search and seizure.',
    )
    await page.close()
  })
})
