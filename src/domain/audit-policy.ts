import { classifications } from './marking.ts'
import { hasPermission } from './policy.ts'
import type { Principal } from './principal.ts'

/**
 * Who may read the audit trail. Entries name records of every marking (ids, titles in details,
 * before/after values), and filtering them by each record's marking then and now would still let
 * counts and sequence gaps show what exists. So the trail is all or nothing: only a principal with
 * `audit.read` who is cleared to the highest classification (and, being staff, sees every
 * releasability) reads it, and such a reader may see every record the trail is about.
 */
export function mayReadAuditTrail(principal: Principal): boolean {
  return (
    principal.kind === 'staff' &&
    principal.clearance === classifications[classifications.length - 1] &&
    hasPermission(principal, 'audit.read')
  )
}
