import { type Marking, markingLabel } from './marking.ts'
import type { Milestone, NodeKind, ProgrammeNode } from './programme.ts'

export type ItemKind = NodeKind | 'milestone'
export const itemKinds: readonly ItemKind[] = ['objective', 'goal', 'activity', 'milestone']

export type FieldValue = string | number | boolean | null

/**
 * One part of a frozen version: a node or a milestone with the fields that a reader of the text
 * cares about, flattened to comparable values. Stored one row per item so that each keeps its own
 * marking and the SQL filter applies to versions too.
 */
export interface SnapshotItem {
  readonly id: string
  readonly kind: ItemKind
  /** The parent node (the goal, for a milestone); null for objectives. */
  readonly parentId: string | null
  readonly position: number
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly marking: Marking
}

export interface FieldChange {
  readonly field: string
  readonly before: FieldValue
  readonly after: FieldValue
}

export interface ItemChange {
  readonly kind: ItemKind
  readonly id: string
  readonly change: 'added' | 'removed' | 'changed'
  /** The title in the newer version, or the older one for a removed item. */
  readonly title: string
  readonly fields: readonly FieldChange[]
}

export interface ProgrammeDiff {
  readonly summary: Readonly<Record<ItemKind, { added: number; removed: number; changed: number }>>
  readonly changes: readonly ItemChange[]
}

export function nodeSnapshot(node: ProgrammeNode): SnapshotItem {
  return {
    id: node.id,
    kind: node.kind,
    parentId: node.parentId,
    position: node.position,
    fields: {
      title: node.title,
      description: node.description,
      priorityAreas: [...node.priorityAreas].sort().join(', '),
      marking: markingLabel(node.marking),
    },
    marking: node.marking,
  }
}

export function milestoneSnapshot(milestone: Milestone, position: number): SnapshotItem {
  return {
    id: milestone.id,
    kind: 'milestone',
    parentId: milestone.goalId,
    position,
    fields: {
      title: milestone.title,
      due: milestone.due,
      status: milestone.status,
      marking: markingLabel(milestone.marking),
    },
    marking: milestone.marking,
  }
}

/**
 * The structured difference from `before` to `after`: items added, removed, and changed with each
 * field's old and new value. A move to another parent shows as a change of `parent`; reordering
 * among the same siblings is not reported, since numbering shifts would drown the real changes.
 * Items are matched by id, so a renamed goal is a change, not a removal plus an addition.
 */
export function diffSnapshots(
  before: readonly SnapshotItem[],
  after: readonly SnapshotItem[],
): ProgrammeDiff {
  const old = new Map(before.map((item) => [item.id, item]))
  const current = new Map(after.map((item) => [item.id, item]))
  const titles = new Map([...before, ...after].map((item) => [item.id, String(item.fields.title ?? '')]))
  const changes: ItemChange[] = []
  for (const item of after) {
    const previous = old.get(item.id)
    if (previous === undefined) {
      changes.push({ kind: item.kind, id: item.id, change: 'added', title: titleOf(item), fields: [] })
      continue
    }
    const fields = changedFields(previous, item, titles)
    if (fields.length > 0) {
      changes.push({ kind: item.kind, id: item.id, change: 'changed', title: titleOf(item), fields })
    }
  }
  for (const item of before) {
    if (!current.has(item.id)) {
      changes.push({ kind: item.kind, id: item.id, change: 'removed', title: titleOf(item), fields: [] })
    }
  }
  changes.sort((a, b) => itemKinds.indexOf(a.kind) - itemKinds.indexOf(b.kind))
  return { summary: summarise(changes), changes }
}

function changedFields(
  before: SnapshotItem,
  after: SnapshotItem,
  titles: ReadonlyMap<string, string>,
): FieldChange[] {
  const names = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])]
  const fields: FieldChange[] = names
    .map((field) => ({ field, before: before.fields[field] ?? null, after: after.fields[field] ?? null }))
    .filter((change) => change.before !== change.after)
  if (before.parentId !== after.parentId) {
    const label = (id: string | null) => (id === null ? null : (titles.get(id) ?? id))
    fields.push({ field: 'parent', before: label(before.parentId), after: label(after.parentId) })
  }
  return fields
}

function titleOf(item: SnapshotItem): string {
  return String(item.fields.title ?? item.id)
}

function summarise(changes: readonly ItemChange[]): ProgrammeDiff['summary'] {
  const empty = () => ({ added: 0, removed: 0, changed: 0 })
  const summary = { objective: empty(), goal: empty(), activity: empty(), milestone: empty() }
  for (const change of changes) {
    summary[change.kind][change.change] += 1
  }
  return summary
}

/**
 * Lines up the parts of another programme (e.g. the IPCP an ITPP supersedes) with this one's, so
 * the two can be diffed: parts have different ids across programmes, so a part of `before` takes
 * the id of the part of `after` with the same kind and the same title (ignoring case and spaces);
 * parents are re-pointed accordingly. Unmatched parts keep their ids and show as added or removed.
 */
export function alignByTitle(
  before: readonly SnapshotItem[],
  after: readonly SnapshotItem[],
): SnapshotItem[] {
  const key = (item: SnapshotItem) =>
    `${item.kind}|${String(item.fields.title ?? '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')}`
  const targets = new Map<string, string>()
  for (const item of after) {
    if (!targets.has(key(item))) targets.set(key(item), item.id)
  }
  const renamed = new Map<string, string>()
  for (const item of before) {
    const target = targets.get(key(item))
    if (target !== undefined) renamed.set(item.id, target)
  }
  const rename = (id: string | null) => (id === null ? null : (renamed.get(id) ?? id))
  return before.map((item) => ({ ...item, id: rename(item.id) ?? item.id, parentId: rename(item.parentId) }))
}
