import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

// The built app (npm run build → dist/web) served by the real server over a real SQLite file. The
// administrator works in Chromium; the account they manage signs in over plain HTTP, since the
// browser's pages share one cookie jar.
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

async function adminPage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport)
  await signInThroughForm(page, server.url, 'staff')
  // The nav offers the page to an administrator (behind the Menu button at phone width).
  await eventually(() => page.getByRole('link', { name: 'Accounts', includeHidden: true }).count()).toBe(1)
  await page.goto(`${server.url}/accounts`)
  await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor()
  await page.getByTestId('account-staff').waitFor()
  return page
}

/** Signs in over HTTP; answers the status and the session cookie. */
async function signIn(username: string, password: string) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' }
}

async function kindOf(cookie: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })
  return ((await response.json()) as { kind: string }).kind
}

async function confirmAction(page: Page, name: string) {
  await page.getByRole('button', { name }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

describe('accounts in the web app (Chromium)', () => {
  it('hides the page from a partner', async () => {
    const page = await browser.newPage()
    await signInThroughForm(page, server.url, 'jpn')
    await eventually(() => page.getByRole('link', { name: 'Accounts', exact: true }).count()).toBe(0)
    await page.goto(`${server.url}/accounts`)
    await page.getByText('Only administrators manage accounts').waitFor()
    await page.close()
  })

  it('lets an administrator create an account that signs in, then disable it, signing it out', async () => {
    const page = await adminPage({ width: 1366, height: 900 })
    expect(await runAxe(page)).toEqual([])
    await eventually(() => page.getByRole('button', { name: 'Disable staff' }).count()).toBe(0)
    await page.getByRole('button', { name: 'New account' }).click()
    const form = page.getByRole('form', { name: 'New account' })
    await form.getByLabel('Username').fill('mng-officer')
    await form.getByLabel('Display name').fill('Officer of the Mission of Mongolia')
    await form.getByLabel('Kind').selectOption('partner')
    await form.getByLabel(/^Country/).fill('MNG')
    await form.getByLabel('Clearance').selectOption('UNCLASSIFIED')
    // No role yet: the server's message is shown on the roles.
    await form.getByRole('button', { name: 'Create account' }).click()
    await eventually(() => form.locator('#new-account-roles-error').textContent()).toBe(
      'Give at least one role.',
    )
    expect(await runAxe(page)).toEqual([])
    await form.getByLabel('partner-mission').check()
    await form.getByRole('button', { name: 'Create account' }).click()
    const shown = page.getByTestId('one-time-password')
    await shown.waitFor()
    await eventually(async () => (await shown.textContent()) ?? '').toMatch(/^[A-Za-z0-9_-]{16}$/)
    const password = (await shown.textContent()) ?? ''
    await page.getByTestId('account-mng-officer').waitFor()
    await page.screenshot({ path: '/tmp/accounts-1366.png', fullPage: true })
    expect(await runAxe(page)).toEqual([])

    const user = await signIn('mng-officer', password)
    expect(user.status).toBe(200)
    expect(await kindOf(user.cookie)).toBe('partner')

    await page.getByRole('button', { name: 'Edit mng-officer' }).click()
    const edit = page.getByRole('form', { name: 'Edit mng-officer' })
    await eventually(() => edit.getByLabel('Clearance').locator('option').allTextContents()).toEqual([
      'PUBLIC',
      'UNCLASSIFIED',
      'RESTRICTED',
      'CONFIDENTIAL',
    ])
    expect(await runAxe(page)).toEqual([])
    await edit.getByLabel('Display name').fill('Defence attaché of Mongolia')
    await edit.getByRole('button', { name: 'Save' }).click()
    await edit.waitFor({ state: 'hidden' })
    await eventually(() => page.getByTestId('account-mng-officer').textContent()).toContain(
      'Defence attaché of Mongolia',
    )

    await confirmAction(page, 'Disable mng-officer')
    await eventually(() => page.getByTestId('account-mng-officer').textContent()).toContain('disabled')
    expect(await kindOf(user.cookie)).toBe('public')
    expect((await signIn('mng-officer', password)).status).toBe(403)
    await page.close()
  })

  it('shows an account locked by five wrong passwords, and unlocks it, at phone width', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await signIn('kor', 'wrong password')
    expect((await signIn('kor', testPassword)).status).toBe(403)
    const page = await adminPage({ width: 390, height: 844 })
    const row = page.getByTestId('account-kor')
    await eventually(() => row.textContent()).toContain('locked')
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: '/tmp/accounts-390.png', fullPage: true })
    expect(await runAxe(page)).toEqual([])
    await confirmAction(page, 'Unlock kor')
    await eventually(() => row.textContent()).toContain('active')
    expect((await signIn('kor', testPassword)).status).toBe(200)
    await page.close()
  })
})
