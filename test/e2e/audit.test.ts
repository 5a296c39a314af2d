import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newEngagement, send } from '../api/engagements-support.ts'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, openMoreMenu, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// The built app (npm run build → dist/web) over a real SQLite file: staff change a record over
// HTTP, then read the trail in Chromium.
let server: TestServer
let browser: LaunchedBrowser
let engagementId: string

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  browser = await launchBrowser()
  const staff = await server.signIn('staff')
  const created = await send(server, 'POST', '/api/v1/engagements', {
    cookie: staff,
    body: newEngagement({ title: 'Audited talks' }),
  })
  expect(created.status).toBe(201)
  engagementId = (created.body as { id: string }).id
  const changed = await send(server, 'PATCH', `/api/v1/engagements/${engagementId}`, {
    cookie: staff,
    ifMatch: '"1"',
    body: { title: 'Audited talks (renamed)' },
  })
  expect(changed.status).toBe(200)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport)
  await signInThroughForm(page, server.url, username)
  return page
}

function csvHref(page: Page): Promise<string | null> {
  return page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
}

describe('the audit trail in the web app (Chromium)', () => {
  it('shows staff the change they made, filtered by user and by record, with a CSV link that keeps the filters', async () => {
    const page = await signedIn('staff', { width: 1366, height: 900 })
    // Audit is one of the secondary areas under the header's "More".
    await openMoreMenu(page)
    await eventually(() => page.getByRole('link', { name: 'Audit', exact: true }).count()).toBe(1)
    await page.getByRole('link', { name: 'Audit', exact: true }).click()
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor()
    await page.getByText(/^Hash chain intact: \d+ entries verified, newest #\d+\.$/).waitFor()
    // The create shows the record's title; the update the changed field, before → after.
    const created = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'create', exact: true }) })
      .filter({ hasText: engagementId })
    await created.waitFor()
    await eventually(() => created.locator('dd').first().textContent()).toBe('Audited talks')
    const update = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'update', exact: true }) })
      .filter({ hasText: engagementId })
    await update.waitFor()
    await eventually(() => update.getByRole('cell', { name: 'staff', exact: true }).count()).toBe(1)
    await eventually(() => update.locator('dt', { hasText: 'title' }).count()).toBe(1)
    await eventually(() => update.locator('del').first().textContent()).toBe('Audited talks')
    await eventually(() => update.locator('ins').first().textContent()).toBe('Audited talks (renamed)')
    await eventually(() =>
      update.getByRole('link', { name: `engagement ${engagementId}` }).getAttribute('href'),
    ).toBe(`/engagements/${engagementId}`)
    expect(await runAxe(page)).toEqual([])

    // The demo's trail runs over several pages of 25; Next walks there and the address keeps it.
    const firstPage = page.getByText(/ · page 1 of \d+$/)
    await firstPage.waitFor()
    const pages = Number((await firstPage.textContent())?.match(/of (\d+)$/)?.[1])
    expect(pages).toBeGreaterThanOrEqual(2)
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByText(new RegExp(` · page 2 of ${pages}$`)).waitFor()
    await eventually(async () => page.url()).toContain('page=1')
    await eventually(() => page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(pages === 2)
    await page.getByRole('button', { name: 'Previous' }).click()
    await page.getByText(new RegExp(` · page 1 of ${pages}$`)).waitFor()

    // By user: jpn has only signed in (never in this test), so nothing matches; staff matches again.
    await page.getByLabel('User').fill('jpn')
    await page.getByText('No audit entries match').waitFor()
    await eventually(() => csvHref(page)).toBe('/api/v1/audit.csv?actor=jpn')
    await page.getByLabel('User').fill('staff')
    await update.waitFor()

    // By record: the engagement's create and update, nothing else.
    await page.getByLabel('Record type').selectOption('engagement')
    await page.getByLabel('Record id').fill(engagementId)
    // With the type alone the trail also holds just these two entries, so wait for the address
    // (which the router updates in a transition) to carry the id before reading the list.
    await page.waitForURL((url) => url.searchParams.get('entityId') === engagementId)
    await page.getByText('2 entries · page 1 of 1').waitFor()
    await eventually(() => page.getByRole('row').count()).toBe(3)
    await eventually(() => csvHref(page)).toBe(
      `/api/v1/audit.csv?entity=engagement&entityId=${engagementId}&actor=staff`,
    )
    const href = await csvHref(page)
    await page.screenshot({ path: '/tmp/portal-audit-desktop.png', fullPage: true })

    // Days in the wrong order: the server's message, nothing listed; put right, the entries return.
    await page.getByLabel('From (UTC day)').fill('2026-05-02')
    await page.getByLabel('To (UTC day)').fill('2026-05-01')
    const refused = page.getByRole('alert').filter({ hasText: 'to must not be before from' })
    await refused.waitFor()
    await eventually(() => page.getByRole('table').count()).toBe(0)
    expect(await runAxe(page)).toEqual([])
    await page.getByLabel('From (UTC day)').fill('')
    await page.getByLabel('To (UTC day)').fill('')
    await page.getByText('2 entries · page 1 of 1').waitFor()

    // The link downloads exactly those entries (the browser's cookie, the server's CSV).
    const csv = await page.evaluate(async (path) => (await fetch(path)).text(), href ?? '')
    const lines = csv.trim().split(/\r?\n/)
    expect(lines).toHaveLength(3)
    expect(lines.slice(1).every((line) => line.includes(engagementId))).toBe(true)
    await page.close()
  })

  it('is axe clean at phone width, with the table scrolling in its own region', async () => {
    const page = await signedIn('staff', { width: 390, height: 844 })
    await page.goto(`${server.url}/audit?entity=engagement&entityId=${engagementId}`)
    await page.getByText('2 entries · page 1 of 1').waitFor()
    expect(await runAxe(page)).toEqual([])
    await eventually(() =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/portal-audit-phone.png', fullPage: true })
    await page.close()
  })

  it('alerts when the hash chain is broken, naming the entry', async () => {
    const page = await signedIn('staff')
    const first = await server.db.kysely
      .selectFrom('audit_log')
      .select(['id', 'action'])
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow()
    await server.db.kysely
      .updateTable('audit_log')
      .set({ action: 'forged' })
      .where('id', '=', first.id)
      .execute()
    try {
      await page.goto(`${server.url}/audit`)
      const alert = page.getByRole('alert').filter({ hasText: 'The hash chain is broken at entry #1' })
      await alert.waitFor()
      await eventually(() => alert.textContent()).toContain(`id ${first.id}`)
      expect(await runAxe(page)).toEqual([])
    } finally {
      await server.db.kysely
        .updateTable('audit_log')
        .set({ action: first.action })
        .where('id', '=', first.id)
        .execute()
      await page.close()
    }
  })

  it('shows a partner no nav item and a clear "not allowed" page', async () => {
    const page = await signedIn('jpn')
    await eventually(() =>
      page.getByRole('link', { name: 'Audit', exact: true, includeHidden: true }).count(),
    ).toBe(0)
    await page.goto(`${server.url}/audit`)
    await page.getByText('You are not allowed to read the audit trail').waitFor()
    await eventually(() => page.getByRole('table').count()).toBe(0)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })
})
