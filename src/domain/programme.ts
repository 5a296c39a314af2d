import { DomainError } from './errors.ts'
import type { FuzzyDate } from './fuzzy-date.ts'
import { classificationRank, type Marking } from './marking.ts'

/**
 * A partnership programme: the bilateral cooperation document of one partner. Its contents form a
 * tree: strategic objectives (ends) → partnership goals (ways) → supporting activities (means),
 * with milestones on goals. Kinds are a list so that a new kind is one more entry.
 */
export const programmeKinds = ['ITPP', 'IPCP'] as const
export type ProgrammeKind = (typeof programmeKinds)[number]

export const programmeKindNames: Record<ProgrammeKind, string> = {
  ITPP: 'Individually Tailored Partnership Programme',
  IPCP: 'Individual Partnership and Cooperation Programme',
}

export const programmeStatuses = [
  'draft',
  'in-negotiation',
  'agreed',
  'in-force',
  'under-review',
  'superseded',
] as const
export type ProgrammeStatus = (typeof programmeStatuses)[number]

export const nodeKinds = ['objective', 'goal', 'activity'] as const
export type NodeKind = (typeof nodeKinds)[number]

/** Which kind of node a node of each kind hangs under; objectives are the roots. */
export const parentKindOf: Record<NodeKind, NodeKind | null> = {
  objective: null,
  goal: 'objective',
  activity: 'goal',
}

export const milestoneStatuses = ['planned', 'in-progress', 'done', 'cancelled'] as const
export type MilestoneStatus = (typeof milestoneStatuses)[number]

export interface ProgrammePeriod {
  readonly from: FuzzyDate
  readonly to: FuzzyDate
}

export interface ProgrammeNode {
  readonly id: string
  readonly kind: NodeKind
  readonly parentId: string | null
  readonly position: number
  readonly title: string
  readonly description: string
  readonly priorityAreas: readonly string[]
  readonly illustrative: boolean
  readonly marking: Marking
  readonly version: number
}

export interface Milestone {
  readonly id: string
  readonly goalId: string
  readonly title: string
  /** YYYY-MM-DD */
  readonly due: string
  readonly status: MilestoneStatus
  readonly illustrative: boolean
  readonly marking: Marking
  readonly version: number
}

/**
 * True when every principal who may read `inner` may also read `outer`, so that a child is never
 * visible without its parent: at least as high a classification and, unless the parent is PUBLIC,
 * released to no partner the parent is not released to.
 */
export function markingWithin(inner: Marking, outer: Marking): boolean {
  if (outer.classification === 'PUBLIC') {
    return true
  }
  if (classificationRank(inner.classification) < classificationRank(outer.classification)) {
    return false
  }
  return inner.classification !== 'PUBLIC' && inner.releasableTo.every((c) => outer.releasableTo.includes(c))
}

/** Refuses a marking that would show a part to someone who cannot see what contains it. */
export function assertMarkingWithin(inner: Marking, outer: Marking, what: string): void {
  if (!markingWithin(inner, outer)) {
    throw new DomainError(
      'invalid-input',
      `The ${what} must be marked at least as restrictively as what contains it (classification no lower, released to no other partner).`,
      { errors: [{ in: 'body', pointer: '#/marking', detail: 'Less restrictive than its parent' }] },
    )
  }
}

/** Checks that a node of `kind` may hang under `parent` (null = the programme root). */
export function assertParentKind(kind: NodeKind, parent: ProgrammeNode | null): void {
  const expected = parentKindOf[kind]
  const actual = parent?.kind ?? null
  if (expected !== actual) {
    const where = expected === null ? 'at the top level' : `under a ${expected}`
    throw new DomainError('invalid-input', `A ${kind} belongs ${where}.`, {
      errors: [{ in: 'body', pointer: '#/parentId', detail: `A ${kind} belongs ${where}` }],
    })
  }
}

/**
 * Outline numbers for display and documents: objectives 1, 2, …; goals 1.1, 1.2, …; activities
 * 1.1.1, … Siblings are numbered by position. Nodes whose parent is absent get no number.
 */
export function outlineNumbers(nodes: readonly ProgrammeNode[]): Map<string, string> {
  const children = childrenByParent(nodes)
  const numbers = new Map<string, string>()
  const walk = (parentId: string | null, prefix: string) => {
    for (const [index, node] of (children.get(parentId) ?? []).entries()) {
      const number = prefix === '' ? `${index + 1}` : `${prefix}.${index + 1}`
      numbers.set(node.id, number)
      walk(node.id, number)
    }
  }
  walk(null, '')
  return numbers
}

/** Children of each parent (null = roots), ordered by position then id for a stable order. */
export function childrenByParent<T extends Pick<ProgrammeNode, 'id' | 'parentId' | 'position'>>(
  nodes: readonly T[],
): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>()
  for (const node of nodes) {
    const list = map.get(node.parentId) ?? []
    list.push(node)
    map.set(node.parentId, list)
  }
  for (const list of map.values()) {
    list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
  }
  return map
}

/**
 * The nodes a reader can place in the tree: those whose every ancestor is present too. The marking
 * rule (`markingWithin`) keeps this equal to the visible set; this is the safety net for old data.
 */
export function rootedNodes<T extends Pick<ProgrammeNode, 'id' | 'parentId'>>(nodes: readonly T[]): T[] {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const rooted = (node: T, depth: number): boolean => {
    if (node.parentId === null) {
      return true
    }
    const parent = byId.get(node.parentId)
    return parent !== undefined && depth < 5 && rooted(parent, depth + 1)
  }
  return nodes.filter((node) => rooted(node, 0))
}

/**
 * The sibling order after moving `movingId` to `targetIndex` (clamped) among `siblingIds`, which
 * may or may not already contain it. Positions are then the indexes: dense, starting at 0.
 */
export function reorderSiblings(
  siblingIds: readonly string[],
  movingId: string,
  targetIndex: number,
): string[] {
  const others = siblingIds.filter((id) => id !== movingId)
  const index = Math.max(0, Math.min(targetIndex, others.length))
  return [...others.slice(0, index), movingId, ...others.slice(index)]
}
