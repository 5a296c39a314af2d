import type { Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
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
const paths = (process.env.PATHS ?? '/').split(' ')
const width = Number(process.env.W ?? 360)
async function report(page: Page, name: string) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
  const r = await page.evaluate(() => {
    const w = window.innerWidth
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const b = el.getBoundingClientRect()
      if (b.right > w + 0.5 && b.width > 0) {
        // skip if inside a scroll box
        let p = el.parentElement
        let inside = false
        while (p) {
          const s = getComputedStyle(p)
          if (s.overflowX === 'auto' || s.overflowX === 'hidden' || s.overflowX === 'scroll') {
            inside = true
            break
          }
          p = p.parentElement
        }
        if (!inside)
          out.push(
            `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} right=${Math.round(b.right)} w=${Math.round(b.width)} "${(el.textContent ?? '').slice(0, 40)}"`,
          )
      }
    }
    return { sw: document.documentElement.scrollWidth, out: out.slice(0, 12) }
  })
  const axe = await runAxe(page)
  console.log(`${name} sw=${r.sw}\n  ${r.out.join('\n  ')}\n  axe=${JSON.stringify(axe)}`)
  await page.screenshot({ path: `/tmp/phone-x-${name.replace(/[^a-z0-9]+/gi, '_')}.png`, fullPage: true })
}
it('sweep', async () => {
  for (const user of (process.env.USERS ?? 'staff').split(' ')) {
    const page = await browser.newPage({ width, height: 740 })
    await page.goto(`${server.url}/sign-in`)
    await page.getByLabel('Username').fill(user)
    await page.getByLabel('Password').fill(testPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    for (const path of paths) {
      await page.goto(`${server.url}${path}`)
      await report(page, `${user}${path}`)
    }
    await page.close()
  }
}, 300_000)
