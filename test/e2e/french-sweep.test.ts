import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, repoRoot, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

// The built app in French, page by page: no text a person reads or hears (text, aria-label, title,
// placeholder, alt) may be an English message of the catalogue whose French differs. The source
// scanner (test/web/no-english-literals) finds English written outside the catalogue; this finds
// English that reaches the page anyway, from whatever code path.

type Messages = Record<string, string>
const readMessages = (locale: string): Messages =>
  JSON.parse(readFileSync(join(repoRoot, `src/i18n/messages/${locale}.json`), 'utf8')) as Messages

/** A matcher for an English message: exact text, its {placeholders} standing for any text. */
function matcherOf(message: string): RegExp | undefined {
  // Plural and select messages have several forms; the simple ones cover most of the interface.
  if (/\{[^}]*,/.test(message)) return undefined
  const parts = message.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  // Mostly placeholders ("{when} by {who}") would match any text with the word in it: too weak.
  if (parts.join('').replace(/[^\p{L}]/gu, '').length < 6) return undefined
  return new RegExp(`^${parts.join('.+?')}$`, 'u')
}

const english = readMessages('en')
const french = readMessages('fr')
// A word that is also French somewhere in the catalogue ("Import", "Description") proves nothing.
const frenchTexts = new Set(Object.values(french))
/**
 * Messages whose English is also content, shown as it was written: the place of the alliance's own
 * meetings; priority-area names, which the demo programmes use as goal titles; the audit trail's
 * stored field names.
 */
const alsoContent = (key: string) =>
  key === 'engagements.engagementForm.defaultPlace' ||
  key === 'partners.timelineList.illustrative' ||
  key.startsWith('label.area.')
const englishOnly = Object.entries(english)
  .filter(([key]) => !alsoContent(key))
  .filter(([key, text]) => french[key] !== text && !frenchTexts.has(text) && /\p{L}{3,}/u.test(text))
  .flatMap(([key, text]) => {
    const matcher = matcherOf(text)
    return matcher === undefined ? [] : [{ key, matcher }]
  })

/** Every route of the app (web/src/routes/index.tsx) and the address that shows it. */
const routeSource = readFileSync(join(repoRoot, 'web/src/routes/index.tsx'), 'utf8')
const routePaths = [...routeSource.matchAll(/\{ path: '([^']+)'/g)].map((match) => match[1] ?? '')

let server: TestServer
let browser: LaunchedBrowser
let page: Page
const ids: Record<string, string> = {}

async function firstId(path: string, cookie: string): Promise<string> {
  const answer = await fetch(`${server.url}${path}`, { headers: { cookie } })
  const body = (await answer.json()) as { items: Array<{ id: string }> }
  const id = body.items[0]?.id
  if (id === undefined) throw new Error(`${path} lists nothing to visit`)
  return id
}

beforeAll(async () => {
  server = await startTestServer('sqlite', { webRoot })
  browser = await launchBrowser()
  const staff = await server.signIn('staff')
  ids.engagement = await firstId('/api/v1/engagements?limit=1', staff)
  ids.proposal = await firstId('/api/v1/proposals?limit=1', staff)
  ids.item = await firstId('/api/v1/cooperation/items?limit=1', staff)
  ids.event = await firstId('/api/v1/cooperation/events?limit=1', staff)
  ids.request = await firstId('/api/v1/cooperation/requests?limit=1', staff)
  page = await browser.newPage({ width: 1366, height: 900 })
  await signInThroughForm(page, server.url, 'staff')
  await page.getByRole('button', { name: 'FR Français' }).click()
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

function addressOf(path: string): string | undefined {
  const addresses: Record<string, string> = {
    '/': '/',
    '/partners': '/partners',
    '/import': '/import',
    '/partners/:code': '/partners/JPN',
    '/frameworks': '/frameworks',
    '/frameworks/:id': '/frameworks/ip4',
    '/members': '/members',
    '/programmes': '/programmes',
    '/programmes/:id': '/programmes/jpn-itpp-2023',
    '/engagements': '/engagements?view=list',
    '/engagements/new': '/engagements/new',
    '/engagements/:id': `/engagements/${ids.engagement}`,
    '/engagements/:id/edit': `/engagements/${ids.engagement}/edit`,
    '/statements': '/statements',
    '/analytics': '/analytics',
    '/scheduling': '/scheduling',
    '/proposals': '/proposals',
    '/proposals/:id': `/proposals/${ids.proposal}`,
    '/offices': '/offices',
    '/cooperation': '/cooperation',
    '/cooperation/items/:id': `/cooperation/items/${ids.item}`,
    '/cooperation/events': '/cooperation/events',
    '/cooperation/events/:id': `/cooperation/events/${ids.event}`,
    '/cooperation/requests': '/cooperation/requests',
    '/cooperation/requests/:id': `/cooperation/requests/${ids.request}`,
    '/cooperation/queue': '/cooperation/queue',
    '/search': '/search?q=tokyo',
    '/accounts': '/accounts',
    '/audit': '/audit',
    '*': '/no-such-page',
  }
  return addresses[path]
}

/** What the page shows or says: its text nodes and the attributes read aloud or shown on hover. */
function shownTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.replace(/\s+/g, ' ').trim() ?? ''
      if (text !== '' && walker.currentNode.parentElement?.closest('script, style, svg') == null)
        texts.push(text)
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim()
        if (value) texts.push(value)
      }
    }
    texts.push(document.title)
    return texts
  })
}

describe('the built app in French (Chromium)', () => {
  it('has an address for every route, so a new page cannot escape the sweep', () => {
    expect(routePaths.length).toBeGreaterThan(20)
    expect(routePaths.filter((path) => path !== '/sign-in' && addressOf(path) === undefined)).toEqual([])
  })

  it('shows no English message on any page once French is chosen', async () => {
    const found: string[] = []
    for (const path of routePaths.filter((route) => route !== '/sign-in')) {
      const address = addressOf(path) ?? path
      await page.goto(`${server.url}${address}`)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await page.waitForLoadState('networkidle')
      // The address is part of the value read, so a failure names the page.
      await eventually(
        async () => `${address}: ${await page.evaluate(() => document.documentElement.lang)}`,
      ).toBe(`${address}: fr`)
      for (const text of new Set(await shownTexts())) {
        const message = englishOnly.find(({ matcher }) => matcher.test(text))
        if (message !== undefined) found.push(`${address}: "${text}" (${message.key})`)
      }
    }
    expect(found).toEqual([])
  }, 240_000)
})
