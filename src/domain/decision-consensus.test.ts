import { describe, expect, it } from 'vitest'
import { evaluateConsensus, type Position } from './decision-consensus.ts'

const members = ['FRA', 'DEU', 'USA']
const positions = (entries: Record<string, Position>) => new Map(Object.entries(entries))

describe('evaluateConsensus', () => {
  it.each([
    [{ FRA: 'concur', DEU: 'concur', USA: 'concur' }, { kind: 'adopted' }],
    [
      { FRA: 'object', DEU: 'concur', USA: 'concur' },
      { kind: 'blocked', blockers: ['FRA'] },
    ],
    [
      { FRA: 'object', DEU: 'reserve', USA: 'object' },
      { kind: 'blocked', blockers: ['FRA', 'USA'] },
    ],
    [
      { FRA: 'reserve', DEU: 'concur', USA: 'concur' },
      { kind: 'open', pending: ['FRA'] },
    ],
    [
      { FRA: 'concur', DEU: 'none' },
      { kind: 'open', pending: ['DEU', 'USA'] },
    ],
    [{ FRA: 'concur', DEU: 'concur', USA: 'concur', GBR: 'object' }, { kind: 'adopted' }],
  ] as const)('%o → %o', (given, expected) => {
    expect(evaluateConsensus(members, positions(given))).toEqual(expected)
  })

  it('never adopts with an empty registry', () => {
    expect(evaluateConsensus([], new Map())).toEqual({ kind: 'open', pending: [] })
  })
})
