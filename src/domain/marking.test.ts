import { describe, expect, it } from 'vitest'
import { canRead, classifications, highestMarking, type Marking, markingLabel } from './marking.ts'
import { type Principal, publicPrincipal } from './principal.ts'

function principal(
  kind: Principal['kind'],
  country: string | null,
  clearance: Principal['clearance'],
): Principal {
  return { ...publicPrincipal, kind, country, clearance }
}

const staff = principal('staff', null, 'CONFIDENTIAL')
const ally = principal('ally', 'FRA', 'RESTRICTED')
const japan = principal('partner', 'JPN', 'RESTRICTED')

describe('canRead', () => {
  it('lets everyone read a PUBLIC record', () => {
    const marking: Marking = { classification: 'PUBLIC', releasableTo: [] }
    for (const p of [staff, ally, japan, publicPrincipal]) {
      expect(canRead(p, marking)).toBe(true)
    }
  })

  it('keeps an alliance-only record from partners and the public but not from allies', () => {
    const marking: Marking = { classification: 'RESTRICTED', releasableTo: [] }
    expect(canRead(staff, marking)).toBe(true)
    expect(canRead(ally, marking)).toBe(true)
    expect(canRead(japan, marking)).toBe(false)
    expect(canRead(publicPrincipal, marking)).toBe(false)
  })

  it('lets a partner read what is released to it, within its clearance', () => {
    expect(canRead(japan, { classification: 'RESTRICTED', releasableTo: ['JPN'] })).toBe(true)
    expect(canRead(japan, { classification: 'RESTRICTED', releasableTo: ['KOR'] })).toBe(false)
    expect(canRead(japan, { classification: 'CONFIDENTIAL', releasableTo: ['JPN'] })).toBe(false)
  })

  it('refuses anything above the clearance, even to staff', () => {
    const lowStaff = principal('staff', null, 'UNCLASSIFIED')
    expect(canRead(lowStaff, { classification: 'RESTRICTED', releasableTo: [] })).toBe(false)
    expect(canRead(ally, { classification: 'CONFIDENTIAL', releasableTo: [] })).toBe(false)
  })
})

describe('highestMarking', () => {
  it('is PUBLIC for nothing or only public parts', () => {
    expect(highestMarking([])).toEqual({ classification: 'PUBLIC', releasableTo: [] })
    expect(highestMarking([{ classification: 'PUBLIC', releasableTo: [] }]).classification).toBe('PUBLIC')
  })

  it('takes the highest classification and the partners every restricted part is released to', () => {
    const combined = highestMarking([
      { classification: 'PUBLIC', releasableTo: [] },
      { classification: 'UNCLASSIFIED', releasableTo: ['JPN', 'KOR'] },
      { classification: 'RESTRICTED', releasableTo: ['JPN'] },
    ])
    expect(combined).toEqual({ classification: 'RESTRICTED', releasableTo: ['JPN'] })
  })

  it('becomes alliance only when any part is alliance only', () => {
    const combined = highestMarking([
      { classification: 'RESTRICTED', releasableTo: ['JPN'] },
      { classification: 'UNCLASSIFIED', releasableTo: [] },
    ])
    expect(markingLabel(combined)).toBe('RESTRICTED — ALLIANCE ONLY')
  })
})

it('orders classifications from PUBLIC to CONFIDENTIAL', () => {
  expect(classifications).toEqual(['PUBLIC', 'UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL'])
})
