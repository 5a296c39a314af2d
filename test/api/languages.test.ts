import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../support/databases.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

/**
 * The server speaks the reader's language (issue 12 item 5): the switch's cookie first, else
 * Accept-Language, else English. Documents are read back with poppler's pdftotext, an independent reader.
 */
describe.each(engines)('the server in French on %s', (engine) => {
  let server: TestServer
  let staff: string
  let folder: string

  beforeAll(async () => {
    server = await startTestServer(engine)
    staff = await server.signIn('staff')
    folder = mkdtempSync(join(tmpdir(), 'liaison-fr-'))
  })
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true })
    await server.close()
  })

  async function problem(headers: Record<string, string>) {
    const response = await fetch(`${server.url}/api/v1/programmes/no-such-programme`, { headers })
    return { status: response.status, body: (await response.json()) as { title: string; type: string } }
  }

  it('titles a problem in French for Accept-Language: fr, keeping its type', async () => {
    const french = await problem({ cookie: staff, 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' })
    expect(french).toMatchObject({
      status: 404,
      body: { title: 'Introuvable', type: '/api/docs/errors#not-found' },
    })
    expect((await problem({ cookie: staff })).body.title).toBe('Not found')
    expect((await problem({ cookie: staff, 'accept-language': 'de-DE' })).body.title).toBe('Not found')
  })

  it('lets the remembered choice (the liaison-lang cookie) win over Accept-Language', async () => {
    const chosen = await problem({ cookie: `${staff}; liaison-lang=fr`, 'accept-language': 'en-GB' })
    expect(chosen.body.title).toBe('Introuvable')
    const english = await problem({ cookie: `${staff}; liaison-lang=en`, 'accept-language': 'fr' })
    expect(english.body.title).toBe('Not found')
  })

  it('titles a refused input in French, with every problem still listed', async () => {
    const response = await fetch(`${server.url}/api/v1/programmes`, {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json', 'accept-language': 'fr' },
      body: JSON.stringify({ partner: 'JPN' }),
    })
    const body = (await response.json()) as { title: string; errors: unknown[] }
    expect(response.status).toBe(400)
    expect(body.title).toBe('Requête non valide')
    expect(body.errors.length).toBeGreaterThan(1)
  })

  it('writes the error page in French', async () => {
    const response = await fetch(`${server.url}/api/docs/errors`, { headers: { 'accept-language': 'fr' } })
    const page = await response.text()
    expect(page).toContain('<html lang="fr">')
    expect(page).toContain('Erreurs de l’API Liaison')
    expect(page).toContain('<tr id="stale-version">')
  })

  it('prints the programme PDF in French: headings, facts, labels of statuses and page numbers', async () => {
    const response = await fetch(`${server.url}/api/v1/programmes/jpn-itpp-2023/document.pdf`, {
      headers: { cookie: `${staff}; liaison-lang=fr` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-language')).toBe('fr')
    const file = join(folder, `fr-${engine}.pdf`)
    writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of [
      'Programme de partenariat individualisé',
      'Parties : Organisation du Traité de l’Atlantique Nord et Japan',
      'Partie I — Dispositions générales',
      'Partie II — Objectifs stratégiques, objectifs de partenariat et activités d’appui',
      'Partie III — Jalons',
      'Domaines prioritaires : Cyberdéfense',
      'Objectif Jalon Échéance Statut État',
      'Imprimé le : ',
      'Page 1 sur ',
      'RESTRICTED — ALLIANCE ONLY',
    ]) {
      expect(text).toContain(expected)
    }
    for (const english of ['Part I', 'Parties: North Atlantic', 'in-progress', 'on-track', 'Page 1 of']) {
      expect(text).not.toContain(english)
    }
  })

  it('heads the analytics and audit CSV in French, the marking column included', async () => {
    const analytics = await fetch(`${server.url}/api/v1/analytics/engagements/levels.csv?framework=ip4`, {
      headers: { cookie: staff, 'accept-language': 'fr' },
    })
    expect(analytics.status).toBe(200)
    const header = (await analytics.text()).replace('\uFEFF', '').split('\r\n')[0]
    expect(header).toBe(
      'année,chefs-d-état-et-de-gouvernement,ministres,ambassadeurs,hauts-fonctionnaires,niveau-de-travail,total,marquage',
    )
    const audit = await fetch(`${server.url}/api/v1/audit.csv`, {
      headers: { cookie: `${staff}; liaison-lang=fr` },
    })
    expect(audit.status).toBe(200)
    expect((await audit.text()).replace('\uFEFF', '').split('\r\n')[0]).toBe(
      'séquence,horodatage,auteur,pour_le_compte_de,action,entité,id_entité,détails,modifications,id,empreinte,marquage',
    )
    const english = await fetch(`${server.url}/api/v1/analytics/engagements/levels.csv?framework=ip4`, {
      headers: { cookie: staff },
    })
    expect((await english.text()).split('\r\n')[0]).toContain('year,heads-of-state-government')
  })
})
