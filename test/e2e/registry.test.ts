import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PartnerDetail } from '../../src/contract/partner.ts'
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

const wide = { width: 1366, height: 900 }
const narrow = { width: 390, height: 844 }

async function signedIn(username: string, path: string, viewport = wide): Promise<Page> {
  const page = await browser.newPage(viewport)
  await signInThroughForm(page, server.url, username, { next: path })
  // The heading comes with the partner's data, in the same render as its timeline and its controls.
  await page.getByRole('heading', { name: 'Relationship timeline' }).waitFor()
  return page
}

const title = 'Quiet staff contacts through the decade'

async function timelineTitles(username: string): Promise<string[]> {
  const page = await signedIn(username, '/partners/JPN')
  const titles = await page.locator('.timeline-title').allTextContents()
  expect(await runAxe(page)).toEqual([])
  await page.close()
  return titles
}

describe('authoring the registry in the web app (Chromium)', () => {
  it('lets staff add a decade-precision event that Japan sees only once it is released to Japan', async () => {
    const page = await signedIn('staff', '/partners/JPN')
    await page.getByRole('button', { name: 'Add event' }).click()
    const form = page.getByRole('form', { name: 'Add event' })
    await form.getByLabel('Known to the').selectOption('decade')
    await form.getByLabel(/^Date \(/).fill('1990')
    await form.getByRole('button', { name: 'Save event' }).click()
    // Every problem at once, the focus on the first.
    await eventually(() => form.locator('#event-new-title-error').textContent()).toBe('Enter a title')
    await eventually(async () => (await form.locator('#event-new-date-error').textContent()) ?? '').toContain(
      '199X',
    )
    // The focus moves to the first problem in an effect, after the messages render.
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('event-new-title')
    expect(await runAxe(page)).toEqual([])

    await form.getByLabel('Kind').selectOption('dialogue')
    await form.getByLabel('Title').fill(title)
    await form.getByLabel(/^Date \(/).fill('198X')
    await form.getByLabel('Classification').selectOption('RESTRICTED')
    await form.getByRole('button', { name: 'Save event' }).click()
    const item = page.locator('.timeline-item').filter({ hasText: title })
    await item.waitFor()
    await eventually(async () => (await item.textContent()) ?? '').toContain('the 1980s')
    // The form closes once the refreshed timeline has arrived, a render after the new event shows.
    await form.waitFor({ state: 'detached' })
    expect(await runAxe(page)).toEqual([])

    const stored = PartnerDetail.parse(
      (await getJson(server, '/api/v1/partners/JPN', await server.signIn('staff'))).body,
    )
    expect(stored.timeline.find((event) => event.title === title)).toMatchObject({
      date: '198X',
      precision: 'decade',
      marking: { classification: 'RESTRICTED', releasableTo: [] },
    })
    await page.close()
    // Pages share one browser context, so each sign-in replaces the last: staff signs in again.
    expect(await timelineTitles('jpn')).not.toContain(title)

    const again = await signedIn('staff', '/partners/JPN')
    const item2 = again.locator('.timeline-item').filter({ hasText: title })
    await item2.getByRole('button', { name: `Edit “${title}”` }).click()
    const edit = again.getByRole('form', { name: `Edit “${title}”` })
    await edit.getByLabel(/^Releasable to/).fill('jpn')
    await edit.getByRole('button', { name: 'Save event' }).click()
    await edit.waitFor({ state: 'detached' })
    await eventually(async () => (await item2.textContent()) ?? '').toContain('JPN')
    await again.close()

    expect(await timelineTitles('jpn')).toContain(title)
    expect(await timelineTitles('kor')).not.toContain(title)
  })

  it('shows no authoring controls to a partner, and fits the forms in 390 px for staff', async () => {
    const japan = await signedIn('jpn', '/partners/JPN', narrow)
    expect(await japan.getByRole('button', { name: /^Add event|^Edit|^Delete/ }).count()).toBe(0)
    await japan.close()

    const page = await signedIn('staff', '/partners/JPN', narrow)
    await page.getByRole('button', { name: 'Edit profile' }).click()
    const profile = page.getByRole('form', { name: 'Edit profile' })
    await profile.getByLabel(/^Time zone/).fill('Asia/Tokio')
    await profile.getByRole('button', { name: 'Save profile' }).click()
    await eventually(
      async () => (await profile.locator('#partner-edit-timeZone-error').textContent()) ?? '',
    ).toContain('IANA')
    await page.getByRole('button', { name: 'Add event' }).click()
    await page.getByRole('form', { name: 'Add event' }).waitFor()
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })
})
