import { describe, expect, it } from 'vitest'
import type { Marking } from './marking.ts'
import { alignByTitle, diffSnapshots, type SnapshotItem } from './programme-diff.ts'

const mark: Marking = { classification: 'PUBLIC', releasableTo: [] }

function item(
  id: string,
  kind: SnapshotItem['kind'],
  parentId: string | null,
  fields: SnapshotItem['fields'],
): SnapshotItem {
  return { id, kind, parentId, position: 0, fields, marking: mark }
}

describe('diffSnapshots', () => {
  const before = [
    item('o1', 'objective', null, { title: 'Dialogue' }),
    item('o2', 'objective', null, { title: 'Cyber' }),
    item('g1', 'goal', 'o1', { title: 'Staff talks', priorityAreas: '' }),
    item('m1', 'milestone', 'g1', { title: 'First talks', due: '2024-01-31', status: 'planned' }),
  ]
  const after = [
    item('o1', 'objective', null, { title: 'Political dialogue' }),
    item('o2', 'objective', null, { title: 'Cyber' }),
    item('g1', 'goal', 'o2', { title: 'Staff talks', priorityAreas: 'cyber-defence' }),
    item('a1', 'activity', 'g1', { title: 'Exercise' }),
  ]
  const diff = diffSnapshots(before, after)

  it('reports additions, removals and field-level changes with before and after', () => {
    expect(diff.summary.objective).toEqual({ added: 0, removed: 0, changed: 1 })
    expect(diff.summary.activity.added).toBe(1)
    expect(diff.summary.milestone.removed).toBe(1)
    const objective = diff.changes.find((c) => c.id === 'o1')
    expect(objective?.fields).toEqual([{ field: 'title', before: 'Dialogue', after: 'Political dialogue' }])
  })

  it('shows a move to another parent by the parents’ titles', () => {
    const goal = diff.changes.find((c) => c.id === 'g1')
    expect(goal?.fields).toContainEqual({ field: 'parent', before: 'Political dialogue', after: 'Cyber' })
    expect(goal?.fields).toContainEqual({ field: 'priorityAreas', before: '', after: 'cyber-defence' })
  })

  it('lists unchanged items nowhere and orders changes by kind', () => {
    expect(diff.changes.some((c) => c.id === 'o2')).toBe(false)
    expect(diff.changes.map((c) => c.kind)).toEqual(['objective', 'goal', 'activity', 'milestone'])
  })
})

describe('alignByTitle', () => {
  it('matches parts of an older programme to this one by kind and title, so carried-over parts are not churn', () => {
    const ipcp = [
      item('x-o', 'objective', null, { title: 'Practical cooperation' }),
      item('x-g', 'goal', 'x-o', {
        title: 'Maritime  security cooperation',
        priorityAreas: 'maritime-security',
      }),
      item('x-g2', 'goal', 'x-o', { title: 'Disaster relief' }),
    ]
    const itpp = [
      item('y-o', 'objective', null, { title: 'Maritime security and resilience' }),
      item('y-g', 'goal', 'y-o', {
        title: 'maritime security cooperation',
        priorityAreas: 'interoperability, maritime-security',
      }),
    ]
    const diff = diffSnapshots(alignByTitle(ipcp, itpp), itpp)
    const goal = diff.changes.find((c) => c.id === 'y-g')
    expect(goal?.change).toBe('changed')
    expect(goal?.fields.map((f) => f.field).sort()).toEqual(['parent', 'priorityAreas', 'title'])
    expect(diff.summary.goal).toEqual({ added: 0, removed: 1, changed: 1 })
    expect(diff.summary.objective).toEqual({ added: 1, removed: 1, changed: 0 })
  })
})
