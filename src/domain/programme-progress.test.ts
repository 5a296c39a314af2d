import { describe, expect, it } from 'vitest'
import type { Marking } from './marking.ts'
import type { Milestone, ProgrammeNode } from './programme.ts'
import { overallProgress, progressByArea } from './programme-progress.ts'

const mark: Marking = { classification: 'PUBLIC', releasableTo: [] }
const base = { description: '', illustrative: false, marking: mark, version: 1, position: 0 }
const nodes: ProgrammeNode[] = [
  { ...base, id: 'o', kind: 'objective', parentId: null, title: 'O', priorityAreas: [] },
  { ...base, id: 'g1', kind: 'goal', parentId: 'o', title: 'G1', priorityAreas: ['cyber-defence', 'space'] },
  { ...base, id: 'g2', kind: 'goal', parentId: 'o', title: 'G2', priorityAreas: [] },
  { ...base, id: 'a1', kind: 'activity', parentId: 'g1', title: 'A1', priorityAreas: ['cyber-defence'] },
]
const ms = (id: string, goalId: string, due: string, status: Milestone['status']): Milestone => ({
  id,
  goalId,
  due,
  status,
  title: id,
  illustrative: false,
  marking: mark,
  version: 1,
})
const milestones = [
  ms('m1', 'g1', '2026-01-01', 'done'),
  ms('m2', 'g1', '2026-01-01', 'planned'),
  ms('m3', 'g1', '2026-12-01', 'planned'),
  ms('m4', 'g2', '2027-06-01', 'cancelled'),
]

describe('progressByArea', () => {
  it('counts goals, activities and their goal’s milestones in each area', () => {
    const byArea = Object.fromEntries(progressByArea(nodes, milestones, '2026-11-27').map((a) => [a.area, a]))
    expect(byArea['cyber-defence']).toMatchObject({
      goals: 1,
      activities: 1,
      milestones: 3,
      done: 1,
      late: 1,
      atRisk: 1,
      percentDone: 33,
    })
    expect(byArea.space).toMatchObject({ goals: 1, activities: 0, milestones: 3 })
    expect(byArea.untagged).toMatchObject({ goals: 1, milestones: 1, percentDone: null })
  })
})

describe('overallProgress', () => {
  it('counts each milestone once and leaves cancelled ones out of the percentage', () => {
    expect(overallProgress(nodes, milestones, '2026-11-27')).toMatchObject({
      goals: 2,
      activities: 1,
      milestones: 4,
      done: 1,
      percentDone: 33,
    })
  })
})
