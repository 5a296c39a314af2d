import { fuzzyDate } from '../src/domain/fuzzy-date.ts'
import type { Marking } from '../src/domain/marking.ts'
import { type Principal, publicPrincipal } from '../src/domain/principal.ts'
import type { Db } from '../src/store/database.ts'
import { encodeOrderedList } from '../src/store/list-column.ts'
import { markingToColumns } from '../src/store/marking-columns.ts'
import { periodColumns } from '../src/store/programme-store.ts'
import { freezeVersion } from '../src/store/programme-version-store.ts'

export const benchProgrammeId = 'bench-programme'
const areas = [
  'cyber-defence',
  'maritime-security',
  'space',
  'resilience',
  'disinformation',
  'climate-security',
]
const staff: Principal = { ...publicPrincipal, kind: 'staff', clearance: 'CONFIDENTIAL', username: 'bench' }
const publicMark: Marking = { classification: 'PUBLIC', releasableTo: [] }
const released: Marking = { classification: 'RESTRICTED', releasableTo: ['JPN'] }
const allianceOnly: Marking = { classification: 'RESTRICTED', releasableTo: [] }

/**
 * A programme of 20 objectives × 10 goals × 10 activities (2,000) with 10 milestones per goal
 * (2,000), mixed markings, frozen as version 1; then about 5% of the text is changed, some parts
 * removed and added, and frozen as version 2, so the diff has real work to do.
 */
export async function generateBenchProgramme(
  db: Db,
  now: Date,
): Promise<{ nodes: number; milestones: number }> {
  let nodes = 0
  let milestones = 0
  await db.kysely.transaction().execute(async (tx) => {
    await tx
      .insertInto('programme')
      .values({
        id: benchProgrammeId,
        partner_code: 'JPN',
        kind: 'ITPP',
        title: 'Benchmark programme (generated)',
        status: 'in-negotiation',
        ...periodColumns(fuzzyDate('2027'), fuzzyDate('2030')),
        agreed_on: null,
        round: 1,
        supersedes_id: null,
        superseded_by_id: null,
        public_diplomacy: 'Generated for the benchmark.',
        next_review: null,
        illustrative: 1,
        version: 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        ...markingToColumns(publicMark),
      })
      .execute()
    const nodeRows = []
    const milestoneRows = []
    for (let o = 0; o < 20; o += 1) {
      const objective = `bo${o}`
      nodeRows.push(node(objective, null, 'objective', o, `Objective ${o + 1}`, [], publicMark))
      for (let g = 0; g < 10; g += 1) {
        const goal = `${objective}g${g}`
        const goalMarking = g === 9 ? allianceOnly : g % 3 === 0 ? released : publicMark
        nodeRows.push(
          node(
            goal,
            objective,
            'goal',
            g,
            `Goal ${o + 1}.${g + 1}`,
            [areas[(o + g) % areas.length] ?? ''],
            goalMarking,
          ),
        )
        for (let a = 0; a < 10; a += 1) {
          nodeRows.push(
            node(`${goal}a${a}`, goal, 'activity', a, `Activity ${o + 1}.${g + 1}.${a + 1}`, [], goalMarking),
          )
          const due = `20${27 + (a % 4)}-${String(1 + ((g + a) % 12)).padStart(2, '0')}-15`
          milestoneRows.push({
            id: `${goal}m${a}`,
            programme_id: benchProgrammeId,
            goal_id: goal,
            title: `Milestone ${o + 1}.${g + 1}/${a + 1}`,
            due,
            status: a % 4 === 0 ? 'done' : 'planned',
            illustrative: 1,
            version: 1,
            ...markingToColumns(goalMarking),
          })
        }
      }
    }
    for (let i = 0; i < nodeRows.length; i += 500)
      await tx
        .insertInto('programme_node')
        .values(nodeRows.slice(i, i + 500))
        .execute()
    for (let i = 0; i < milestoneRows.length; i += 500) {
      await tx
        .insertInto('programme_milestone')
        .values(milestoneRows.slice(i, i + 500))
        .execute()
    }
    nodes = nodeRows.length
    milestones = milestoneRows.length
    await freezeVersion(tx, staff, benchProgrammeId, '2026-11-01', now)
    // About 5% changed, some removed, some added.
    await tx
      .updateTable('programme_node')
      .set({ title: 'Renamed activity' })
      .where('id', 'like', 'bo%g_a3')
      .execute()
    await tx
      .updateTable('programme_milestone')
      .set({ status: 'in-progress' })
      .where('id', 'like', 'bo%g_m5')
      .execute()
    await tx.deleteFrom('programme_milestone').where('id', 'like', 'bo1g%m9').execute()
    await tx.deleteFrom('programme_node').where('id', 'like', 'bo1g%a9').execute()
    await tx
      .insertInto('programme_node')
      .values(node('bo0g0a10', 'bo0g0', 'activity', 10, 'New activity', [], publicMark))
      .execute()
    await freezeVersion(tx, staff, benchProgrammeId, '2026-11-20', now)
  })
  return { nodes, milestones }
}

function node(
  id: string,
  parent: string | null,
  kind: string,
  position: number,
  title: string,
  priorityAreas: string[],
  marking: Marking,
) {
  return {
    id,
    programme_id: benchProgrammeId,
    parent_id: parent,
    kind,
    position,
    title,
    description: `Generated ${kind} for the benchmark.`,
    priority_areas: encodeOrderedList(priorityAreas),
    illustrative: 1,
    version: 1,
    ...markingToColumns(marking),
  }
}
