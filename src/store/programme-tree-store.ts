import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { enumReader } from '../domain/enum.ts'
import { DomainError, staleVersion } from '../domain/errors.ts'
import type { Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import {
  type Milestone,
  milestoneStatuses,
  type NodeKind,
  nodeKinds,
  type ProgrammeNode,
  reorderSiblings,
} from '../domain/programme.ts'
import type { Executor } from './executor.ts'
import { decodeList, encodeOrderedList } from './list-column.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import { invalidField } from './programme-store.ts'
import { visibleTo } from './visibility.ts'

/*
 * The tree of one programme. Every function here takes a programme the caller has already loaded
 * through the scope filter, and reads nodes and milestones through the marking filter in SQL.
 * Writes run on the command's transaction (src/server/programmes/commands/) and stamp what they
 * change with the command's revision (programme-revision-store.ts); position renumbering does not,
 * since it changes no position a principal sees.
 */

/** The columns a node is read with (not the programme id, which the caller already has). */
const nodeColumns = [
  'n.id',
  'n.parent_id',
  'n.kind',
  'n.position',
  'n.title',
  'n.description',
  'n.priority_areas',
  'n.illustrative',
  'n.version',
  'n.classification',
  'n.releasable_to',
] as const

export async function listVisibleNodes(db: Executor, principal: Principal, programmeId: string) {
  const rows = await db
    .selectFrom('programme_node as n')
    .select(nodeColumns)
    // Ranked after the visibility filter, so a position never counts siblings the principal cannot see.
    .select(
      sql<number>`row_number() over (partition by n.parent_id order by n.position, n.id) - 1`.as(
        'visible_position',
      ),
    )
    .where('n.programme_id', '=', programmeId)
    .where(programmePartVisibleTo(principal, 'n'))
    .orderBy('n.parent_id')
    .orderBy('n.position')
    .execute()
  return rows.map(toNode)
}

export async function listVisibleMilestones(
  db: Executor,
  principal: Principal,
  programmeId: string,
): Promise<Milestone[]> {
  const rows = await db
    .selectFrom('programme_milestone as m')
    .select([
      'm.id',
      'm.goal_id',
      'm.title',
      'm.due',
      'm.status',
      'm.illustrative',
      'm.version',
      'm.classification',
      'm.releasable_to',
    ])
    .where('m.programme_id', '=', programmeId)
    .where(programmePartVisibleTo(principal, 'm'))
    .orderBy('m.due')
    .orderBy('m.title')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    goalId: row.goal_id,
    title: row.title,
    due: row.due,
    status: toMilestoneStatus(row.status),
    illustrative: Number(row.illustrative) === 1,
    marking: sharedMarking(row),
    version: Number(row.version),
  }))
}

type NodeRow = Awaited<ReturnType<ReturnType<typeof selectNode>['executeTakeFirstOrThrow']>>

function selectNode(db: Executor, principal: Principal, programmeId: string, id: string) {
  return db
    .selectFrom('programme_node as n')
    .select(nodeColumns)
    .select(visiblePosition(principal))
    .where('n.programme_id', '=', programmeId)
    .where('n.id', '=', id)
    .where(programmePartVisibleTo(principal, 'n'))
}

/** The node's place among the siblings the principal can see (hidden ones are not counted). */
function visiblePosition(principal: Principal) {
  return sql<number>`(select count(*) from programme_node as s
    where s.programme_id = n.programme_id
      and (s.parent_id = n.parent_id or (s.parent_id is null and n.parent_id is null))
      and (s.position < n.position or (s.position = n.position and s.id < n.id))
      and ${programmePartVisibleTo(principal, 's')})`.as('visible_position')
}

function toNode(row: NodeRow): ProgrammeNode {
  return {
    id: row.id,
    kind: toNodeKind(row.kind),
    parentId: row.parent_id,
    position: Number(row.visible_position),
    title: row.title,
    description: row.description,
    priorityAreas: decodeList(row.priority_areas),
    illustrative: Number(row.illustrative) === 1,
    marking: sharedMarking(row),
    version: Number(row.version),
  }
}

/**
 * Thousands of parts share a handful of markings; reading each as one shared (never mutated)
 * value spares the allocations that dominated loading a large tree.
 */
const markings = new Map<string, Marking>()
function sharedMarking(row: { classification: number; releasable_to: string }): Marking {
  const key = `${row.classification}|${row.releasable_to}`
  let marking = markings.get(key)
  if (marking === undefined) {
    marking = markingFromColumns(row)
    if (markings.size < 1000) markings.set(key, marking)
  }
  return marking
}

export async function requireVisibleNode(
  db: Executor,
  principal: Principal,
  programmeId: string,
  id: string,
  field = 'nodeId',
): Promise<ProgrammeNode> {
  const row = await selectNode(db, principal, programmeId, id).executeTakeFirst()
  if (row === undefined) {
    throw field === 'nodeId'
      ? new DomainError('not-found', `The programme has no node with the id ${id}.`)
      : invalidField(field, `No node ${id} in this programme`)
  }
  return toNode(row)
}

export interface NodeInput {
  readonly title: string
  readonly description: string
  readonly priorityAreas: readonly string[]
  readonly marking: Marking
}

export interface NewNode extends NodeInput {
  readonly kind: NodeKind
  readonly parentId: string | null
  readonly position: number | null
}

/** Stores a new node at `position` among its visible siblings (default: last), stamped `revision`. */
export async function insertNode(
  tx: Executor,
  principal: Principal,
  programmeId: string,
  input: NewNode,
  revision: number,
  options: { id?: string; illustrative?: boolean } = {},
): Promise<string> {
  const id = options.id ?? randomUUID()
  await tx
    .insertInto('programme_node')
    .values({
      id,
      programme_id: programmeId,
      parent_id: input.parentId,
      kind: input.kind,
      // Last, a place no sibling holds; placeAmongSiblings then puts it where it was asked for.
      position: await freePosition(tx, programmeId, input.parentId),
      title: input.title,
      description: input.description,
      priority_areas: encodeOrderedList(input.priorityAreas),
      illustrative: options.illustrative === true ? 1 : 0,
      version: 1,
      programme_revision: revision,
      ...markingToColumns(input.marking),
    })
    .execute()
  await placeAmongSiblings(
    tx,
    principal,
    programmeId,
    id,
    input.parentId,
    input.position ?? Number.MAX_SAFE_INTEGER,
  )
  return id
}

/** Changes a node's words, areas and marking if it is still at `expectedVersion`; else 409. */
export async function updateNodeRow(
  tx: Executor,
  node: ProgrammeNode,
  expectedVersion: number,
  input: NodeInput,
  revision: number,
): Promise<void> {
  const result = await tx
    .updateTable('programme_node')
    .set((eb) => ({
      title: input.title,
      description: input.description,
      priority_areas: encodeOrderedList(input.priorityAreas),
      ...markingToColumns(input.marking),
      version: eb('version', '+', 1),
      programme_revision: revision,
    }))
    .where('id', '=', node.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw staleVersion(node.kind, node.version)
}

/** Hangs a node under another parent and/or at another place among its visible siblings. */
export async function moveNodeRow(
  tx: Executor,
  principal: Principal,
  programmeId: string,
  node: ProgrammeNode,
  expectedVersion: number,
  target: { parentId: string | null; position: number },
  revision: number,
): Promise<void> {
  const position =
    node.parentId === target.parentId ? undefined : await freePosition(tx, programmeId, target.parentId)
  const result = await tx
    .updateTable('programme_node')
    .set((eb) => ({
      parent_id: target.parentId,
      ...(position === undefined ? {} : { position }),
      version: eb('version', '+', 1),
      programme_revision: revision,
    }))
    .where('id', '=', node.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw staleVersion(node.kind, node.version)
  await placeAmongSiblings(tx, principal, programmeId, node.id, target.parentId, target.position)
  if (node.parentId !== target.parentId) await renumber(tx, programmeId, node.parentId)
}

/** How many parts under `subtree` (node ids) the principal may not see. */
export async function countHiddenParts(
  tx: Executor,
  principal: Principal,
  subtree: readonly string[],
): Promise<number> {
  const hidden = await tx
    .selectFrom('programme_node as n')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('n.id', 'in', subtree)
    .where((eb) => eb.not(visibleTo(principal, 'n')))
    .executeTakeFirstOrThrow()
  const hiddenMilestones = await tx
    .selectFrom('programme_milestone as m')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('m.goal_id', 'in', subtree)
    .where((eb) => eb.not(visibleTo(principal, 'm')))
    .executeTakeFirstOrThrow()
  return Number(hidden.n) + Number(hiddenMilestones.n)
}

/**
 * Deletes a node with its subtree (`subtreeIds`) and their milestones, and closes the gap among its
 * siblings. The node goes only if it is still at `expectedVersion`; otherwise 409 and, since the
 * command's transaction rolls back, nothing is deleted.
 */
export async function deleteSubtree(
  tx: Executor,
  programmeId: string,
  node: ProgrammeNode,
  subtree: readonly string[],
  expectedVersion: number,
): Promise<void> {
  await tx.deleteFrom('programme_milestone').where('goal_id', 'in', subtree).execute()
  // Children first, so the self-reference never points at a deleted row.
  for (const id of [...subtree].reverse()) {
    await tx.deleteFrom('programme_node').where('id', '=', id).where('id', '!=', node.id).execute()
  }
  const gone = await tx
    .deleteFrom('programme_node')
    .where('id', '=', node.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(gone.numDeletedRows) === 0) throw staleVersion(node.kind, node.version)
  await renumber(tx, programmeId, node.parentId)
}

/** The node and all its descendants, parents before children. */
export async function subtreeIds(tx: Executor, programmeId: string, rootId: string): Promise<string[]> {
  const all = await tx
    .selectFrom('programme_node')
    .select(['id', 'parent_id'])
    .where('programme_id', '=', programmeId)
    .execute()
  const ids = [rootId]
  for (let i = 0; i < ids.length; i += 1) {
    for (const row of all) if (row.parent_id === ids[i]) ids.push(row.id)
  }
  return ids
}

/**
 * Puts `id` at `index` among the siblings the principal can see, keeping hidden siblings where they
 * were relative to the rest: it goes just before the visible sibling it lands in front of.
 */
async function placeAmongSiblings(
  tx: Executor,
  principal: Principal,
  programmeId: string,
  id: string,
  parentId: string | null,
  index: number,
): Promise<void> {
  const siblings = await tx
    .selectFrom('programme_node as n')
    .select(['n.id', sql<number>`case when ${visibleTo(principal, 'n')} then 1 else 0 end`.as('visible')])
    .where('n.programme_id', '=', programmeId)
    .where((eb) => (parentId === null ? eb('n.parent_id', 'is', null) : eb('n.parent_id', '=', parentId)))
    .orderBy('n.position')
    .orderBy('n.id')
    .execute()
  const visible = siblings.filter((s) => Number(s.visible) === 1).map((s) => s.id)
  const order = reorderSiblings(visible, id, index)
  const next = order[order.indexOf(id) + 1]
  const rest = siblings.map((s) => s.id).filter((s) => s !== id)
  const at = next === undefined ? rest.length : rest.indexOf(next)
  const full = [...rest.slice(0, at), id, ...rest.slice(at)]
  await writePositions(tx, full)
}

async function renumber(tx: Executor, programmeId: string, parentId: string | null): Promise<void> {
  const siblings = await tx
    .selectFrom('programme_node')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .orderBy('position')
    .orderBy('id')
    .execute()
  await writePositions(
    tx,
    siblings.map((s) => s.id),
  )
}

/**
 * Gives `ids` the positions 0, 1, 2… in that order. Sibling positions are unique (migration
 * 2026-12-02T1100), so the rows that move step aside to negative places first, then take their
 * own: no statement ever puts two siblings in one place.
 */
async function writePositions(tx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const current = await tx
    .selectFrom('programme_node')
    .select(['id', 'position'])
    .where('id', 'in', ids)
    .execute()
  const at = new Map(current.map((row) => [row.id, Number(row.position)]))
  const moving = ids.filter((id, position) => at.get(id) !== position)
  if (moving.length === 0) return
  await tx
    .updateTable('programme_node')
    .set({ position: sql<number>`-1 - position` })
    .where('id', 'in', moving)
    .execute()
  // One statement per chunk rather than one per row: the programme stays locked meanwhile.
  const targets = ids.flatMap((id, position) => (moving.includes(id) ? [{ id, position }] : []))
  for (let i = 0; i < targets.length; i += 400) {
    const chunk = targets.slice(i, i + 400)
    const cases = sql.join(
      chunk.map(({ id, position }) => sql`when ${id} then cast(${position} as integer)`),
      sql` `,
    )
    await tx
      .updateTable('programme_node')
      .set({ position: sql<number>`case id ${cases} end` })
      .where(
        'id',
        'in',
        chunk.map(({ id }) => id),
      )
      .execute()
  }
}

/** A position after every sibling under `parentId`: free, so a row can be put there at once. */
async function freePosition(tx: Executor, programmeId: string, parentId: string | null): Promise<number> {
  const row = await tx
    .selectFrom('programme_node')
    .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
    .where('programme_id', '=', programmeId)
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .executeTakeFirstOrThrow()
  return Number(row.next)
}

/** The markings of a node's children and milestones, which must stay within the node's own. */
export async function childMarkings(tx: Executor, nodeId: string): Promise<Marking[]> {
  const children = await tx
    .selectFrom('programme_node')
    .select(['classification', 'releasable_to'])
    .where('parent_id', '=', nodeId)
    .unionAll(
      tx
        .selectFrom('programme_milestone')
        .select(['classification', 'releasable_to'])
        .where('goal_id', '=', nodeId),
    )
    .execute()
  return children.map(markingFromColumns)
}

export async function assertPriorityAreas(tx: Executor, areas: readonly string[]): Promise<void> {
  if (areas.length === 0) return
  const known = await tx.selectFrom('priority_area').select('id').where('id', 'in', areas).execute()
  const missing = areas.filter((area) => !known.some((row) => row.id === area))
  if (missing.length > 0) {
    throw invalidField('priorityAreas', `Unknown priority area ${missing.join(', ')}`)
  }
}

export const toNodeKind = enumReader(nodeKinds, 'node kind')

export const toMilestoneStatus = enumReader(milestoneStatuses, 'milestone status')
