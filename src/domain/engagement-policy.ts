import { allows } from './policy.ts'
import type { Principal } from './principal.ts'

/** What the principal may do to engagements and statements it sees, for the web app's buttons. */
export type EngagementAbilities = {
  readonly create: boolean
  readonly update: boolean
  readonly delete: boolean
}

export function engagementAbilities(principal: Principal): EngagementAbilities {
  const resource = { type: 'engagement' } as const
  return {
    create: allows(principal, 'create', resource),
    update: allows(principal, 'update', resource),
    delete: allows(principal, 'delete', resource),
  }
}
