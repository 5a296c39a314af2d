import type { Principal } from '../../domain/principal.ts'

/**
 * Who the demo loaders write as: the system, cleared for everything, recorded in the audit log
 * without a user.
 */
export const demoLoader: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: null,
  username: null,
  displayName: 'Demo data loader',
  roles: new Set(),
}
