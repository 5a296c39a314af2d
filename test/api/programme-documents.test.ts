import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'
import { send } from './programmes-support.ts'

// Independent readers from Debian: poppler-utils (pdftotext, pdfinfo) and python3-docx.
const python = '/usr/bin/python3'
const readDocx = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  "sections": [{"header": [p.text for p in s.header.paragraphs], "footer": [p.text for p in s.footer.paragraphs],
                "firstPageDiffers": s.different_first_page_header_footer} for s in d.sections],
  "paragraphs": [p.text for p in d.paragraphs],
  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
}))
`

interface DocxContent {
  sections: Array<{ header: string[]; footer: string[]; firstPageDiffers: boolean }>
  paragraphs: string[]
  tables: string[][][]
}

describe.each(engines)('programme documents on %s', (engine) => {
  let server: TestServer
  let folder: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    folder = mkdtempSync(join(tmpdir(), 'liaison-docs-'))
  })
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true })
    await server.close()
  })

  async function download(user: string, format: string, id = 'jpn-itpp-2023') {
    const cookie = user === '' ? '' : await server.signIn(user)
    const response = await fetch(`${server.url}/api/v1/programmes/${id}/document.${format}`, {
      headers: cookie === '' ? {} : { cookie },
    })
    const file = join(folder, `${user || 'public'}-${id}.${format}`)
    writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    return { response, file }
  }

  function pdfPages(file: string): string[] {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
    return Array.from({ length: count }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], {
        encoding: 'utf8',
      }),
    )
  }

  it('renders the PDF as a programme document with the banner at the top and bottom of every page', async () => {
    const { response, file } = await download('staff', 'pdf')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="jpn-itpp-2023.pdf"')
    const pages = pdfPages(file)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    for (const [index, page] of pages.entries()) {
      const lines = page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
      expect(lines[0], `top of page ${index + 1}`).toBe('RESTRICTED — ALLIANCE ONLY')
      expect(lines.at(-2), `bottom of page ${index + 1}`).toBe('RESTRICTED — ALLIANCE ONLY')
      expect(lines.at(-1)).toBe(`Page ${index + 1} of ${pages.length}`)
    }
    const text = pages.join('\n').replace(/\s+/g, ' ')
    for (const expected of [
      'Japan — Individually Tailored Partnership Programme 2023–2026',
      'Parties: North Atlantic Treaty Organization and Japan',
      'Period: 2023–2026',
      'Part II — Strategic objectives, partnership goals and supporting activities',
      '2.1 Cyber defence cooperation',
      '2.1.1 Participation in cyber defence exercises',
      'Part III — Milestones',
      'Alliance internal coordination',
      'Illustrative content',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('prints Japanese, Korean and Latin Extended text in the PDF with embedded fonts', async () => {
    const jpn = await server.signIn('jpn')
    const created = await send(server, 'POST', '/api/v1/programmes', jpn, {
      body: {
        partner: 'JPN',
        kind: 'ITPP',
        title: 'Programme 東京 서울 Łódź 2027–2030',
        periodFrom: '2027',
        periodTo: '2030',
        publicDiplomacy: 'Exhibitions in 東京, 서울 and Łódź (Gdańsk, Kraków, Żółć).',
      },
    })
    expect(created.status).toBe(201)
    const id = (created.body as { id: string }).id
    const objective = await send(server, 'POST', `/api/v1/programmes/${id}/nodes`, jpn, {
      body: {
        kind: 'objective',
        parentId: null,
        title: '東京 서울 Łódź dialogue',
        description: 'とうきょう 한국어 Łódź',
      },
    })
    expect(objective.status).toBe(201)
    const { response, file } = await download('jpn', 'pdf', id)
    expect(response.status).toBe(200)
    const text = pdfPages(file).join('\n').replace(/\s+/g, ' ')
    for (const expected of [
      'Programme 東京 서울 Łódź 2027–2030',
      '1 東京 서울 Łódź dialogue',
      'とうきょう 한국어 Łódź',
      'Exhibitions in 東京, 서울 and Łódź (Gdańsk, Kraków, Żółć).',
    ]) {
      expect(text).toContain(expected)
    }
    // pdffonts lists every font with "emb" yes/no: all embedded, none of the standard 14.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThanOrEqual(3)
    for (const line of fonts) {
      expect(line).toMatch(/Noto/)
      expect(line.split(/\s+/).at(-5)).toBe('yes')
    }
  })

  it('renders the DOCX with the banner in the header and footer of every page and a milestones table', async () => {
    const { response, file } = await download('staff', 'docx')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('wordprocessingml')
    const content: DocxContent = JSON.parse(
      execFileSync(python, ['-c', readDocx, file], { encoding: 'utf8' }),
    )
    expect(content.sections.length).toBeGreaterThan(0)
    for (const section of content.sections) {
      expect(section.header).toContain('RESTRICTED — ALLIANCE ONLY')
      expect(section.footer).toContain('RESTRICTED — ALLIANCE ONLY')
      expect(section.firstPageDiffers).toBe(false)
    }
    expect(content.paragraphs[0]).toBe('Japan — Individually Tailored Partnership Programme 2023–2026')
    expect(content.paragraphs).toContain('1 Dialogue and consultation on shared security challenges')
    expect(content.paragraphs).toContain(
      '1.1 Regular political consultation at summit, ministerial and ambassadorial level',
    )
    expect(content.paragraphs).toContain('Parties: North Atlantic Treaty Organization and Japan')
    const [milestones] = content.tables
    expect(milestones?.[0]).toEqual(['Goal', 'Milestone', 'Due', 'Status', 'Health'])
    expect(
      milestones?.some((row) => row[1] === 'Illustrative: Participation in a major cyber defence exercise'),
    ).toBe(true)
  })

  it('gives the partner a document without alliance-only parts, bannered for its release', async () => {
    const { file } = await download('jpn', 'pdf')
    const pages = pdfPages(file)
    const text = pages.join('\n')
    expect(text).not.toContain('Alliance internal coordination')
    for (const page of pages) expect(page).toContain('RESTRICTED — RELEASABLE TO JPN')
    const { file: docx } = await download('jpn', 'docx')
    const content: DocxContent = JSON.parse(
      execFileSync(python, ['-c', readDocx, docx], { encoding: 'utf8' }),
    )
    expect(content.sections[0]?.header).toContain('RESTRICTED — RELEASABLE TO JPN')
    expect(content.paragraphs.join('\n')).not.toContain('Alliance internal coordination')
  })

  it('gives the public only PUBLIC parts under a PUBLIC banner, as Markdown too', async () => {
    const { response, file } = await download('', 'md')
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('**PUBLIC**')).toBe(true)
    expect(text).toContain('### 2 Cyber defence, space and emerging technologies')
    expect(text).not.toContain('Exchange of cyber threat information')
  })

  it('gives another partner what it gives the public: the PUBLIC parts, under a PUBLIC banner', async () => {
    const forKorea = await download('kor', 'md')
    expect(forKorea.response.status).toBe(200)
    const forPublic = await download('', 'md')
    expect(readFileSync(forKorea.file, 'utf8')).toBe(readFileSync(forPublic.file, 'utf8'))
  })
})
