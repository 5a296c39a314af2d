import type { ProgrammeNode } from '../programme.ts'
import { untaggedArea } from '../programme-progress.ts'

/**
 * How the cooperation menu feeds a programme's progress (issue 13): the partner's requests for
 * menu activities, counted under the goals they serve. A request serving several goals counts once
 * overall and once in each priority area those goals share. Declined and withdrawn requests serve
 * nothing and are not passed in.
 */
export interface GoalActivity {
  readonly requestId: string
  readonly goalId: string
  readonly status: 'requested' | 'approved'
  /** The feedback report after the event was filed. */
  readonly reported: boolean
}

export interface ActivityTally {
  /** Awaiting the provider's decision. */
  readonly requested: number
  /** Approved, no feedback report yet. */
  readonly approved: number
  /** Approved, attended and reported on. */
  readonly reported: number
}

export interface AreaActivityTally extends ActivityTally {
  readonly area: string
}

type Stage = keyof ActivityTally

function stageOf(activity: GoalActivity): Stage {
  if (activity.status === 'requested') return 'requested'
  return activity.reported ? 'reported' : 'approved'
}

function tallyOf(stages: Iterable<Stage>): ActivityTally {
  const tally = { requested: 0, approved: 0, reported: 0 }
  for (const stage of stages) tally[stage] += 1
  return tally
}

/**
 * The tallies overall and by priority area of the goals served. Only goals among `nodes` count,
 * so the caller passes what the principal may see (nodes and activities alike).
 */
export function activityProgress(
  nodes: readonly ProgrammeNode[],
  activities: readonly GoalActivity[],
): { overall: ActivityTally; byArea: AreaActivityTally[] } {
  const goals = new Map(nodes.filter((node) => node.kind === 'goal').map((node) => [node.id, node]))
  const overall = new Map<string, Stage>()
  const byArea = new Map<string, Map<string, Stage>>()
  for (const activity of activities) {
    const goal = goals.get(activity.goalId)
    if (goal === undefined) continue
    const stage = stageOf(activity)
    overall.set(activity.requestId, stage)
    const areas = goal.priorityAreas.length === 0 ? [untaggedArea] : goal.priorityAreas
    for (const area of areas) {
      const requests = byArea.get(area) ?? new Map<string, Stage>()
      requests.set(activity.requestId, stage)
      byArea.set(area, requests)
    }
  }
  return {
    overall: tallyOf(overall.values()),
    // By area id, so the answer does not depend on the order rows came in (hidden rows shift it).
    byArea: [...byArea.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([area, requests]) => ({ area, ...tallyOf(requests.values()) })),
  }
}
