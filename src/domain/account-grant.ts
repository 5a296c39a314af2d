import { type Classification, classificationRank } from './marking.ts'
import { type Permission, permissionsOf, rolePermissions } from './policy.ts'
import type { Principal, PrincipalKind } from './principal.ts'

/** What an account is to be given: the facts the "no more than you hold" rule needs. */
export interface AccountGrant {
  readonly kind: PrincipalKind
  readonly country: string | null
  readonly clearance: Classification
  readonly roles: readonly string[]
}

/** One reason a grant is refused, with the field it concerns (for `invalidInput`'s problems). */
export interface GrantProblem {
  readonly field: 'roles' | 'clearance' | 'country' | 'kind'
  readonly message: string
}

/** A permission over any partner covers the same permission over one's own country. */
const coveredBy: Partial<Record<Permission, Permission>> = {
  'programme.author-own': 'programme.author-any',
  'statement.associate-own': 'statement.associate-any',
  'proposal.position-own': 'proposal.position-any',
  // Keeping the cooperation menu includes acting as any provider and requesting for any partner.
  'cooperation.provide-own': 'cooperation.manage',
  'cooperation.request-own': 'cooperation.manage',
}

function holds(held: ReadonlySet<Permission>, permission: Permission): boolean {
  const broader = coveredBy[permission]
  return held.has(permission) || (broader !== undefined && held.has(broader))
}

/**
 * A role is grantable when the granter holds every permission it grants, or holds the role
 * itself. Unknown roles are never grantable: they would grant nothing today but anything tomorrow.
 */
export function grantableRoles(granter: Principal): readonly string[] {
  const held = permissionsOf(granter)
  return Object.entries(rolePermissions)
    .filter(([role, granted]) => granter.roles.has(role) || granted.every((p) => holds(held, p)))
    .map(([role]) => role)
}

/** Clearances up to the granter's own, lowest first. */
export function grantableClearances(granter: Principal, all: readonly Classification[]): Classification[] {
  return all.filter((level) => classificationRank(level) <= classificationRank(granter.clearance))
}

/**
 * Every reason the granter may not give this account these roles, clearance and country; empty
 * when allowed. Staff administer every country; any other administrator only their own, and only
 * accounts of their own kind (an ally's administrator cannot mint staff).
 */
export function grantProblems(granter: Principal, grant: AccountGrant): GrantProblem[] {
  const problems: GrantProblem[] = []
  if (!permissionsOf(granter).has('user.manage')) {
    problems.push({ field: 'roles', message: 'Only an administrator may manage accounts.' })
    return problems
  }
  const grantable = new Set(grantableRoles(granter))
  const refused = grant.roles.filter((role) => !grantable.has(role))
  if (refused.length > 0) {
    problems.push({
      field: 'roles',
      message: `You cannot grant ${refused.join(', ')}: a role may be given only by someone who holds it or every permission it grants.`,
    })
  }
  if (classificationRank(grant.clearance) > classificationRank(granter.clearance)) {
    problems.push({
      field: 'clearance',
      message: `You cannot grant ${grant.clearance} clearance: it is above your own (${granter.clearance}).`,
    })
  }
  if (granter.kind !== 'staff') {
    if (grant.kind !== granter.kind) {
      problems.push({ field: 'kind', message: `You may create only ${granter.kind} accounts.` })
    }
    if (grant.country !== granter.country) {
      problems.push({
        field: 'country',
        message: `You may manage only accounts of your own country (${granter.country ?? 'none'}).`,
      })
    }
  }
  return problems
}

/**
 * What every account must be whoever grants it: staff belong to no country, allies and partners
 * to exactly one; and it holds at least one role, since an account without roles would fall back
 * to its kind's defaults, which nobody chose to grant.
 */
export function accountShapeProblems(grant: AccountGrant): GrantProblem[] {
  const problems: GrantProblem[] = []
  if (grant.kind === 'staff' && grant.country !== null) {
    problems.push({ field: 'country', message: 'Staff accounts belong to no country; leave it empty.' })
  }
  if (grant.kind !== 'staff' && grant.country === null) {
    problems.push({ field: 'country', message: `A ${grant.kind} account needs its country.` })
  }
  if (grant.roles.length === 0) problems.push({ field: 'roles', message: 'Give at least one role.' })
  return problems
}
