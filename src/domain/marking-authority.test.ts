import { describe, expect, it } from 'vitest'
import type { Marking } from './marking.ts'
import { markingRefusal } from './marking-authority.ts'
import { type Principal, publicPrincipal } from './principal.ts'

const japan: Principal = { ...publicPrincipal, kind: 'partner', country: 'JPN', clearance: 'RESTRICTED' }
const staff: Principal = { ...publicPrincipal, kind: 'staff', clearance: 'CONFIDENTIAL' }
const mark = (classification: Marking['classification'], ...releasableTo: string[]): Marking => ({
  classification,
  releasableTo,
})

describe('who may set a marking', () => {
  it('refuses a partner lowering a marking, and lets staff', () => {
    expect(markingRefusal(japan, mark('PUBLIC'), mark('RESTRICTED', 'JPN'))).toContain('lower')
    expect(markingRefusal(japan, mark('UNCLASSIFIED', 'JPN'), mark('RESTRICTED', 'JPN'))).toContain('lower')
    expect(markingRefusal(staff, mark('PUBLIC'), mark('RESTRICTED', 'JPN'))).toBeNull()
  })

  it('refuses a partner releasing to another country, unless that release is already there', () => {
    expect(markingRefusal(japan, mark('RESTRICTED', 'JPN', 'KOR'), mark('RESTRICTED', 'JPN'))).toContain(
      'KOR',
    )
    expect(markingRefusal(japan, mark('RESTRICTED', 'KOR'), null)).toContain('KOR')
    expect(
      markingRefusal(japan, mark('RESTRICTED', 'JPN', 'KOR'), mark('RESTRICTED', 'JPN', 'KOR')),
    ).toBeNull()
    expect(markingRefusal(staff, mark('RESTRICTED', 'JPN', 'KOR'), mark('RESTRICTED', 'JPN'))).toBeNull()
  })

  it('lets a partner raise a marking, narrow it, or mark a new record for itself', () => {
    expect(markingRefusal(japan, mark('RESTRICTED', 'JPN'), mark('PUBLIC'))).toBeNull()
    expect(markingRefusal(japan, mark('RESTRICTED'), mark('RESTRICTED', 'JPN'))).toBeNull()
    expect(markingRefusal(japan, mark('RESTRICTED', 'JPN'), null)).toBeNull()
    expect(markingRefusal(japan, mark('PUBLIC'), null)).toBeNull()
  })
})
