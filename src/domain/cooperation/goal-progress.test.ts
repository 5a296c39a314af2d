import { describe, expect, it } from 'vitest'
import type { ProgrammeNode } from '../programme.ts'
import { activityProgress } from './goal-progress.ts'

const marking = { classification: 'PUBLIC', releasableTo: [] } as const

function goal(id: string, priorityAreas: string[]): ProgrammeNode {
  return {
    id,
    kind: 'goal',
    parentId: 'o1',
    position: 1,
    title: id,
    description: '',
    priorityAreas,
    illustrative: false,
    marking,
    version: 1,
  }
}

describe('menu activities feeding a programme’s progress', () => {
  const nodes = [goal('g1', ['cyber-defence']), goal('g2', ['cyber-defence', 'resilience']), goal('g3', [])]

  it('counts each request once overall and once per area, by its stage', () => {
    const progress = activityProgress(nodes, [
      { requestId: 'r1', goalId: 'g1', status: 'approved', reported: true },
      { requestId: 'r1', goalId: 'g2', status: 'approved', reported: true },
      { requestId: 'r2', goalId: 'g2', status: 'approved', reported: false },
      { requestId: 'r3', goalId: 'g3', status: 'requested', reported: false },
    ])
    expect(progress.overall).toEqual({ requested: 1, approved: 1, reported: 1 })
    expect(progress.byArea).toEqual([
      { area: 'cyber-defence', requested: 0, approved: 1, reported: 1 },
      { area: 'resilience', requested: 0, approved: 1, reported: 1 },
      { area: 'untagged', requested: 1, approved: 0, reported: 0 },
    ])
  })

  it('ignores requests for goals the reader may not see', () => {
    const progress = activityProgress(nodes, [
      { requestId: 'r9', goalId: 'hidden-goal', status: 'approved', reported: false },
    ])
    expect(progress).toEqual({ overall: { requested: 0, approved: 0, reported: 0 }, byArea: [] })
  })
})
