import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { fixedNow } from './server.ts'

/** Debian's Chromium; the CI script installs it when missing. */
export const chromiumPath = '/usr/bin/chromium'
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const webRoot = join(repoRoot, 'dist/web')

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface LaunchedBrowser {
  readonly context: BrowserContext
  /** A new tab at the given viewport, signed out: cookies are cleared first. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>
  close(): Promise<void>
}

/**
 * Starts Chromium with a throw-away profile (--user-data-dir, which Playwright only allows through
 * a persistent context). Pages share that context, so `newPage` clears cookies to start signed out.
 * Cookies expire by the browser's real clock; the session cookie's Max-Age makes that independent
 * of the fixed test clock.
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'liaison-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  })
  // The pages read the same fixed clock as the test server, so the web app's "today" (late
  // milestones, the today line, default dates) is the server's. Timers keep running.
  await context.clock.setFixedTime(fixedNow)
  return {
    context,
    async newPage(viewport = { width: 1280, height: 900 }) {
      await context.clearCookies()
      const page = await context.newPage()
      // A step that cannot happen fails on its own locator, well before the test's own limit.
      page.setDefaultTimeout(15_000)
      await page.setViewportSize(viewport)
      return page
    },
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly targets: readonly string[]
}

let axeSource: string | null = null

/** Runs axe-core in the page and returns the serious and critical violations (empty when clean). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')
  // Evaluated through the DevTools protocol, not as an inline <script>, which the app's
  // Content-Security-Policy (script-src 'self') rightly refuses.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = Reflect.get(window, 'axe')
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map(
      (violation: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }),
    )
  })
  return violations.filter(
    (violation: AxeViolation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
}
