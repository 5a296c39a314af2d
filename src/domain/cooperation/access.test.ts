import { describe, expect, it } from 'vitest'
import { allows, permissionsOf } from '../policy.ts'
import type { Principal } from '../principal.ts'
import { cooperationReach } from './access.ts'

function user(kind: Principal['kind'], country: string | null): Principal {
  return {
    kind,
    country,
    clearance: 'RESTRICTED',
    userId: 'u',
    username: 'u',
    displayName: 'u',
    roles: new Set(),
  }
}

const staff = user('staff', null)
const kor = user('partner', 'KOR')
const jpn = user('partner', 'JPN')
const fra = user('ally', 'FRA')
const deu = user('ally', 'DEU')
const request = {
  type: 'cooperation-request',
  partner: 'KOR',
  provider: { kind: 'member', code: 'FRA' },
  status: 'requested',
  invitation: null,
  phase: 'open',
  reported: false,
} as const

describe('cooperation access', () => {
  it('lets the provider and staff approve, not the partner or another member', () => {
    expect(allows(fra, 'cooperation.approve', request)).toBe(true)
    expect(allows(staff, 'cooperation.approve', request)).toBe(true)
    expect(allows(kor, 'cooperation.approve', request)).toBe(false)
    expect(allows(deu, 'cooperation.approve', request)).toBe(false)
  })

  it('lets only the requesting partner and staff withdraw and register', () => {
    const approved = { ...request, status: 'approved', invitation: 'issued' } as const
    expect(allows(kor, 'cooperation.withdraw', request)).toBe(true)
    expect(allows(jpn, 'cooperation.withdraw', request)).toBe(false)
    expect(allows(fra, 'cooperation.withdraw', request)).toBe(false)
    expect(allows(kor, 'cooperation.register', approved)).toBe(true)
    expect(allows(kor, 'cooperation.register', request)).toBe(false)
    expect(allows(staff, 'cooperation.register', approved)).toBe(true)
  })

  it('gives an alliance body’s requests to staff only', () => {
    const body = { ...request, provider: { kind: 'body', code: 'FRA' } } as const
    expect(allows(fra, 'cooperation.approve', body)).toBe(false)
    expect(allows(staff, 'cooperation.approve', body)).toBe(true)
  })

  it('reads requests by the part a principal plays', () => {
    expect(cooperationReach(staff, permissionsOf(staff))).toEqual({
      all: true,
      asPartner: null,
      asProvider: null,
    })
    expect(cooperationReach(kor, permissionsOf(kor))).toEqual({
      all: false,
      asPartner: 'KOR',
      asProvider: null,
    })
    expect(cooperationReach(fra, permissionsOf(fra))).toEqual({
      all: false,
      asPartner: null,
      asProvider: 'FRA',
    })
  })
})
