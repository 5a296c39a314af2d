import { describe, expect, it } from 'vitest'
import { levelRank, participationLevel, structureProblems } from './engagement.ts'
import { statementProblems } from './engagement-statement.ts'

describe('engagement structure', () => {
  it('needs a parent for a sideline meeting and refuses one elsewhere', () => {
    expect(structureProblems({ kind: 'sideline', parentId: null, participants: [] })).toHaveLength(1)
    expect(structureProblems({ kind: 'summit', parentId: 'x', participants: [] })[0]?.pointer).toBe(
      '#/parentId',
    )
    expect(structureProblems({ kind: 'sideline', parentId: 'x', participants: [] })).toEqual([])
  })

  it('refuses the same participant twice', () => {
    const problems = structureProblems({
      kind: 'summit',
      parentId: null,
      participants: [
        { country: 'JPN', person: 'PM' },
        { country: 'JPN', person: 'FM' },
        { country: 'JPN', person: 'PM' },
      ],
    })
    expect(problems).toEqual([{ pointer: '#/participants/2', detail: 'JPN (PM) is listed twice' }])
  })

  it('takes a participant own level before the engagement level', () => {
    const marking = { classification: 'PUBLIC', releasableTo: [] } as const
    const participant = { country: 'JPN', person: null, role: null, level: 'ministers', marking } as const
    expect(participationLevel({ level: 'heads-of-state-government' }, participant)).toBe('ministers')
    expect(participationLevel({ level: 'ambassadors' }, { ...participant, level: null })).toBe('ambassadors')
    expect(levelRank('heads-of-state-government')).toBe(0)
  })

  it('ties an issue day to the issued status', () => {
    expect(statementProblems({ status: 'not-issued', issuedOn: null })).toEqual([])
    expect(statementProblems({ status: 'issued', issuedOn: null })[0]?.pointer).toBe('#/issuedOn')
  })
})
