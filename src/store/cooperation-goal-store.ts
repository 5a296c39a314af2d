import { sql } from 'kysely'
import type { GoalActivity } from '../domain/cooperation/goal-progress.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { markingFromId } from './contributing-markings.ts'
import { requestVisible } from './cooperation-request-store.ts'
import './cooperation-tables.ts'
import type { Executor } from './executor.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import './programme-tables.ts'

/**
 * The live requests (awaiting a decision or approved) that serve goals of one programme, one row
 * per request and goal, as far as the principal may see both: a partner its own requests only,
 * through events, items and goals it may read. The markings of every row that counts come from
 * the same statement, for the answer's banner.
 */
export async function listGoalActivities(
  executor: Executor,
  principal: Principal,
  programmeId: string,
): Promise<{ activities: GoalActivity[]; markings: Marking[] }> {
  const rows = await executor
    .selectFrom('coop_request_goal as rg')
    .innerJoin('coop_request as r', 'r.id', 'rg.request_id')
    .innerJoin('coop_event as ev', 'ev.id', 'r.event_id')
    .innerJoin('coop_item as i', 'i.id', 'r.item_id')
    .innerJoin('programme_node as n', 'n.id', 'rg.goal_id')
    .leftJoin('coop_report as rep', 'rep.request_id', 'r.id')
    .where('rg.programme_id', '=', programmeId)
    .where('r.status', 'in', ['requested', 'approved'])
    .where(requestVisible(principal))
    .where(programmePartVisibleTo(principal, 'n'))
    .select([
      'rg.request_id',
      'rg.goal_id',
      'r.status',
      sql<string | null>`rep.request_id`.as('report_of'),
      sql<string>`r.marking_id`.as('request_marking'),
      sql<string>`ev.marking_id`.as('event_marking'),
      sql<string>`i.marking_id`.as('item_marking'),
      sql<string>`n.marking_id`.as('goal_marking'),
    ])
    .orderBy('rg.request_id')
    .orderBy('rg.goal_id')
    .execute()
  return {
    activities: rows.map((row) => ({
      requestId: row.request_id,
      goalId: row.goal_id,
      status: row.status === 'requested' ? 'requested' : 'approved',
      reported: row.report_of !== null,
    })),
    markings: rows.flatMap((row) =>
      [row.request_marking, row.event_marking, row.item_marking, row.goal_marking].map(markingFromId),
    ),
  }
}
