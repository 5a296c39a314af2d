import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import {
  liaisonProviderSetting,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../support/oidc-provider.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// The built app over a real SQLite file, signing in through a REAL OpenID provider (oidc-provider)
// that this file starts on another port: Chromium walks the whole code flow, both sites.
let idp: TestOidcProvider
let server: TestServer
let browser: LaunchedBrowser

beforeAll(async () => {
  idp = await startTestOidcProvider()
  server = await startTestServer('sqlite', { webRoot, oidcProviders: [liaisonProviderSetting(idp.issuer)] })
  idp.registerClient(server.url)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await idp?.close()
})

const buttonName = 'Sign in with Ministry of Foreign Affairs ID'

/** From Liaison's sign-in page through the provider's login form and back, signed in. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`)
  await page.getByRole('link', { name: buttonName }).click()
  await page.waitForURL((url) => url.origin === idp.issuer)
  await page.locator('input[name="login"]').fill(login)
  // The development provider takes any password: what matters here is the claims it returns.
  await page.locator('input[name="password"]').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.waitForURL((url) => url.origin === server.url)
}

describe('single sign-on in the web app (Chromium)', () => {
  it('offers the provider beside the local form, accessibly, at phone width too', async () => {
    const page = await browser.newPage({ width: 390, height: 844 })
    await page.goto(`${server.url}/sign-in`)
    await page.getByRole('link', { name: buttonName }).waitFor()
    // The local form is still there.
    await page.getByLabel('Username').waitFor()
    expect(await runAxe(page)).toEqual([])
    await page.screenshot({ path: '/tmp/h3-sso-sign-in-phone.png', fullPage: true })
    await page.close()
  })

  it("signs Japan's mission in through the provider: Japan's programme, not Korea's restricted parts; sign-out ends at the provider", async () => {
    const page = await browser.newPage()
    await signInThroughProvider(page, 'jpn-mission')
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await eventually(() => page.locator('.session-who').textContent()).toContain('Mission of Japan (SSO)')
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json()
    expect(session).toMatchObject({
      kind: 'partner',
      country: 'JPN',
      clearance: 'RESTRICTED',
      username: 'jpn-mission',
    })
    expect(session.roles).toEqual(['partner-mission'])

    await page.goto(`${server.url}/programmes/jpn-itpp-2023`)
    await page.getByRole('heading', { level: 1, name: /Japan — Individually Tailored/ }).waitFor()
    // Released to Japan: shown. Alliance only: not.
    await page.getByText('Exchange of cyber threat information').first().waitFor()
    await eventually(() => page.getByText('Alliance internal coordination').count()).toBe(0)
    expect(await runAxe(page)).toEqual([])

    await page.goto(`${server.url}/programmes/kor-itpp-2023`)
    await page.getByRole('heading', { level: 1, name: /Republic of Korea — Individually Tailored/ }).waitFor()
    await page.getByText('Non-proliferation expert talks').first().waitFor()
    // Korea's milestone released to Korea only is not on Japan's screen.
    await eventually(() => page.getByText('Non-proliferation talks held').count()).toBe(0)
    await page.screenshot({ path: '/tmp/h3-sso-korea-as-japan.png', fullPage: true })

    await page.getByRole('button', { name: 'Sign out' }).click()
    // RP-initiated logout: the browser is at the provider's end-session page with the ID token hint.
    await page.waitForURL((url) => url.origin === idp.issuer && url.pathname.startsWith('/session/end'))
    await page.screenshot({ path: '/tmp/h3-sso-provider-logout.png', fullPage: true })
    expect((await (await page.request.get(`${server.url}/api/v1/session`)).json()).kind).toBe('public')
    // Confirming there ends the provider's session and comes back to Liaison's sign-in page.
    await page.getByRole('button', { name: /yes/i }).click()
    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/sign-in')
    await page.getByRole('link', { name: buttonName }).waitFor()
    await page.close()
  })

  it("shows Korea's restricted milestone to Korea (so its absence above means something)", async () => {
    const page = await browser.newPage()
    await signInThroughForm(page, server.url, 'kor')
    await page.goto(`${server.url}/programmes/kor-itpp-2023`)
    await page.getByText('Non-proliferation talks held').first().waitFor()
    await page.close()
  })

  it('names a refused single sign-on on the sign-in page (an account without a country)', async () => {
    const page = await browser.newPage()
    await signInThroughProvider(page, 'no-country')
    await page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('error') === 'unmapped',
    )
    const alert = page.getByRole('alert')
    await eventually(() => alert.textContent()).toContain('lacks what Liaison needs')
    // Focus moves to the alert once the page has settled (a frame after it renders).
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect((await (await page.request.get(`${server.url}/api/v1/session`)).json()).kind).toBe('public')
    expect(await runAxe(page)).toEqual([])
    await page.screenshot({ path: '/tmp/h3-sso-refused.png', fullPage: true })
    await page.close()
  })
})
