import { describe, expect, it } from 'vitest'
import {
  type AccountGrant,
  accountShapeProblems,
  grantableClearances,
  grantableRoles,
  grantProblems,
} from './account-grant.ts'
import { classifications } from './marking.ts'
import { type Principal, publicPrincipal } from './principal.ts'

const principal = (
  kind: Principal['kind'],
  country: string | null,
  clearance: Principal['clearance'],
  roles: string[],
): Principal => ({ ...publicPrincipal, kind, country, clearance, userId: `u-${kind}`, roles: new Set(roles) })

const staffAdmin = principal('staff', null, 'CONFIDENTIAL', ['desk-officer', 'administrator'])
const plainAdmin = principal('staff', null, 'RESTRICTED', ['administrator'])
const japanAdmin = principal('partner', 'JPN', 'RESTRICTED', ['partner-mission', 'administrator'])
const deskOfficer = principal('staff', null, 'CONFIDENTIAL', ['desk-officer'])

const grant = (overrides: Partial<AccountGrant>): AccountGrant => ({
  kind: 'staff',
  country: null,
  clearance: 'UNCLASSIFIED',
  roles: [],
  ...overrides,
})

describe('grantProblems: a user cannot grant more than they hold', () => {
  const cases: [string, Principal, AccountGrant, string[]][] = [
    ['staff admin grants desk officer', staffAdmin, grant({ roles: ['desk-officer'] }), []],
    [
      'staff admin grants a partner account',
      staffAdmin,
      grant({ kind: 'partner', country: 'KOR', roles: ['partner-mission'] }),
      [],
    ],
    ['staff admin grants own clearance', staffAdmin, grant({ clearance: 'CONFIDENTIAL' }), []],
    [
      'admin without desk permissions grants desk officer',
      plainAdmin,
      grant({ roles: ['desk-officer'] }),
      ['roles'],
    ],
    ['admin grants the administrator role it holds', plainAdmin, grant({ roles: ['administrator'] }), []],
    // A delegation records its member's positions, which a plain administrator cannot do.
    [
      'admin grants a role with a permission it lacks',
      plainAdmin,
      grant({ roles: ['delegation'] }),
      ['roles'],
    ],
    ['admin grants above its clearance', plainAdmin, grant({ clearance: 'CONFIDENTIAL' }), ['clearance']],
    ['unknown role', staffAdmin, grant({ roles: ['root'] }), ['roles']],
    ['non-admin manages accounts', deskOfficer, grant({}), ['roles']],
    [
      'partner admin, own country',
      japanAdmin,
      grant({ kind: 'partner', country: 'JPN', roles: ['partner-mission'] }),
      [],
    ],
    ['partner admin, other country', japanAdmin, grant({ kind: 'partner', country: 'KOR' }), ['country']],
    ['partner admin mints staff', japanAdmin, grant({ kind: 'staff', country: null }), ['kind', 'country']],
    [
      'partner admin grants desk officer above clearance',
      japanAdmin,
      grant({ kind: 'partner', country: 'JPN', roles: ['desk-officer'], clearance: 'CONFIDENTIAL' }),
      ['roles', 'clearance'],
    ],
  ]
  it.each(cases)('%s', (_name, granter, wanted, fields) => {
    expect(grantProblems(granter, wanted).map((p) => p.field)).toEqual(fields)
  })

  it('names the refused roles and levels so the form can say why', () => {
    const [rolesProblem, clearanceProblem] = grantProblems(
      plainAdmin,
      grant({ roles: ['desk-officer', 'administrator'], clearance: 'CONFIDENTIAL' }),
    )
    expect(rolesProblem?.message).toContain('desk-officer')
    expect(rolesProblem?.message).not.toContain('administrator')
    expect(clearanceProblem?.message).toContain('RESTRICTED')
  })
})

describe('what a form may offer', () => {
  it('offers only roles whose permissions are held, or held roles', () => {
    expect([...grantableRoles(plainAdmin)].sort()).toEqual(['administrator'])
    expect([...grantableRoles(staffAdmin)].sort()).toEqual([
      'administrator',
      'delegation',
      'desk-officer',
      'partner-mission',
    ])
    expect([...grantableRoles(japanAdmin)].sort()).toEqual(['administrator', 'partner-mission'])
  })

  it('offers clearances up to the granter’s own', () => {
    expect(grantableClearances(plainAdmin, classifications)).toEqual(['PUBLIC', 'UNCLASSIFIED', 'RESTRICTED'])
    expect(grantableClearances(staffAdmin, classifications)).toEqual([...classifications])
  })
})

describe('the shape of every account', () => {
  it.each([
    { case: 'staff with no country', grant: { kind: 'staff', country: null }, fields: [] },
    { case: 'staff with a country', grant: { kind: 'staff', country: 'JPN' }, fields: ['country'] },
    { case: 'a partner with its country', grant: { kind: 'partner', country: 'JPN' }, fields: [] },
    { case: 'a partner without one', grant: { kind: 'partner', country: null }, fields: ['country'] },
    { case: 'an ally without one', grant: { kind: 'ally', country: null }, fields: ['country'] },
    { case: 'no role at all', grant: { roles: [] }, fields: ['roles'] },
  ] as const)('$case', ({ grant: overrides, fields }) => {
    expect(
      accountShapeProblems(grant({ roles: ['delegation'], ...overrides })).map((problem) => problem.field),
    ).toEqual(fields)
  })
})
