import { describe, expect, it } from 'vitest'
import { mayChooseMarking } from '../../web/src/lib/marking-choice.ts'

const restricted = { classification: 'RESTRICTED', releasableTo: ['JPN'] } as const

describe('the markings a form offers', () => {
  it('offers a desk officer every marking up to their clearance, no higher', () => {
    const officer = {
      kind: 'staff',
      country: null,
      clearance: 'RESTRICTED',
      roles: ['desk-officer'],
    } as const
    expect(mayChooseMarking(officer, { classification: 'PUBLIC', releasableTo: [] }, restricted)).toBe(true)
    expect(mayChooseMarking(officer, { classification: 'RESTRICTED', releasableTo: [] }, null)).toBe(true)
    expect(mayChooseMarking(officer, { classification: 'CONFIDENTIAL', releasableTo: [] }, null)).toBe(false)
  })

  it('does not offer a partner mission a lower marking or a release to another partner', () => {
    const mission = {
      kind: 'partner',
      country: 'JPN',
      clearance: 'RESTRICTED',
      roles: ['partner-mission'],
    } as const
    expect(
      mayChooseMarking(mission, { classification: 'UNCLASSIFIED', releasableTo: ['JPN'] }, restricted),
    ).toBe(false)
    expect(
      mayChooseMarking(mission, { classification: 'RESTRICTED', releasableTo: ['JPN', 'KOR'] }, restricted),
    ).toBe(false)
    expect(
      mayChooseMarking(mission, { classification: 'RESTRICTED', releasableTo: ['JPN'] }, restricted),
    ).toBe(true)
  })
})
