import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedBrowser, launchBrowser, runAxe, webRoot } from '../support/browser.ts'
import { eventually, signInThroughForm } from '../support/e2e-steps.ts'
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

const japan = '/programmes/jpn-itpp-2023'

describe('programmes in the web app (Chromium)', () => {
  it('lets Japan edit its own ITPP draft, and staff see it, take it through the lifecycle and download it', async () => {
    const partner = await browser.newPage()
    await signInThroughForm(partner, server.url, 'jpn', { next: japan })
    await partner.getByRole('heading', { level: 1, name: /Japan — Individually Tailored/ }).waitFor()
    const row = partner.locator('[data-node-id="jpn-g4"]').first()
    await row.waitFor()
    // The alliance-only goal is not on Japan's page.
    await eventually(() => partner.getByText('Alliance internal coordination').count()).toBe(0)
    await row.getByRole('button', { name: 'Edit' }).first().click()
    const title = partner.getByLabel('Title of 2.2')
    await title.fill('Space security dialogue and space situational awareness')
    await partner.getByRole('checkbox', { name: 'Emerging and disruptive technologies' }).check()
    await partner.getByRole('button', { name: 'Save' }).click()
    await eventually(() => partner.locator('[data-node-id="jpn-g4"] .tree-title').first().textContent()).toBe(
      'Space security dialogue and space situational awareness',
    )
    await eventually(() =>
      partner.locator('[data-node-id="jpn-g4"] > .tree-row .area-chip').allTextContents(),
    ).toEqual(['Space', 'Emerging and disruptive technologies'])
    // Reorder with the keyboard: move goal 2.2 up to 2.1.
    await partner.getByRole('button', { name: 'Move 2.2 up' }).focus()
    await partner.keyboard.press('Enter')
    await eventually(() =>
      partner.locator('[data-node-id="jpn-g4"] .tree-number').first().textContent(),
    ).toBe('2.1')
    expect(await runAxe(partner)).toEqual([])
    await partner.close()

    const staff = await browser.newPage()
    await signInThroughForm(staff, server.url, 'staff', { next: japan })
    await staff.getByText('Space security dialogue and space situational awareness').first().waitFor()
    await eventually(() => staff.getByText('Alliance internal coordination').count()).toBeGreaterThan(0)
    const step = async (label: string, expected: string) => {
      await staff.getByRole('button', { name: label }).click()
      const dialog = staff.getByRole('dialog')
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Confirm' }).click()
      await eventually(() => staff.getByTestId('programme-status').textContent()).toBe(expected)
    }
    await step('Open negotiation', 'In negotiation')
    await step('Record council agreement', 'In negotiation')
    await step('Record partner approval', 'In negotiation')
    await step('Mark as agreed', 'Agreed')
    await step('Bring into force', 'In force')
    // The new version shows in the history, with the change against version 1.
    await eventually(() => staff.getByText(/Version 2 —/).count()).toBe(1)
    expect(await runAxe(staff)).toEqual([])

    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pdf', 'application/pdf'],
    ] as const) {
      const [download] = await Promise.all([
        staff.waitForEvent('download'),
        staff.getByRole('link', { name: format === 'pdf' ? 'PDF' : 'Word (DOCX)' }).click(),
      ])
      expect(download.suggestedFilename()).toBe(`jpn-itpp-2023.${format}`)
      const response = await staff.request.get(
        `${server.url}/api/v1/programmes/jpn-itpp-2023/document.${format}`,
      )
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toBe(type)
      const body = await response.body()
      expect(body.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004')
    }
    await staff.close()
  })

  it('shows Korea Japan’s PUBLIC programme read-only, as the public sees it', async () => {
    const korea = await browser.newPage()
    await signInThroughForm(korea, server.url, 'kor', { next: japan })
    await korea.getByRole('heading', { level: 1, name: /Japan — Individually Tailored/ }).waitFor()
    await eventually(() => korea.getByRole('button', { name: 'Edit' }).count()).toBe(0)
    const api = await korea.request.get(`${server.url}/api/v1/programmes/jpn-itpp-2023`)
    expect(api.status()).toBe(200)
    const open = await fetch(`${server.url}/api/v1/programmes/jpn-itpp-2023`)
    expect(await api.json()).toEqual(await open.json())
    await korea.goto(`${server.url}/programmes`)
    await korea.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor()
    const rows = () => korea.locator('tbody tr th').allTextContents()
    await eventually(
      async () => (await rows()).filter((title) => title.startsWith('Republic of Korea')).length,
    ).toBe(2)
    await eventually(async () => (await rows()).some((title) => title.startsWith('Japan'))).toBe(true)
    expect(await runAxe(korea)).toEqual([])
    await korea.close()
  })

  it('lets a partner start its own draft from the portfolio and add an objective, with field messages first', async () => {
    const page = await browser.newPage()
    await signInThroughForm(page, server.url, 'kor', { next: '/programmes' })
    await page.getByRole('button', { name: 'Start a draft programme' }).click()
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.getByText('title must not be empty').first().waitFor()
    await page.getByLabel('Title').fill('Korea ITPP 2027–2030 (draft)')
    await page.getByLabel('Period from').fill('2027')
    await page.getByLabel('Period to').fill('2030')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.getByRole('heading', { level: 1, name: 'Korea ITPP 2027–2030 (draft)' }).waitFor()
    await page.getByRole('button', { name: '+ Strategic objective' }).click()
    await page.getByLabel('Strategic objective: title').fill('Cyber defence cooperation')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await eventually(() => page.locator('.tree-row .tree-title').first().textContent()).toBe(
      'Cyber defence cooperation',
    )
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('shows a stale edit as a conflict, keeps the typed text, and saves it on the second try', async () => {
    // A fresh Japanese draft with one objective (the ITPP is in force after the first test).
    const jpn = await server.signIn('jpn')
    const staff = await server.signIn('staff')
    const post = async (path: string, cookie: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const created: { id: string } = await response.json()
      return created.id
    }
    const id = await post('/api/v1/programmes', jpn, {
      partner: 'JPN',
      kind: 'ITPP',
      title: 'Japan ITPP 2027–2030 (conflict test)',
      periodFrom: '2027',
      periodTo: '2030',
    })
    const nodeId = await post(`/api/v1/programmes/${id}/nodes`, jpn, {
      kind: 'objective',
      parentId: null,
      title: 'Maritime security',
    })
    const page = await browser.newPage()
    await signInThroughForm(page, server.url, 'jpn', { next: `/programmes/${id}` })
    const row = page.locator(`[data-node-id="${nodeId}"]`)
    await row.getByRole('button', { name: 'Edit' }).click()
    const title = page.getByLabel('Title of 1')
    await title.fill('Maritime security, Japan wording')
    // Meanwhile alliance staff change the same objective.
    const changed = await fetch(`${server.url}/api/v1/programmes/${id}/nodes/${nodeId}`, {
      method: 'PATCH',
      headers: { cookie: staff, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ title: 'Maritime security, staff wording' }),
    })
    expect(changed.status).toBe(200)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('alert').getByText('Changed by someone else', { exact: true }).waitFor()
    await eventually(() => title.inputValue()).toBe('Maritime security, Japan wording')
    await page.getByRole('button', { name: 'Save' }).click()
    await eventually(() => row.locator('.tree-title').textContent()).toBe('Maritime security, Japan wording')
    expect(await runAxe(page)).toEqual([])
    await page.close()
  })

  it('lets staff supersede a programme with another of the same partner, and links the two both ways', async () => {
    // The successor: a new Australian draft, made through the API.
    const cookie = await server.signIn('staff')
    const created = await fetch(`${server.url}/api/v1/programmes`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        partner: 'AUS',
        kind: 'ITPP',
        title: 'Australia ITPP 2027–2030 (successor)',
        periodFrom: '2027',
        periodTo: '2030',
      }),
    })
    expect(created.status).toBe(201)
    const successor: { id: string } = await created.json()
    const page = await browser.newPage()
    await signInThroughForm(page, server.url, 'staff', { next: '/programmes/aus-itpp-2023' })
    const dialog = page.getByRole('dialog')
    // Escape closes the dialog without a change.
    await page.getByRole('button', { name: 'Mark as superseded' }).click()
    const select = dialog.getByLabel('Superseded by')
    await eventually(() => select.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Mark as superseded' }).click()
    // Only the partner's other programmes that may still supersede: not itself, not the superseded IPCP.
    await eventually(() => select.locator('option').allTextContents()).toEqual([
      'Choose a programme…',
      'Australia ITPP 2027–2030 (successor) (2027–2030, Draft)',
    ])
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await dialog.getByRole('alert').getByText('Choose the programme that supersedes this one.').waitFor()
    expect(await runAxe(page)).toEqual([])
    // Someone else opens and closes a review meanwhile: the server's refusal shows in the dialog.
    for (const to of ['under-review', 'in-force']) {
      const read = await fetch(`${server.url}/api/v1/programmes/aus-itpp-2023`, { headers: { cookie } })
      const moved = await fetch(`${server.url}/api/v1/programmes/aus-itpp-2023/transitions`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'if-match': read.headers.get('etag') ?? '' },
        body: JSON.stringify({ to }),
      })
      expect(moved.status).toBe(200)
    }
    await select.selectOption(successor.id)
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await dialog.getByRole('alert').getByText('Changed by someone else', { exact: true }).waitFor()
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await eventually(() => page.getByTestId('programme-status').textContent()).toBe('Superseded')
    const forward = page.getByRole('link', { name: 'Australia ITPP 2027–2030 (successor)' })
    await eventually(() => forward.getAttribute('href')).toBe(`/programmes/${successor.id}`)
    await eventually(() => page.getByText('Superseded by').count()).toBeGreaterThan(0)
    expect(await runAxe(page)).toEqual([])
    await forward.click()
    await page.getByRole('heading', { level: 1, name: 'Australia ITPP 2027–2030 (successor)' }).waitFor()
    const back = page.getByRole('link', { name: /^Australia — Individually Tailored/ })
    await eventually(() => back.getAttribute('href')).toBe('/programmes/aus-itpp-2023')
    await page.close()
  })
})
