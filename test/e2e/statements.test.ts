import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StatementView } from '../../src/contract/engagement-statement.ts'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { getJson, startTestServer, type TestServer } from '../support/server.ts'

// The built app (npm run build → dist/web) served by the real server over a real SQLite file.
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

async function signedIn(username: string, path: string): Promise<Page> {
  const page = await browser.newPage()
  await signInThroughForm(page, server.url, username, { next: path })
  await page.getByRole('heading', { name: 'Statements', level: 2 }).waitFor()
  return page
}

/** The statement card whose text contains `title`. */
const card = (page: Page, title: string) => page.getByTestId('statement').filter({ hasText: title })

async function statementsOf(engagement: string) {
  const { body } = await getJson(server, `/api/v1/statements?engagement=${engagement}`)
  return StatementView.array().parse(Reflect.get(Object(body), 'items'))
}

const vilnius = '/engagements/summit-2023-vilnius'

describe('statements in the web app (Chromium)', () => {
  it('lets staff add a statement, showing the schema’s field message before saving', async () => {
    const page = await signedIn('staff', vilnius)
    await page.getByRole('button', { name: 'Add statement' }).click()
    const form = page.getByRole('form', { name: 'Add a statement' })
    await form.getByLabel('Kind').selectOption('press-release')
    await form.getByLabel('Title').fill('Press release on the Vilnius partners session')
    await form.getByLabel('Status').selectOption('issued')
    await form.getByRole('button', { name: 'Save statement' }).click()
    const dateError = form.locator('#statement-new-issuedOn-error')
    await eventually(() => dateError.textContent()).toBe('An issued statement needs the day it was issued')
    await eventually(() => form.getByLabel('Issued on').getAttribute('aria-invalid')).toBe('true')
    expect(await runAxe(page)).toEqual([])
    expect((await statementsOf('summit-2023-vilnius')).length).toBe(1)

    await form.getByLabel('Issued on').fill('2023-07-12')
    await form.getByLabel('Issuers').fill('NATO, jpn')
    await form.getByRole('button', { name: 'Save statement' }).click()
    const added = card(page, 'Press release on the Vilnius partners session')
    await added.waitFor()
    await eventually(() => added.textContent()).toContain('by JPN, NATO')
    const stored = (await statementsOf('summit-2023-vilnius')).find((s) => s.kind === 'press-release')
    expect(stored).toMatchObject({ status: 'issued', issuedOn: '2023-07-12', issuers: ['JPN', 'NATO'] })
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('lets Japan associate itself with an issued statement and withdraw, with no staff controls', async () => {
    const page = await signedIn('jpn', vilnius)
    const communique = card(page, 'Vilnius Summit Communiqué')
    await communique.waitFor()
    await eventually(() => page.getByRole('button', { name: 'Add statement' }).count()).toBe(0)
    await eventually(() => communique.getByRole('button', { name: /^Edit|^Delete/ }).count()).toBe(0)
    await communique.getByRole('button', { name: 'Associate Japan with this statement' }).click()
    await eventually(() => communique.getByTestId('associations').textContent()).toBe('Associated: Japan')
    const stored = await statementsOf('summit-2023-vilnius')
    expect(stored.find((s) => s.id === 'statement-2023-vilnius-communique')?.associations).toEqual([
      expect.objectContaining({ country: 'JPN' }),
    ])
    expect(await runAxe(page)).toEqual([])
    await communique.getByRole('button', { name: 'Withdraw association' }).click()
    await communique.getByRole('button', { name: 'Associate Japan with this statement' }).waitFor()
    await eventually(() => communique.getByTestId('associations').count()).toBe(0)
    await page.close()
  })

  it('shows a 409 when the statement changed meanwhile, and deletes after confirming', async () => {
    const page = await signedIn('staff', '/engagements/summit-2025-the-hague')
    const hague = card(page, 'The Hague Summit Declaration')
    await hague.getByRole('button', { name: 'Edit The Hague Summit Declaration' }).click()
    const form = page.getByRole('form', { name: 'Edit The Hague Summit Declaration' })
    // Someone else changes it through the API after the form was filled.
    const cookie = await server.signIn('staff')
    const changed = await fetch(`${server.url}/api/v1/statements/statement-2025-the-hague-declaration`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ summary: 'Changed elsewhere' }),
    })
    expect(changed.status).toBe(200)
    await form.getByLabel('Summary').fill('My edit')
    await form.getByRole('button', { name: 'Save statement' }).click()
    await eventually(() => form.getByRole('alert').textContent()).toContain('now shows the current version')
    await eventually(() => form.getByLabel('Summary').inputValue()).toBe('Changed elsewhere')
    expect(await runAxe(page)).toEqual([])
    await form.getByRole('button', { name: 'Cancel' }).click()
    await eventually(() => hague.textContent()).toContain('Changed elsewhere')
    await hague.getByRole('button', { name: 'Delete The Hague Summit Declaration' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete this statement?' })
    await dialog.getByRole('button', { name: 'Delete statement' }).click()
    await eventually(() => card(page, 'The Hague Summit Declaration').count()).toBe(0)
    expect(await statementsOf('summit-2025-the-hague')).toEqual([])
    await page.close()
  })

  it('lists statements filtered by partner and status, linking each to its engagement', async () => {
    const page = await browser.newPage({ width: 375, height: 800 })
    await page.goto(`${server.url}/statements`)
    const list = page.getByTestId('statement-list')
    await list.waitFor()
    await page.locator('#statements-partner option[value="JPN"]').waitFor({ state: 'attached' })
    // Both choices land in one task, before React re-renders: the second must not undo the first.
    await page.evaluate(() => {
      for (const [id, value] of [
        ['statements-partner', 'JPN'],
        ['statements-status', 'not-issued'],
      ] as const) {
        const select = document.getElementById(id) as HTMLSelectElement
        select.value = value
        select.dispatchEvent(new Event('change', { bubbles: true }))
      }
    })
    await eventually(() => list.getByTestId('statement').count()).toBe(1)
    await eventually(() => list.textContent()).toContain('No joint statement')
    await eventually(async () => new URL(page.url()).search).toBe('?partner=JPN&status=not-issued')
    await list.getByRole('link', { name: /IP4 leaders/ }).click()
    await page.getByRole('heading', { name: /IP4 leaders/, level: 1 }).waitFor()
    expect(await runAxe(page)).toEqual([])
    await page.goto(`${server.url}/statements?status=issued`)
    await eventually(() => page.getByTestId('statement').count()).toBeGreaterThan(3)
    await eventually(() => page.getByRole('button', { name: /^Associate|^Edit/ }).count()).toBe(0)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })
})
