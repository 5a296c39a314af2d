import type { Classification } from './marking.ts'

export const principalKinds = ['staff', 'ally', 'partner', 'public'] as const
export type PrincipalKind = (typeof principalKinds)[number]

/** Who is acting. A signed-out visitor is the public principal. */
export interface Principal {
  readonly kind: PrincipalKind
  /** ISO 3166-1 alpha-3 of the ally or partner the user represents; null for staff and the public. */
  readonly country: string | null
  readonly clearance: Classification
  readonly userId: string | null
  readonly username: string | null
  readonly displayName: string
  readonly roles: ReadonlySet<string>
}

export const publicPrincipal: Principal = {
  kind: 'public',
  country: null,
  clearance: 'PUBLIC',
  userId: null,
  username: null,
  displayName: 'Public visitor',
  roles: new Set(),
}

/** True for staff and allies: the principals that see alliance-only records up to their clearance. */
export function isAlliance(principal: Principal): boolean {
  return principal.kind === 'staff' || principal.kind === 'ally'
}
