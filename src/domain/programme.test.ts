import { describe, expect, it } from 'vitest'
import { DomainError } from './errors.ts'
import type { Marking } from './marking.ts'
import {
  assertParentKind,
  markingWithin,
  outlineNumbers,
  type ProgrammeNode,
  reorderSiblings,
  rootedNodes,
} from './programme.ts'

const publicMark: Marking = { classification: 'PUBLIC', releasableTo: [] }
const restrictedJpn: Marking = { classification: 'RESTRICTED', releasableTo: ['JPN'] }
const allianceOnly: Marking = { classification: 'RESTRICTED', releasableTo: [] }

function node(
  id: string,
  kind: ProgrammeNode['kind'],
  parentId: string | null,
  position: number,
): ProgrammeNode {
  return {
    id,
    kind,
    parentId,
    position,
    title: id,
    description: '',
    priorityAreas: [],
    illustrative: false,
    marking: publicMark,
    version: 1,
  }
}

describe('outlineNumbers', () => {
  it('numbers objectives, goals and activities by position', () => {
    const numbers = outlineNumbers([
      node('o2', 'objective', null, 1),
      node('o1', 'objective', null, 0),
      node('g12', 'goal', 'o1', 1),
      node('g11', 'goal', 'o1', 0),
      node('a121', 'activity', 'g12', 0),
      node('g21', 'goal', 'o2', 0),
    ])
    expect(Object.fromEntries(numbers)).toEqual({
      o1: '1',
      g11: '1.1',
      g12: '1.2',
      a121: '1.2.1',
      o2: '2',
      g21: '2.1',
    })
  })
})

describe('reorderSiblings', () => {
  it('moves an item up, down and clamps past the ends', () => {
    expect(reorderSiblings(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b'])
    expect(reorderSiblings(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c'])
    expect(reorderSiblings(['a', 'b'], 'x', 99)).toEqual(['a', 'b', 'x'])
    expect(reorderSiblings(['a', 'b'], 'b', -3)).toEqual(['b', 'a'])
  })
})

describe('markingWithin', () => {
  it('accepts anything under a PUBLIC parent', () => {
    expect(markingWithin(allianceOnly, publicMark)).toBe(true)
  })
  it('refuses a child released more widely or classified lower than its parent', () => {
    expect(markingWithin(publicMark, restrictedJpn)).toBe(false)
    expect(markingWithin(restrictedJpn, allianceOnly)).toBe(false)
    expect(markingWithin({ classification: 'UNCLASSIFIED', releasableTo: ['JPN'] }, restrictedJpn)).toBe(
      false,
    )
  })
  it('accepts a child that is alliance only under a released parent', () => {
    expect(markingWithin(allianceOnly, restrictedJpn)).toBe(true)
    expect(markingWithin({ classification: 'CONFIDENTIAL', releasableTo: ['JPN'] }, restrictedJpn)).toBe(true)
  })
})

describe('assertParentKind', () => {
  it('puts objectives at the root, goals under objectives and activities under goals', () => {
    expect(() => assertParentKind('objective', null)).not.toThrow()
    expect(() => assertParentKind('goal', node('o', 'objective', null, 0))).not.toThrow()
    expect(() => assertParentKind('activity', node('o', 'objective', null, 0))).toThrow(DomainError)
    expect(() => assertParentKind('goal', null)).toThrow(/under a objective/)
  })
})

describe('rootedNodes', () => {
  it('drops nodes whose ancestor is missing', () => {
    const kept = rootedNodes([
      node('o', 'objective', null, 0),
      node('g', 'goal', 'hidden', 0),
      node('a', 'activity', 'g', 0),
    ])
    expect(kept.map((n) => n.id)).toEqual(['o'])
  })
})
