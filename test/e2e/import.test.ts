import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { eventsCsv } from '../support/import-files.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

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

async function signedIn(username: string, path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ width, height: 900 })
  await signInThroughForm(page, server.url, username, { next: path })
  return page
}

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text) }
}

describe('import page (Chromium)', () => {
  for (const width of [1366, 390]) {
    it(`lists a bad file's problems, then imports the fixed file to 100% at ${width} px`, async () => {
      const page = await signedIn('staff', '/import', width)
      await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()
      expect(await runAxe(page)).toEqual([])

      // No file yet: the message is shown and the file input takes the focus.
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      await page.getByText('Choose a CSV or JSON file to import').waitFor()
      await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('import-file')

      await page.getByLabel('The file holds').selectOption('events')
      const file = page.getByLabel('File', { exact: true })
      await file.setInputFiles(csvFile('events-bad.csv', eventsCsv('XYZ', `-${width}`)))
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      const problems = page.getByRole('table', { name: /Problems in the file/ })
      await problems.waitFor()
      await eventually(() => problems.locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringMatching(/^3\s+partner\s+No partner has the code XYZ$/),
      ])
      await page.getByText(/1 problem in 3 rows: nothing was imported/).waitFor()
      expect(await runAxe(page)).toEqual([])
      await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )

      // The fixed file: a dry run first, then the import; the bar ends full.
      await file.setInputFiles(csvFile('events.csv', eventsCsv('JPN', `-${width}`)))
      await page.getByRole('button', { name: 'Check the file (dry run)' }).click()
      await page.getByText(/The file is valid: importing it would create 3 relationship events/).waitFor()
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      await page.getByText('Imported 3 relationship events from 3 rows.').waitFor()
      const bar = page.getByRole('progressbar', { name: 'Import progress' })
      await eventually(() => bar.evaluate((element) => (element as HTMLProgressElement).value)).toBe(100)
      await eventually(() => page.getByRole('table', { name: /Problems in the file/ }).count()).toBe(0)
      expect(await runAxe(page)).toEqual([])
      await page.screenshot({ path: `/tmp/liaison-import-${width}.png`, fullPage: true })

      await page.goto(`${server.url}/partners/JPN`)
      // The timeline's chart also names it in an SVG title; the visible text is what counts.
      await page.waitForFunction(
        // biome-ignore lint/performance/useDomNodeTextContent: textContent would count the hidden SVG title
        (title) => document.body.innerText.includes(title),
        `Imported staff talks-${width}`,
      )
      await page.close()
    })
  }

  it('is not in the navigation of a partner user', async () => {
    const page = await signedIn('jpn', '/partners', 1366)
    await page.getByRole('heading', { name: 'Partners' }).first().waitFor()
    await eventually(() => page.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0)
    await page.close()
  })
})
