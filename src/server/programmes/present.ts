import type { z } from 'zod'
import type {
  AbilitiesView,
  ApprovalView,
  DiffView,
  GoalView,
  MilestoneView,
  NodeView,
  ObjectiveView,
  ProgrammeSummary,
  ProgressView,
} from '../../contract/programme-view.ts'
import { type FuzzyDate, formatFuzzyDate } from '../../domain/fuzzy-date.ts'
import type { Marking } from '../../domain/marking.ts'
import {
  childrenByParent,
  type Milestone,
  outlineNumbers,
  type ProgrammeNode,
  programmeKindNames,
  rootedNodes,
} from '../../domain/programme.ts'
import type { ProgrammeDiff } from '../../domain/programme-diff.ts'
import { milestoneHealth } from '../../domain/programme-milestone.ts'
import type { ProgrammeAbilities } from '../../domain/programme-policy.ts'
import type { ProgressCount } from '../../domain/programme-progress.ts'
import type { ApprovalRecord } from '../../store/programme-lifecycle-store.ts'
import type { ProgrammeRecord } from '../../store/programme-store.ts'
import { presentFuzzyDate, presentFuzzyDateOrNull, presentMarking } from '../present.ts'

/**
 * A programme has thousands of parts but only a handful of distinct markings, so their views are
 * built once per marking (the presented object is never mutated afterwards).
 */
const markingViews = new Map<string, ReturnType<typeof presentMarking>>()
function partMarking(marking: Marking): ReturnType<typeof presentMarking> {
  const key = `${marking.classification}|${marking.releasableTo.join(',')}`
  let view = markingViews.get(key)
  if (view === undefined) {
    view = presentMarking(marking)
    if (markingViews.size < 1000) markingViews.set(key, view)
  }
  return view
}

/** "2023–2026" when both ends are years, else "6 May 2014 – 2016". */
export function periodLabel(from: FuzzyDate, to: FuzzyDate): string {
  if (from.precision === 'year' && to.precision === 'year') {
    return from.value === to.value ? from.value : `${from.value}–${to.value}`
  }
  return `${formatFuzzyDate(from)} – ${formatFuzzyDate(to)}`
}

export function presentProgress(progress: ProgressCount): z.infer<typeof ProgressView> {
  const { goals, activities, milestones, done, late, atRisk, percentDone } = progress
  return { goals, activities, milestones, done, late, atRisk, percentDone }
}

export function presentSummary(
  programme: ProgrammeRecord,
  progress: ProgressCount,
): z.infer<typeof ProgrammeSummary> {
  return {
    id: programme.id,
    partner: { code: programme.partnerCode, name: programme.partnerName },
    kind: programme.kind,
    kindName: programmeKindNames[programme.kind],
    title: programme.title,
    status: programme.status,
    period: {
      from: presentFuzzyDate(programme.periodFrom),
      to: presentFuzzyDate(programme.periodTo),
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
      label: periodLabel(programme.periodFrom, programme.periodTo),
    },
    agreedOn: presentFuzzyDateOrNull(programme.agreedOn),
    supersedes: programme.supersedes,
    supersededBy: programme.supersededBy,
    nextReview: programme.nextReview,
    illustrative: programme.illustrative,
    progress: presentProgress(progress),
    marking: presentMarking(programme.marking),
    version: programme.version,
  }
}

export function presentNode(node: ProgrammeNode, number: string): z.infer<typeof NodeView> {
  return {
    id: node.id,
    kind: node.kind,
    parentId: node.parentId,
    position: node.position,
    number,
    title: node.title,
    description: node.description,
    priorityAreas: [...node.priorityAreas],
    illustrative: node.illustrative,
    marking: partMarking(node.marking),
    version: node.version,
  }
}

export function presentMilestone(milestone: Milestone, today: string): z.infer<typeof MilestoneView> {
  return {
    id: milestone.id,
    goalId: milestone.goalId,
    title: milestone.title,
    due: milestone.due,
    status: milestone.status,
    health: milestoneHealth(milestone, today),
    illustrative: milestone.illustrative,
    marking: partMarking(milestone.marking),
    version: milestone.version,
  }
}

/** Nests the visible nodes as objectives → goals (with milestones) → activities, numbered 1, 1.1, 1.1.1. */
export function presentTree(
  nodes: readonly ProgrammeNode[],
  milestones: readonly Milestone[],
  today: string,
): z.infer<typeof ObjectiveView>[] {
  const placed = rootedNodes(nodes)
  const numbers = outlineNumbers(placed)
  const children = childrenByParent(placed)
  const milestonesOf = new Map<string, Milestone[]>()
  for (const milestone of milestones) {
    milestonesOf.set(milestone.goalId, [...(milestonesOf.get(milestone.goalId) ?? []), milestone])
  }
  const view = (node: ProgrammeNode) => presentNode(node, numbers.get(node.id) ?? '')
  const goal = (node: ProgrammeNode): z.infer<typeof GoalView> => ({
    ...view(node),
    activities: (children.get(node.id) ?? []).map(view),
    milestones: (milestonesOf.get(node.id) ?? []).map((m) => presentMilestone(m, today)),
  })
  return (children.get(null) ?? []).map((objective) => ({
    ...view(objective),
    goals: (children.get(objective.id) ?? []).map(goal),
  }))
}

export function presentApproval(approval: ApprovalRecord, round: number): z.infer<typeof ApprovalView> {
  return {
    party: approval.party,
    round: approval.round,
    decidedOn: approval.decidedOn,
    note: approval.note,
    recordedBy: approval.recordedBy,
    current: approval.round === round,
  }
}

export function presentAbilities(abilities: ProgrammeAbilities): z.infer<typeof AbilitiesView> {
  return { ...abilities, transitions: [...abilities.transitions] }
}

export function presentDiff(
  from: number | 'current' | 'predecessor',
  to: number | 'current',
  diff: ProgrammeDiff,
  marking: Marking,
): z.infer<typeof DiffView> {
  const kind = (k: keyof ProgrammeDiff['summary']) => ({ ...diff.summary[k] })
  return {
    from,
    to,
    marking: presentMarking(marking),
    summary: {
      objective: kind('objective'),
      goal: kind('goal'),
      activity: kind('activity'),
      milestone: kind('milestone'),
    },
    changes: diff.changes.map((change) => ({
      kind: change.kind,
      id: change.id,
      change: change.change,
      title: change.title,
      fields: change.fields.map(({ field, before, after }) => ({ field, before, after })),
    })),
  }
}
