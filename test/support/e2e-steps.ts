import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { testPassword } from './server.ts'

/**
 * Steps every browser test takes the same way. Each one waits for what it needs to be true, so a
 * loaded machine (CI: two cores, two test files, a Chromium each) makes it slower, never wrong.
 */

/**
 * A value read again until it matches: playwright-core's reads (`count()`, `textContent()`) are
 * one-shot, and a render after a click or an answer lands whenever the machine gets to it.
 */
export function eventually<T>(read: () => Promise<T>, timeout = 10_000, message?: string) {
  return expect.poll(read, message === undefined ? { timeout } : { timeout, message })
}

/**
 * Signs in through the form and returns once the app has settled on the page it went to next.
 * "Sign out" shows as soon as the session is known, a render before the app navigates away from
 * the sign-in page; that navigation then moves the focus to the main region and closes any open
 * menu. So this waits for both: off the sign-in page, and the focus in `main`.
 */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  username: string,
  options: { readonly next?: string; readonly password?: string } = {},
): Promise<void> {
  const query = options.next === undefined ? '' : `?next=${encodeURIComponent(options.next)}`
  await page.goto(`${baseUrl}/sign-in${query}`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(options.password ?? testPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
  await page.waitForFunction(
    () => window.location.pathname !== '/sign-in' && document.activeElement?.id === 'main',
  )
  const next = options.next
  if (next !== undefined) await page.waitForURL((url) => `${url.pathname}${url.search}` === next)
}

/** Opens the header's "More" group and waits until it shows its links. */
export async function openMoreMenu(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: 'More' })
  await more.click()
  await eventually(() => more.getAttribute('aria-expanded')).toBe('true')
}
