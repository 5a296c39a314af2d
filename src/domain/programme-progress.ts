import type { Milestone, ProgrammeNode } from './programme.ts'
import { type MilestoneHealth, milestoneHealth } from './programme-milestone.ts'

export interface ProgressCount {
  readonly goals: number
  readonly activities: number
  readonly milestones: number
  readonly done: number
  readonly late: number
  readonly atRisk: number
  /** Share of milestones done among those not cancelled, 0–100, rounded; null when there are none. */
  readonly percentDone: number | null
}

export interface AreaProgress extends ProgressCount {
  readonly area: string
}

/** Key used for goals and activities without a priority area. */
export const untaggedArea = 'untagged'

/**
 * Progress by priority area. A goal counts in each of its areas; an activity in its own areas;
 * a milestone in the areas of its goal. Only the nodes and milestones passed in count, so the
 * caller passes what the principal may see. Areas are returned in the order first met.
 */
export function progressByArea(
  nodes: readonly ProgrammeNode[],
  milestones: readonly Milestone[],
  today: string,
): AreaProgress[] {
  const areas = new Map<string, Tally>()
  const tally = (area: string) => {
    const found = areas.get(area)
    if (found !== undefined) {
      return found
    }
    const fresh = emptyTally()
    areas.set(area, fresh)
    return fresh
  }
  const areasOf = (node: ProgrammeNode) =>
    node.priorityAreas.length === 0 ? [untaggedArea] : node.priorityAreas
  const goals = new Map<string, ProgrammeNode>()
  for (const node of nodes) {
    if (node.kind === 'goal') {
      goals.set(node.id, node)
      for (const area of areasOf(node)) tally(area).goals += 1
    } else if (node.kind === 'activity') {
      for (const area of areasOf(node)) tally(area).activities += 1
    }
  }
  for (const milestone of milestones) {
    const goal = goals.get(milestone.goalId)
    if (goal === undefined) {
      continue
    }
    const health = milestoneHealth(milestone, today)
    for (const area of areasOf(goal)) addMilestone(tally(area), health)
  }
  return [...areas.entries()].map(([area, t]) => ({ area, ...finish(t) }))
}

/** The programme-wide totals (each milestone once). */
export function overallProgress(
  nodes: readonly ProgrammeNode[],
  milestones: readonly Milestone[],
  today: string,
): ProgressCount {
  const t = emptyTally()
  t.goals = nodes.filter((node) => node.kind === 'goal').length
  t.activities = nodes.filter((node) => node.kind === 'activity').length
  for (const milestone of milestones) addMilestone(t, milestoneHealth(milestone, today))
  return finish(t)
}

interface Tally {
  goals: number
  activities: number
  milestones: number
  cancelled: number
  done: number
  late: number
  atRisk: number
}

function emptyTally(): Tally {
  return { goals: 0, activities: 0, milestones: 0, cancelled: 0, done: 0, late: 0, atRisk: 0 }
}

function addMilestone(t: Tally, health: MilestoneHealth): void {
  t.milestones += 1
  if (health === 'done') t.done += 1
  if (health === 'cancelled') t.cancelled += 1
  if (health === 'late') t.late += 1
  if (health === 'at-risk') t.atRisk += 1
}

function finish(t: Tally): ProgressCount {
  const counted = t.milestones - t.cancelled
  return {
    goals: t.goals,
    activities: t.activities,
    milestones: t.milestones,
    done: t.done,
    late: t.late,
    atRisk: t.atRisk,
    percentDone: counted === 0 ? null : Math.round((100 * t.done) / counted),
  }
}
