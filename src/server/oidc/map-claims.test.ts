import { describe, expect, it } from 'vitest'
import { classifications } from '../../domain/marking.ts'
import { rolePermissions } from '../../domain/policy.ts'
import { mapClaims } from './map-claims.ts'
import { type ClaimMapping, OidcProviderConfig } from './provider-config.ts'

const known = { roles: Object.keys(rolePermissions), kinds: ['staff', 'ally', 'partner'] as const }

/** A mapping as the server holds it: parsed (defaults filled in) from a provider's setting. */
function mappingOf(claims: unknown): ClaimMapping {
  return OidcProviderConfig.parse({
    id: 'idp',
    label: 'IdP',
    issuer: 'https://id.example.org',
    clientId: 'liaison',
    claims,
  }).claims
}

const mission = mappingOf({
  username: 'preferred_username',
  kind: { claim: 'liaison_kind', map: { mission: 'partner', delegation: 'ally', secretariat: 'staff' } },
  country: { claim: 'country' },
  clearance: { claim: 'clearance' },
  roles: {
    claim: 'groups',
    map: { 'liaison-partner-mission': 'partner-mission', admins: ['administrator'] },
  },
})

const japan = {
  preferred_username: 'jpn-mission',
  name: 'Mission of Japan',
  liaison_kind: 'mission',
  country: 'JPN',
  clearance: 'RESTRICTED',
  groups: ['liaison-partner-mission', 'canteen'],
}

const map = (mapping: ClaimMapping, claims: Record<string, unknown>) =>
  mapClaims(mapping, claims, { roles: known.roles, kinds: [...known.kinds] }, classifications)

describe('mapClaims', () => {
  it("maps a Japan mission's claims to a partner of JPN, ignoring groups without a mapping", () => {
    expect(map(mission, japan)).toEqual({
      ok: true,
      identity: {
        username: 'jpn-mission',
        displayName: 'Mission of Japan',
        kind: 'partner',
        country: 'JPN',
        clearance: 'RESTRICTED',
        roles: ['partner-mission'],
      },
    })
  })

  it('takes a single string as a one-value group claim and maps one value to several roles', () => {
    const result = map(mission, { ...japan, groups: 'admins' })
    expect(result.ok && result.identity.roles).toEqual(['administrator'])
  })

  it('upper-cases a country code given in lower case, and refuses one that is not alpha-3', () => {
    const lower = map(mission, { ...japan, country: 'jpn' })
    expect(lower.ok && lower.identity.country).toBe('JPN')
    expect(map(mission, { ...japan, country: 'JP' }).ok).toBe(false)
  })

  it.each([
    ['no username', { preferred_username: undefined }],
    ['a blank username', { preferred_username: '  ' }],
    ['a username over 100 characters', { preferred_username: 'x'.repeat(101) }],
    ['a kind without a mapping', { liaison_kind: 'visitor' }],
    ['no kind claim', { liaison_kind: undefined }],
    ['a clearance that is no marking level', { clearance: 'TOP SECRET' }],
    ['a partner without a country', { country: undefined }],
    ['a kind claim that is not a string', { liaison_kind: ['mission'] }],
  ])('refuses %s, saying why', (_case, change) => {
    const result = map(mission, { ...japan, ...change })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason.length).toBeGreaterThan(10)
  })

  it('gives staff no country even when the claim has one', () => {
    const result = map(mission, { ...japan, liaison_kind: 'secretariat' })
    expect(result.ok && [result.identity.kind, result.identity.country]).toEqual(['staff', null])
  })

  it('uses fixed values and defaults: the username stands in for a missing name, no roles claim gives none', () => {
    const fixed = mappingOf({
      username: 'email',
      kind: { value: 'ally' },
      country: { value: 'FRA' },
      clearance: { value: 'CONFIDENTIAL' },
    })
    expect(map(fixed, { email: 'delegate@example.fr' })).toEqual({
      ok: true,
      identity: {
        username: 'delegate@example.fr',
        displayName: 'delegate@example.fr',
        kind: 'ally',
        country: 'FRA',
        clearance: 'CONFIDENTIAL',
        roles: [],
      },
    })
  })

  it('without a roles map, takes the values that are known roles and ignores the rest', () => {
    const plain = mappingOf({
      username: 'sub',
      kind: { value: 'staff' },
      clearance: { value: 'RESTRICTED' },
      roles: { claim: 'roles' },
    })
    const result = map(plain, { sub: 's-1', roles: ['desk-officer', 'root', 'administrator'] })
    expect(result.ok && result.identity.roles).toEqual(['administrator', 'desk-officer'])
  })
})
