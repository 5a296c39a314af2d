import { describe, expect, it } from 'vitest'
import { engagementAbilities } from './engagement-policy.ts'
import { DomainError } from './errors.ts'
import { type Action, authorize, permissionsOf, type Resource } from './policy.ts'
import { type Principal, publicPrincipal } from './principal.ts'
import { canSeeProgramme, programmeAbilities, programmeReader } from './programme-policy.ts'

const user = (kind: Principal['kind'], country: string | null, roles: string[]): Principal => ({
  ...publicPrincipal,
  kind,
  country,
  clearance: 'CONFIDENTIAL',
  userId: `u-${kind}-${country ?? 'nato'}`,
  roles: new Set(roles),
})
const staff = user('staff', null, ['desk-officer'])
const ally = user('ally', 'FRA', ['delegation'])
const japan = user('partner', 'JPN', ['partner-mission'])
const korea = user('partner', 'KOR', ['partner-mission'])
const draft = { type: 'programme', partnerCode: 'JPN', status: 'draft', textApproved: false } as const

function code(principal: Principal, action: Action, resource: Resource): string {
  try {
    authorize(principal, action, resource)
  } catch (error) {
    if (error instanceof DomainError) return error.code
  }
  return 'allowed'
}

describe('authorize over the role → permission table', () => {
  it('lets staff and the partner’s own users edit a draft, and nobody else', () => {
    expect(code(staff, 'programme.edit', draft)).toBe('allowed')
    expect(code(japan, 'programme.edit', draft)).toBe('allowed')
    expect(code(ally, 'programme.edit', draft)).toBe('forbidden')
    expect(code(korea, 'programme.edit', draft)).toBe('forbidden')
    expect(code(publicPrincipal, 'programme.edit', draft)).toBe('unauthenticated')
  })

  it('consults roles, not the kind: a staff user without an authoring role may not edit', () => {
    const auditor = user('staff', null, ['administrator'])
    expect(code(auditor, 'programme.edit', draft)).toBe('forbidden')
    expect(code(auditor, 'update', { type: 'engagement' })).toBe('forbidden')
    expect(code(user('ally', 'FRA', ['desk-officer']), 'update', { type: 'engagement' })).toBe('allowed')
    expect(permissionsOf(user('partner', 'JPN', []))).toEqual(new Set(permissionsOf(japan)))
  })

  it('freezes the text once agreed but keeps milestone tracking open until superseded', () => {
    const inForce = { ...draft, status: 'in-force' } as const
    expect(code(japan, 'programme.edit', inForce)).toBe('invalid-state')
    expect(code(japan, 'programme.track', inForce)).toBe('allowed')
    expect(code(japan, 'programme.track', { ...draft, status: 'superseded' })).toBe('invalid-state')
  })

  it('freezes a text approved in this round until it is returned to draft, tracking aside', () => {
    const approved = { ...draft, status: 'in-negotiation', textApproved: true } as const
    expect(code(staff, 'programme.edit', approved)).toBe('invalid-state')
    expect(code(japan, 'programme.edit', approved)).toBe('invalid-state')
    expect(code(japan, 'programme.track', approved)).toBe('allowed')
    expect(code(japan, 'programme.edit', { ...approved, textApproved: false })).toBe('allowed')
    expect(code(japan, 'programme.edit', { ...approved, status: 'draft' })).toBe('allowed')
  })

  it('has staff record the council’s agreement and either side the partner’s approval, in negotiation only', () => {
    const negotiating = { ...draft, status: 'in-negotiation' } as const
    expect(code(japan, 'programme.approve-council', negotiating)).toBe('forbidden')
    expect(code(japan, 'programme.approve-partner', negotiating)).toBe('allowed')
    expect(code(staff, 'programme.approve-partner', negotiating)).toBe('allowed')
    expect(code(staff, 'programme.approve-council', draft)).toBe('invalid-state')
  })

  it('lets staff change engagements, and a partner associate only its own country', () => {
    expect(code(staff, 'create', { type: 'statement' })).toBe('allowed')
    expect(code(japan, 'create', { type: 'engagement' })).toBe('forbidden')
    expect(code(publicPrincipal, 'create', { type: 'engagement' })).toBe('unauthenticated')
    expect(code(japan, 'associate', { type: 'statement-association', country: 'JPN' })).toBe('allowed')
    expect(code(japan, 'associate', { type: 'statement-association', country: 'KOR' })).toBe('forbidden')
    expect(code(staff, 'associate', { type: 'statement-association', country: 'KOR' })).toBe('allowed')
  })

  it('sends abilities that match the rules, for the buttons', () => {
    expect(programmeAbilities(japan, draft)).toEqual({
      edit: true,
      track: true,
      recordCouncilAgreement: false,
      recordPartnerApproval: false,
      transitions: ['in-negotiation'],
    })
    expect(programmeAbilities(ally, draft).transitions).toEqual([])
    expect(engagementAbilities(staff)).toEqual({ create: true, update: true, delete: true })
    expect(engagementAbilities(ally)).toEqual({ create: false, update: false, delete: false })
  })

  it('shows another partner what is PUBLIC of a programme, and nothing else of it', () => {
    const open = { classification: 'PUBLIC' as const, releasableTo: [] }
    const toKorea = { classification: 'RESTRICTED' as const, releasableTo: ['JPN', 'KOR'] }
    expect(canSeeProgramme(korea, { partnerCode: 'JPN', marking: open })).toBe(true)
    expect(canSeeProgramme(publicPrincipal, { partnerCode: 'JPN', marking: open })).toBe(true)
    expect(canSeeProgramme(korea, { partnerCode: 'JPN', marking: toKorea })).toBe(false)
    expect(canSeeProgramme(japan, { partnerCode: 'JPN', marking: toKorea })).toBe(true)
    expect(canSeeProgramme(korea, { partnerCode: 'KOR', marking: toKorea })).toBe(true)
    expect(programmeReader(korea, 'JPN')).toBe(publicPrincipal)
    expect(programmeReader(japan, 'JPN')).toBe(japan)
  })
})
