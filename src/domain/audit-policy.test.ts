import { describe, expect, it } from 'vitest'
import { mayReadAuditTrail } from './audit-policy.ts'
import type { Principal } from './principal.ts'

const administrator: Principal = {
  kind: 'staff',
  country: null,
  clearance: 'CONFIDENTIAL',
  userId: 'u1',
  username: 'admin',
  displayName: 'Admin',
  roles: new Set(['administrator']),
}

describe('who may read the audit trail', () => {
  it('is an administrator cleared to the highest classification', () => {
    expect(mayReadAuditTrail(administrator)).toBe(true)
  })
  it('is not staff without audit.read, staff cleared lower, or an ally with the role', () => {
    expect(mayReadAuditTrail({ ...administrator, roles: new Set(['desk-officer']) })).toBe(false)
    expect(mayReadAuditTrail({ ...administrator, roles: new Set() })).toBe(false)
    expect(mayReadAuditTrail({ ...administrator, clearance: 'RESTRICTED' })).toBe(false)
    expect(mayReadAuditTrail({ ...administrator, kind: 'ally', country: 'FRA' })).toBe(false)
  })
})
