import type { Classification } from '../../domain/marking.ts'
import type { PrincipalKind } from '../../domain/principal.ts'
import type { ClaimMapping } from './provider-config.ts'

/** What a provider's claims make of a user here. */
export interface MappedIdentity {
  readonly username: string
  readonly displayName: string
  readonly kind: Exclude<PrincipalKind, 'public'>
  readonly country: string | null
  readonly clearance: Classification
  readonly roles: readonly string[]
}

export type ClaimMappingResult =
  | { readonly ok: true; readonly identity: MappedIdentity }
  | { readonly ok: false; readonly reason: string }

type Claims = Readonly<Record<string, unknown>>

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** One field by its rule; undefined when the claim is missing or has no mapping. */
function byRule<T extends string>(
  rule: { value: T } | { claim: string; map?: Record<string, T> | undefined },
  claims: Claims,
  allowed: readonly T[],
): T | undefined {
  if ('value' in rule) return rule.value
  const raw = text(claims[rule.claim])
  if (raw === undefined) return undefined
  const mapped = rule.map === undefined ? raw : rule.map[raw]
  return allowed.find((candidate) => candidate === mapped)
}

function rolesOf(mapping: ClaimMapping, claims: Claims, knownRoles: readonly string[]): string[] {
  const rule = mapping.roles
  if (rule === undefined) return []
  const raw = claims[rule.claim]
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => text(value) ?? [])
  const roles = values.flatMap((value) => {
    if (rule.map === undefined) return knownRoles.includes(value) ? [value] : []
    const mapped = rule.map[value]
    return mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped]
  })
  return [...new Set(roles)].sort()
}

/**
 * Maps verified ID-token claims to a principal's fields. Refuses (never guesses) when a required
 * claim is missing or its value has no mapping, so a provider cannot sign someone in as something
 * the configuration did not say.
 */
export function mapClaims(
  mapping: ClaimMapping,
  claims: Claims,
  known: { readonly roles: readonly string[]; readonly kinds: readonly MappedIdentity['kind'][] },
  classifications: readonly Classification[],
): ClaimMappingResult {
  const username = text(claims[mapping.username])
  if (username === undefined || username.length > 100) {
    return { ok: false, reason: `the claim '${mapping.username}' (username) is missing or too long` }
  }
  const kind = byRule(mapping.kind, claims, known.kinds)
  if (kind === undefined) return { ok: false, reason: 'the kind claim is missing or has no mapping' }
  const clearance = byRule(mapping.clearance, claims, classifications)
  if (clearance === undefined)
    return { ok: false, reason: 'the clearance claim is missing or has no mapping' }
  let country: string | null = null
  if (kind !== 'staff') {
    country = countryOf(mapping, claims)
    if (country === null) {
      return {
        ok: false,
        reason: `a ${kind} needs a country, and the country claim is missing or not alpha-3`,
      }
    }
  }
  const displayName = text(claims[mapping.displayName])?.slice(0, 200) ?? username
  return {
    ok: true,
    identity: {
      username,
      displayName,
      kind,
      country,
      clearance,
      roles: rolesOf(mapping, claims, known.roles),
    },
  }
}

/** Countries are open-ended (checked against the database later), so only their shape is checked here. */
function countryOf(mapping: ClaimMapping, claims: Claims): string | null {
  const rule = mapping.country
  if (rule === undefined) return null
  if ('value' in rule) return rule.value
  const raw = text(claims[rule.claim])
  if (raw === undefined) return null
  const mapped = rule.map === undefined ? raw.toUpperCase() : rule.map[raw]
  return mapped !== undefined && /^[A-Z]{3}$/.test(mapped) ? mapped : null
}
