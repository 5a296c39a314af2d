import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { earliestDay, fuzzyDate } from '../../domain/fuzzy-date.ts'
import type { Marking } from '../../domain/marking.ts'
import type { NodeKind } from '../../domain/programme.ts'
import { milestoneSnapshot, nodeSnapshot, type SnapshotItem } from '../../domain/programme-diff.ts'
import { recordAudit } from '../audit-store.ts'
import type { Db } from '../database.ts'
import type { Executor } from '../executor.ts'
import { encodeOrderedList } from '../list-column.ts'
import { markingToColumns } from '../marking-columns.ts'
import { periodColumns } from '../programme-store.ts'
import { ProgrammeDemoData, type SeedMilestone, type SeedProgramme } from './programme-demo-schema.ts'

export const programmeDataPath = fileURLToPath(new URL('../../../data/programmes.json', import.meta.url))

export async function readProgrammeDemo(path = programmeDataPath): Promise<ProgrammeDemoData> {
  return ProgrammeDemoData.parse(JSON.parse(await readFile(path, 'utf8')))
}

interface Lineage {
  readonly since?: number | 'draft' | undefined
  readonly until?: number | undefined
  readonly previously?: { readonly in: readonly number[]; readonly [field: string]: unknown } | undefined
}

interface FlatNode extends Lineage {
  readonly id: string
  readonly kind: NodeKind
  readonly parentId: string | null
  readonly title: string
  readonly description: string
  readonly priorityAreas: readonly string[]
  readonly marking: Marking
}

interface FlatMilestone extends Omit<SeedMilestone, 'marking'> {
  readonly goalId: string
  readonly marking: Marking
}

/** Whether a part is in version `v` ('live' = the current text). */
function inVersion(item: Lineage, v: number | 'live'): boolean {
  if (v === 'live') return item.until === undefined
  const since = item.since ?? 1
  return since !== 'draft' && since <= v && (item.until === undefined || v <= item.until)
}

function wording<T extends Lineage>(item: T, v: number | 'live'): T {
  return v !== 'live' && item.previously?.in.includes(v) === true ? { ...item, ...item.previously } : item
}

/** Loads data/programmes.json: each partner's programmes, their live text and agreed versions. Idempotent. */
export async function loadProgrammeDemo(db: Db, data: ProgrammeDemoData, now: Date): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    for (const programme of data.programmes) {
      const exists = await tx
        .selectFrom('programme')
        .select('id')
        .where('id', '=', programme.id)
        .executeTakeFirst()
      if (exists === undefined) await insertProgramme(tx, programme, now)
    }
    for (const programme of data.programmes) {
      if (programme.supersedes !== null) {
        await tx
          .updateTable('programme')
          .set({ superseded_by_id: programme.id })
          .where('id', '=', programme.supersedes)
          .execute()
      }
    }
    await recordAudit(tx, null, { action: 'seed', entity: 'dataset', entityId: 'programmes' }, now)
  })
}

async function insertProgramme(tx: Executor, p: SeedProgramme, now: Date): Promise<void> {
  const stamp = now.toISOString()
  await tx
    .insertInto('programme')
    .values({
      id: p.id,
      partner_code: p.partner,
      kind: p.kind,
      title: p.title,
      status: p.status,
      ...periodColumns(fuzzyDate(p.periodFrom), fuzzyDate(p.periodTo)),
      agreed_on: p.agreedOn,
      round: p.round,
      supersedes_id: p.supersedes,
      superseded_by_id: null,
      public_diplomacy: p.publicDiplomacy,
      next_review: p.nextReview,
      illustrative: p.illustrative ? 1 : 0,
      version: 1,
      created_at: stamp,
      updated_at: stamp,
      ...markingToColumns(p.marking),
    })
    .execute()
  const { nodes, milestones } = flatten(p)
  await insertLive(tx, p.id, nodes, milestones)
  for (const version of p.versions) {
    await insertVersion(tx, p, version, nodes, milestones, stamp)
  }
  const last = p.versions.at(-1)
  if (last !== undefined && ['agreed', 'in-force', 'under-review', 'superseded'].includes(p.status)) {
    for (const party of ['council', 'partner']) {
      await tx
        .insertInto('programme_approval')
        .values({
          id: `${p.id}-${party}-${p.round}`,
          programme_id: p.id,
          party,
          round: p.round,
          decided_on: earliestDay(fuzzyDate(last.agreedOn)),
          note: 'Demo data: recorded from the agreement date.',
          recorded_by: null,
          recorded_at: stamp,
          ...markingToColumns(p.marking),
        })
        .execute()
    }
  }
}

function flatten(p: SeedProgramme): { nodes: FlatNode[]; milestones: FlatMilestone[] } {
  const nodes: FlatNode[] = []
  const milestones: FlatMilestone[] = []
  // A part without its own lineage lives exactly as long as the part that contains it.
  const within = <T extends Lineage>(child: T, parent: Lineage): T => ({
    ...child,
    since: child.since ?? parent.since,
    until: child.until ?? parent.until,
  })
  for (const seedObjective of p.objectives) {
    const objective = { ...seedObjective, marking: seedObjective.marking ?? p.marking }
    nodes.push({ ...objective, kind: 'objective', parentId: null })
    for (const seedGoal of objective.goals) {
      const goal = within({ ...seedGoal, marking: seedGoal.marking ?? objective.marking }, objective)
      nodes.push({ ...goal, kind: 'goal', parentId: objective.id })
      for (const activity of goal.activities) {
        const marking = activity.marking ?? goal.marking
        nodes.push(within({ ...activity, kind: 'activity', parentId: goal.id, marking }, goal))
      }
      for (const milestone of goal.milestones) {
        milestones.push(
          within({ ...milestone, goalId: goal.id, marking: milestone.marking ?? goal.marking }, goal),
        )
      }
    }
  }
  return { nodes, milestones }
}

/** Positions are indexes among the siblings present in that text. */
function positioned<T extends { parentId: string | null }>(
  items: readonly T[],
): Array<T & { position: number }> {
  const seen = new Map<string | null, number>()
  return items.map((item) => {
    const position = seen.get(item.parentId) ?? 0
    seen.set(item.parentId, position + 1)
    return { ...item, position }
  })
}

async function insertLive(tx: Executor, programmeId: string, nodes: FlatNode[], milestones: FlatMilestone[]) {
  for (const node of positioned(nodes.filter((n) => inVersion(n, 'live')))) {
    await tx
      .insertInto('programme_node')
      .values({
        id: node.id,
        programme_id: programmeId,
        parent_id: node.parentId,
        kind: node.kind,
        position: node.position,
        title: node.title,
        description: node.description,
        priority_areas: encodeOrderedList(node.priorityAreas),
        illustrative: 1,
        version: 1,
        ...markingToColumns(node.marking),
      })
      .execute()
  }
  for (const m of milestones.filter((item) => inVersion(item, 'live'))) {
    await tx
      .insertInto('programme_milestone')
      .values({
        id: m.id,
        programme_id: programmeId,
        goal_id: m.goalId,
        title: m.title,
        due: m.due,
        status: m.status,
        illustrative: 1,
        version: 1,
        ...markingToColumns(m.marking),
      })
      .execute()
  }
}

async function insertVersion(
  tx: Executor,
  p: SeedProgramme,
  version: SeedProgramme['versions'][number],
  nodes: FlatNode[],
  milestones: FlatMilestone[],
  stamp: string,
) {
  const v = version.number
  const versionId = `${p.id}-v${v}`
  await tx
    .insertInto('programme_version')
    .values({
      id: versionId,
      programme_id: p.id,
      number: v,
      title: version.title,
      agreed_on: version.agreedOn,
      created_at: stamp,
      created_by: null,
      ...markingToColumns(p.marking),
    })
    .execute()
  const items: SnapshotItem[] = [
    ...positioned(nodes.filter((n) => inVersion(n, v)).map((n) => wording(n, v))).map((n) =>
      nodeSnapshot({ ...n, illustrative: true, version: 1 }),
    ),
    ...positioned(
      milestones.filter((m) => inVersion(m, v)).map((m) => ({ ...wording(m, v), parentId: m.goalId })),
    ).map((m) => milestoneSnapshot({ ...m, illustrative: true, version: 1 }, m.position)),
  ]
  for (const item of items) {
    await tx
      .insertInto('programme_version_item')
      .values({
        version_id: versionId,
        item_id: item.id,
        kind: item.kind,
        parent_id: item.parentId,
        position: item.position,
        fields: JSON.stringify(item.fields),
        ...markingToColumns(item.marking),
      })
      .execute()
  }
}
