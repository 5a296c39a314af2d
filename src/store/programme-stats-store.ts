import { sql } from 'kysely'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { addDays, atRiskWindowDays } from '../domain/programme-milestone.ts'
import type { ProgressCount } from '../domain/programme-progress.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'

export interface ProgrammeStats extends ProgressCount {
  readonly nextMilestone: { readonly title: string; readonly due: string } | null
  /** The distinct markings of the parts counted, so a page showing these numbers can carry their banner. */
  readonly markings: readonly Marking[]
}

const open = sql<boolean>`m.status in ('planned', 'in-progress')`

/**
 * Progress of many programmes at once, counted in SQL over the parts the principal may see, with
 * the same rule as domain/programme-milestone.ts (late: open and past due; at risk: open and due
 * within 30 days). Callers pass ids they have already read through the programme scope filter.
 */
export async function programmeStats(
  db: Executor,
  principal: Principal,
  ids: readonly string[],
  today: string,
): Promise<Map<string, ProgrammeStats>> {
  const stats = new Map<string, ProgrammeStats>()
  if (ids.length === 0) {
    return stats
  }
  const horizon = addDays(today, atRiskWindowDays)
  const nodes = await db
    .selectFrom('programme_node as n')
    .select(['n.programme_id', 'n.kind', sql<number>`cast(count(*) as integer)`.as('n')])
    .where('n.programme_id', 'in', ids)
    .where(programmePartVisibleTo(principal, 'n'))
    .groupBy(['n.programme_id', 'n.kind'])
    .execute()
  const milestones = await db
    .selectFrom('programme_milestone as m')
    .select([
      'm.programme_id',
      sql<number>`cast(count(*) as integer)`.as('total'),
      sql<number>`cast(sum(case when m.status = 'done' then 1 else 0 end) as integer)`.as('done'),
      sql<number>`cast(sum(case when m.status = 'cancelled' then 1 else 0 end) as integer)`.as('cancelled'),
      sql<number>`cast(sum(case when ${open} and m.due < ${today} then 1 else 0 end) as integer)`.as('late'),
      sql<number>`cast(sum(case when ${open} and m.due >= ${today} and m.due <= ${horizon} then 1 else 0 end) as integer)`.as(
        'at_risk',
      ),
    ])
    .where('m.programme_id', 'in', ids)
    .where(programmePartVisibleTo(principal, 'm'))
    .groupBy('m.programme_id')
    .execute()
  const next = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('programme_milestone as m')
        .select([
          'm.programme_id',
          'm.title',
          'm.due',
          sql<number>`row_number() over (partition by m.programme_id order by m.due, m.title)`.as('rank'),
        ])
        .where('m.programme_id', 'in', ids)
        .where(open)
        .where('m.due', '>=', today)
        .where(programmePartVisibleTo(principal, 'm'))
        .as('x'),
    )
    .selectAll('x')
    .where('x.rank', '=', 1)
    .execute()
  const partMarkings = await db
    .selectFrom('programme_node as n')
    .select(['n.programme_id', 'n.classification', 'n.releasable_to'])
    .where('n.programme_id', 'in', ids)
    .where(programmePartVisibleTo(principal, 'n'))
    .groupBy(['n.programme_id', 'n.classification', 'n.releasable_to'])
    .unionAll(
      db
        .selectFrom('programme_milestone as m')
        .select(['m.programme_id', 'm.classification', 'm.releasable_to'])
        .where('m.programme_id', 'in', ids)
        .where(programmePartVisibleTo(principal, 'm'))
        .groupBy(['m.programme_id', 'm.classification', 'm.releasable_to']),
    )
    .execute()
  for (const id of ids) {
    const count = (kind: string) =>
      Number(nodes.find((r) => r.programme_id === id && r.kind === kind)?.n ?? 0)
    const m = milestones.find((r) => r.programme_id === id)
    const total = Number(m?.total ?? 0)
    const done = Number(m?.done ?? 0)
    const counted = total - Number(m?.cancelled ?? 0)
    const upcoming = next.find((r) => r.programme_id === id)
    stats.set(id, {
      goals: count('goal'),
      activities: count('activity'),
      milestones: total,
      done,
      late: Number(m?.late ?? 0),
      atRisk: Number(m?.at_risk ?? 0),
      percentDone: counted === 0 ? null : Math.round((100 * done) / counted),
      nextMilestone: upcoming === undefined ? null : { title: upcoming.title, due: upcoming.due },
      markings: partMarkings.filter((r) => r.programme_id === id).map(markingFromColumns),
    })
  }
  return stats
}
