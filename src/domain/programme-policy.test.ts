import { describe, expect, it } from 'vitest'
import { DomainError } from './errors.ts'
import { type Principal, publicPrincipal } from './principal.ts'
import {
  assertCanEdit,
  assertCanRecordApproval,
  assertCanTrack,
  canSeeProgramme,
  programmeAbilities,
  programmeReader,
} from './programme-policy.ts'

const staff: Principal = { ...publicPrincipal, kind: 'staff', clearance: 'CONFIDENTIAL' }
const ally: Principal = { ...publicPrincipal, kind: 'ally', country: 'FRA', clearance: 'CONFIDENTIAL' }
const japan: Principal = { ...publicPrincipal, kind: 'partner', country: 'JPN', clearance: 'RESTRICTED' }
const korea: Principal = { ...publicPrincipal, kind: 'partner', country: 'KOR', clearance: 'RESTRICTED' }
const draft = { partnerCode: 'JPN', status: 'draft' as const }

function code(run: () => void): string {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error.code
  }
  return 'allowed'
}

describe('programme co-ownership', () => {
  it('lets staff and the partner’s own users edit a draft, and nobody else', () => {
    expect(code(() => assertCanEdit(staff, draft))).toBe('allowed')
    expect(code(() => assertCanEdit(japan, draft))).toBe('allowed')
    expect(code(() => assertCanEdit(ally, draft))).toBe('forbidden')
    expect(code(() => assertCanEdit(korea, draft))).toBe('forbidden')
  })

  it('freezes the text once agreed but keeps milestone tracking open until superseded', () => {
    const inForce = { ...draft, status: 'in-force' as const }
    expect(code(() => assertCanEdit(japan, inForce))).toBe('invalid-state')
    expect(code(() => assertCanTrack(japan, inForce))).toBe('allowed')
    expect(code(() => assertCanTrack(japan, { ...draft, status: 'superseded' }))).toBe('invalid-state')
  })

  it('has staff record the council’s agreement and either side the partner’s approval, in negotiation only', () => {
    const negotiating = { ...draft, status: 'in-negotiation' as const }
    expect(code(() => assertCanRecordApproval(japan, negotiating, 'council'))).toBe('forbidden')
    expect(code(() => assertCanRecordApproval(japan, negotiating, 'partner'))).toBe('allowed')
    expect(code(() => assertCanRecordApproval(staff, negotiating, 'partner'))).toBe('allowed')
    expect(code(() => assertCanRecordApproval(staff, draft, 'council'))).toBe('invalid-state')
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
