import { afterAll, beforeAll, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, webRoot } from '../support/browser.ts'
import { startTestServer, type TestServer, testPassword } from '../support/server.ts'

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
it('shots', async () => {
  for (const width of [360, 1366]) {
    const page = await browser.newPage({ width, height: 740 })
    await page.goto(`${server.url}/sign-in`)
    await page.getByLabel('Username').fill('staff')
    await page.getByLabel('Password').fill(testPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await page.goto(`${server.url}/programmes/jpn-itpp-2023`)
    await page.locator('section[aria-labelledby="gantt-title"]').waitFor()
    const g = page.locator('section[aria-labelledby="gantt-title"]')
    await g.screenshot({ path: `/tmp/phone-gantt-after-${width}.png` })
    await g.locator('.gantt-milestone').first().focus()
    await g.screenshot({ path: `/tmp/phone-gantt-focus-${width}.png` })
    await g.locator('.gantt-milestone').nth(3).hover()
    await g.screenshot({ path: `/tmp/phone-gantt-hover-${width}.png` })
    console.log('SW', width, await page.evaluate(() => document.documentElement.scrollWidth))
    await page.locator('section[aria-labelledby="progress-title"] .echart svg').waitFor()
    await page
      .locator('section[aria-labelledby="progress-title"] .echart-frame')
      .screenshot({ path: `/tmp/phone-progress-after-${width}.png` })
    await page.goto(`${server.url}/analytics`)
    await page.locator('.echart svg').first().waitFor()
    await page.waitForTimeout(500)
    const charts = page.locator('.echart-frame')
    for (let i = 0; i < (await charts.count()); i++)
      await charts.nth(i).screenshot({ path: `/tmp/phone-analytics-after-${width}-${i}.png` })
    await page.goto(`${server.url}/members`)
    await page.locator('.echart svg').first().waitFor()
    await page.waitForTimeout(300)
    await page
      .locator('.echart-frame')
      .first()
      .screenshot({ path: `/tmp/phone-members-after-${width}.png` })
    await page.close()
  }
}, 120_000)
