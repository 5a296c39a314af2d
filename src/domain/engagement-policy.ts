import type { Principal } from './principal.ts'

/**
 * Who may change engagements and statements. Visibility is checked before (hidden is 404); these
 * rules only answer "may they change what they can see". Alliance staff keep the record; a partner
 * mission may associate or dissociate its own country with a statement, and no other.
 */
export const engagementPolicy = {
  create: (principal: Principal) => principal.kind === 'staff',
  update: (principal: Principal) => principal.kind === 'staff',
  delete: (principal: Principal) => principal.kind === 'staff',
  associate: (principal: Principal, country: string) =>
    principal.kind === 'staff' || (principal.kind === 'partner' && principal.country === country),
} as const

export type EngagementAbilities = { readonly update: boolean; readonly delete: boolean }

export function engagementAbilities(principal: Principal): EngagementAbilities {
  return { update: engagementPolicy.update(principal), delete: engagementPolicy.delete(principal) }
}
