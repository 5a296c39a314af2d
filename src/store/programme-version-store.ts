import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { enumReader } from '../domain/enum.ts'
import { DomainError } from '../domain/errors.ts'
import type { Principal } from '../domain/principal.ts'
import { publicPrincipal } from '../domain/principal.ts'
import { childrenByParent } from '../domain/programme.ts'
import {
  type FieldValue,
  itemKinds,
  milestoneSnapshot,
  nodeSnapshot,
  type SnapshotItem,
} from '../domain/programme-diff.ts'
import type { Executor } from './executor.ts'
import { markingFromColumns, markingToColumns } from './marking-columns.ts'
import { programmePartVisibleTo } from './programme-scope.ts'
import { listVisibleMilestones, listVisibleNodes } from './programme-tree-store.ts'

/** The whole text as the alliance holds it: every part, whatever its marking, for freezing. */
const everything: Principal = {
  ...publicPrincipal,
  kind: 'staff',
  clearance: 'CONFIDENTIAL',
  displayName: 'system',
}

export interface VersionRecord {
  readonly id: string
  readonly number: number
  readonly title: string
  readonly agreedOn: string
  readonly createdAt: string
  readonly createdBy: string | null
  /** Parts of the version this principal may see. */
  readonly itemCount: number
}

/**
 * Freezes the current text as the next version: one row per part with its own marking, so a
 * reader of the version sees exactly the parts their marking rights allow.
 */
export async function freezeVersion(
  tx: Executor,
  principal: Principal,
  programmeId: string,
  agreedOn: string,
  now: Date,
): Promise<number> {
  const programme = await tx
    .selectFrom('programme')
    .select(['title', 'classification', 'releasable_to'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow()
  const last = await tx
    .selectFrom('programme_version')
    .select(sql<number>`coalesce(max(number), 0)`.as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow()
  const number = Number(last.n) + 1
  const id = randomUUID()
  await tx
    .insertInto('programme_version')
    .values({
      id,
      programme_id: programmeId,
      number,
      title: programme.title,
      agreed_on: agreedOn,
      created_at: now.toISOString(),
      created_by: principal.username,
      ...markingToColumns(markingFromColumns(programme)),
    })
    .execute()
  const items = await currentSnapshot(tx, everything, programmeId)
  const rows = items.map((item) => ({
    version_id: id,
    item_id: item.id,
    kind: item.kind,
    parent_id: item.parentId,
    position: item.position,
    fields: JSON.stringify(item.fields),
    ...markingToColumns(item.marking),
  }))
  // Batches keep each statement under the engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('programme_version_item')
      .values(rows.slice(i, i + 500))
      .execute()
  }
  return number
}

/** The live text as snapshot items, limited to what the principal may see. */
export async function currentSnapshot(
  tx: Executor,
  principal: Principal,
  programmeId: string,
): Promise<SnapshotItem[]> {
  const nodes = await listVisibleNodes(tx, principal, programmeId)
  const milestones = await listVisibleMilestones(tx, principal, programmeId)
  const byGoal = childrenByParent(
    milestones.map((m, position) => ({ id: m.id, parentId: m.goalId, position })),
  )
  const positions = new Map<string, number>()
  for (const list of byGoal.values()) {
    for (const [index, m] of list.entries()) positions.set(m.id, index)
  }
  return [
    ...nodes.map(nodeSnapshot),
    ...milestones.map((milestone) => milestoneSnapshot(milestone, positions.get(milestone.id) ?? 0)),
  ]
}

export async function listVisibleVersions(
  db: Executor,
  principal: Principal,
  programmeId: string,
): Promise<VersionRecord[]> {
  const rows = await db
    .selectFrom('programme_version as v')
    .selectAll('v')
    .select((eb) =>
      eb
        .selectFrom('programme_version_item as i')
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .whereRef('i.version_id', '=', 'v.id')
        .where(programmePartVisibleTo(principal, 'i', sql<string>`${sql.ref('v.programme_id')}`))
        .as('item_count'),
    )
    .where('v.programme_id', '=', programmeId)
    .where(programmePartVisibleTo(principal, 'v'))
    .orderBy('v.number')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    number: Number(row.number),
    title: row.title,
    agreedOn: row.agreed_on,
    createdAt: row.created_at,
    createdBy: row.created_by,
    itemCount: Number(row.item_count ?? 0),
  }))
}

/** The parts of version `number` this principal may see; 404 when there is no such version for them. */
export async function loadVersionItems(
  db: Executor,
  principal: Principal,
  programmeId: string,
  number: number,
): Promise<SnapshotItem[]> {
  const version = await db
    .selectFrom('programme_version as v')
    .select('v.id')
    .where('v.programme_id', '=', programmeId)
    .where('v.number', '=', number)
    .where(programmePartVisibleTo(principal, 'v'))
    .executeTakeFirst()
  if (version === undefined) {
    throw new DomainError('not-found', `The programme has no version ${number}.`)
  }
  const rows = await db
    .selectFrom('programme_version_item as i')
    .selectAll('i')
    .where('i.version_id', '=', version.id)
    .where(programmePartVisibleTo(principal, 'i', sql<string>`${programmeId}`))
    .execute()
  return rows.map((row) => ({
    id: row.item_id,
    kind: toItemKind(row.kind),
    parentId: row.parent_id,
    position: Number(row.position),
    fields: parseFields(row.fields),
    marking: markingFromColumns(row),
  }))
}

const toItemKind = enumReader(itemKinds, 'item kind')

function parseFields(text: string): Record<string, FieldValue> {
  const parsed: unknown = JSON.parse(text)
  const fields: Record<string, FieldValue> = {}
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [key, value] of Object.entries(parsed)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        fields[key] = value
      }
    }
  }
  return fields
}

/** How many agreed versions of the programme this principal may see. */
export async function countVisibleVersions(
  db: Executor,
  principal: Principal,
  programmeId: string,
): Promise<number> {
  const row = await db
    .selectFrom('programme_version as v')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('v.programme_id', '=', programmeId)
    .where(programmePartVisibleTo(principal, 'v'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
