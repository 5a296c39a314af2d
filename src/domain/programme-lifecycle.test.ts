import { describe, expect, it } from 'vitest'
import { DomainError } from './errors.ts'
import { availableTransitions, checkTransition, type LifecycleFacts } from './programme-lifecycle.ts'

const negotiating: LifecycleFacts = {
  status: 'in-negotiation',
  councilAgreed: false,
  partnerApproved: false,
  supersededBy: null,
}

function refusal(run: () => unknown): DomainError {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error
  }
  throw new Error('expected a DomainError')
}

describe('checkTransition', () => {
  it('moves a draft into negotiation for the partner itself', () => {
    expect(checkTransition({ ...negotiating, status: 'draft' }, 'in-negotiation', 'owner')).toBe(
      'in-negotiation',
    )
  })

  it('refuses an illegal step with invalid-state and says where it can go', () => {
    const error = refusal(() => checkTransition({ ...negotiating, status: 'draft' }, 'in-force', 'staff'))
    expect(error.code).toBe('invalid-state')
    expect(error.message).toMatch(/cannot go from draft to in-force.*in-negotiation/)
  })

  it('is agreed only when both the council agreement and the partner approval are recorded', () => {
    const none = refusal(() => checkTransition(negotiating, 'agreed', 'staff'))
    expect(none.code).toBe('invalid-state')
    expect(none.message).toMatch(/council’s agreement and the partner’s approval are missing/)
    const councilOnly = refusal(() =>
      checkTransition({ ...negotiating, councilAgreed: true }, 'agreed', 'staff'),
    )
    expect(councilOnly.message).toMatch(/the partner’s approval is missing/)
    expect(
      checkTransition({ ...negotiating, councilAgreed: true, partnerApproved: true }, 'agreed', 'staff'),
    ).toBe('agreed')
  })

  it('lets only staff mark a programme as agreed', () => {
    const facts = { ...negotiating, councilAgreed: true, partnerApproved: true }
    expect(refusal(() => checkTransition(facts, 'agreed', 'owner')).code).toBe('forbidden')
    expect(refusal(() => checkTransition(facts, 'agreed', 'reader')).code).toBe('forbidden')
  })

  it('needs the superseding programme before superseding', () => {
    const inForce = { ...negotiating, status: 'in-force' as const }
    expect(refusal(() => checkTransition(inForce, 'superseded', 'staff')).message).toMatch(/supersededBy/)
    expect(checkTransition({ ...inForce, supersededBy: 'p2' }, 'superseded', 'staff')).toBe('superseded')
  })

  it('treats superseded as final', () => {
    const error = refusal(() =>
      checkTransition({ ...negotiating, status: 'superseded' }, 'in-force', 'staff'),
    )
    expect(error.message).toMatch(/nothing: it is final/)
  })
})

describe('availableTransitions', () => {
  it('offers staff every step and the partner only editor steps', () => {
    expect(availableTransitions('under-review', 'staff').sort()).toEqual([
      'in-force',
      'in-negotiation',
      'superseded',
    ])
    expect(availableTransitions('under-review', 'owner')).toEqual([])
    expect(availableTransitions('in-negotiation', 'owner')).toEqual(['draft'])
    expect(availableTransitions('draft', 'reader')).toEqual([])
  })
})
