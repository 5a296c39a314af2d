import { describe, expect, it } from 'vitest'
import {
  acceptsPositions,
  currentPositions,
  draftProblems,
  type PositionEntry,
  statusFromPositions,
} from './proposal.ts'

const members = ['FRA', 'DEU', 'USA']
function entry(member: string, position: PositionEntry['position']): PositionEntry {
  return {
    event: 'position',
    member,
    position,
    note: null,
    recordedBy: 'staff',
    onBehalf: true,
    at: '2026-11-27T12:00:00Z',
  }
}

describe('proposal rules', () => {
  it('does not count breaking silence as a position', () => {
    const broken: PositionEntry = { ...entry('FRA', 'none'), event: 'break-silence' }
    expect(currentPositions([entry('FRA', 'reserve'), broken]).get('FRA')).toBe('reserve')
  })

  it('takes the latest position of each member', () => {
    const history = [entry('FRA', 'object'), entry('DEU', 'concur'), entry('FRA', 'concur')]
    expect(currentPositions(history)).toEqual(
      new Map([
        ['FRA', 'concur'],
        ['DEU', 'concur'],
      ]),
    )
  })

  it.each([
    [[entry('FRA', 'object'), entry('DEU', 'concur'), entry('USA', 'concur')], 'blocked'],
    [
      [entry('FRA', 'object'), entry('FRA', 'concur'), entry('DEU', 'concur'), entry('USA', 'concur')],
      'adopted',
    ],
    [[entry('FRA', 'reserve'), entry('DEU', 'concur'), entry('USA', 'concur')], 'open'],
    [[entry('FRA', 'concur')], 'open'],
  ] as const)('positions %# give %s', (history, expected) => {
    expect(statusFromPositions(members, history)).toBe(expected)
  })

  it.each([
    ['open', 'consensus', true],
    ['blocked', 'consensus', true],
    ['open', 'silence', false],
    ['draft', 'consensus', false],
    ['adopted', 'consensus', false],
    ['withdrawn', 'consensus', false],
  ] as const)('a %s %s proposal accepts positions: %s', (status, procedure, expected) => {
    expect(acceptsPositions(status, procedure)).toBe(expected)
  })

  const now = new Date('2026-11-27T12:00:00Z')
  it.each([
    [{ procedure: 'consensus', deadline: null }, []],
    [{ procedure: 'consensus', deadline: '2026-12-01T00:00:00Z' }, ['#/deadline']],
    [{ procedure: 'silence', deadline: null }, ['#/deadline']],
    [{ procedure: 'silence', deadline: '2026-11-27T11:59:59Z' }, ['#/deadline']],
    [{ procedure: 'silence', deadline: '2026-11-28T12:00:00Z' }, []],
  ] as const)('draft %o has problems at %o', (draft, pointers) => {
    expect(draftProblems(draft, now).map((problem) => problem.pointer)).toEqual(pointers)
  })
})
