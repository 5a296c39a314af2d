import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseOidcProviders } from './provider-config.ts'

const valid = {
  id: 'mofa',
  label: 'Ministry of Foreign Affairs ID',
  issuer: 'https://id.example.org',
  clientId: 'liaison',
  claims: { username: 'preferred_username', country: { claim: 'country' } },
}

const folder = mkdtempSync(join(tmpdir(), 'liaison-oidc-config-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('parseOidcProviders (LIAISON_OIDC_PROVIDERS)', () => {
  it('means local accounts only when unset or blank', () => {
    expect(parseOidcProviders(undefined)).toEqual([])
    expect(parseOidcProviders('  ')).toEqual([])
  })

  it('fills in the defaults: openid and profile scopes, a partner kind, PUBLIC clearance, the name claim', () => {
    const [provider] = parseOidcProviders(JSON.stringify([valid]))
    expect(provider?.scopes).toEqual(['openid', 'profile'])
    expect(provider?.claims).toMatchObject({
      displayName: 'name',
      kind: { value: 'partner' },
      clearance: { value: 'PUBLIC' },
    })
  })

  it('reads the providers from a JSON file when given its path', () => {
    const path = join(folder, 'providers.json')
    writeFileSync(path, JSON.stringify([valid]))
    expect(parseOidcProviders(path).map((provider) => provider.id)).toEqual(['mofa'])
  })

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['a missing file', '/nonexistent/providers.json', /no file at/],
    ['an id with capitals', JSON.stringify([{ ...valid, id: 'MoFA' }]), /LIAISON_OIDC_PROVIDERS\.0\.id/],
    ['an issuer that is no URL', JSON.stringify([{ ...valid, issuer: 'id.example' }]), /0\.issuer/],
    [
      'an unknown role in the roles map',
      JSON.stringify([{ ...valid, claims: { ...valid.claims, roles: { claim: 'g', map: { a: 'root' } } } }]),
      /0\.claims\.roles\.map\.a/,
    ],
    [
      'a clearance that is no marking level',
      JSON.stringify([{ ...valid, claims: { ...valid.claims, clearance: { value: 'SECRET' } } }]),
      /0\.claims\.clearance/,
    ],
    [
      'a fixed country that is not alpha-3',
      JSON.stringify([{ ...valid, claims: { ...valid.claims, country: { value: 'JP' } } }]),
      /0\.claims\.country/,
    ],
    [
      'a partner provider without a country',
      JSON.stringify([{ ...valid, claims: { username: 'sub' } }]),
      /0\.claims\.country: required/,
    ],
    ['two providers with one id', JSON.stringify([valid, valid]), /unique/],
    ['an unknown field', JSON.stringify([{ ...valid, clientSecrets: 'x' }]), /LIAISON_OIDC_PROVIDERS\.0/],
  ])('refuses %s, naming the field', (_case, setting, message) => {
    expect(() => parseOidcProviders(setting)).toThrow(message)
  })
})
