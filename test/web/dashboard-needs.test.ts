import { describe, expect, it } from 'vitest'
import {
  awaitingPosition,
  milestonesNeedingAttention,
  reviewsDue,
  thisWeek,
} from '../../web/src/features/dashboard/needs.ts'

const proposal = (id: string, status: string, positions: Array<[string, string]>) => ({
  id,
  status,
  positions: positions.map(([member, position]) => ({ member, position })),
})

const programme = (
  code: string,
  status: string,
  nextReview: string | null,
  late: number,
  atRisk: number,
) => ({
  partner: { code },
  status,
  nextReview,
  progress: { late, atRisk },
})

describe('what the dashboard says needs me', () => {
  const proposals = [
    proposal('p1', 'open', [
      ['FRA', 'none'],
      ['DEU', 'concur'],
    ]),
    proposal('p2', 'open', [
      ['FRA', 'concur'],
      ['DEU', 'none'],
      ['ITA', 'none'],
    ]),
    proposal('p3', 'adopted', [['FRA', 'none']]),
  ]

  it('shows an ally only the open proposals awaiting its own position', () => {
    const mine = awaitingPosition(proposals, { kind: 'ally', country: 'FRA' })
    expect(mine.map((entry) => entry.proposal.id)).toEqual(['p1'])
  })

  it('shows staff every open proposal a member has not answered, with how many', () => {
    const all = awaitingPosition(proposals, { kind: 'staff', country: null })
    expect(all.map((entry) => [entry.proposal.id, entry.missing])).toEqual([
      ['p1', 1],
      ['p2', 2],
    ])
    expect(awaitingPosition(proposals, { kind: 'partner', country: 'JPN' })).toEqual([])
  })

  const programmes = [
    programme('JPN', 'in-force', '2026-12-20', 2, 1),
    programme('AUS', 'in-force', '2027-06-01', 0, 3),
    programme('KOR', 'superseded', '2026-12-05', 5, 0),
    programme('NZL', 'in-force', '2026-11-01', 0, 0),
  ]

  it('lists late and at-risk milestones of current programmes, a partner only its own', () => {
    const staff = { kind: 'staff', country: null } as const
    expect(milestonesNeedingAttention(programmes, staff).map((p) => p.partner.code)).toEqual(['JPN', 'AUS'])
    const japan = { kind: 'partner', country: 'JPN' } as const
    expect(milestonesNeedingAttention(programmes, japan).map((p) => p.partner.code)).toEqual(['JPN'])
  })

  it('lists reviews overdue or due within 30 days, soonest first', () => {
    const due = reviewsDue(programmes, { kind: 'staff', country: null }, '2026-12-03')
    expect(due.map((p) => p.partner.code)).toEqual(['NZL', 'JPN'])
  })

  it('takes this week in the viewer’s zone (Tokyo is already on the next day)', () => {
    const now = new Date('2026-12-03T20:00:00Z')
    expect(thisWeek(now, 'Europe/Brussels')).toEqual({ from: '2026-12-03', to: '2026-12-09' })
    expect(thisWeek(now, 'Asia/Tokyo')).toEqual({ from: '2026-12-04', to: '2026-12-10' })
  })
})
