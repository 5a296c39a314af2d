import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type {
  EngagementFormat,
  EngagementKind,
  EngagementLevel,
  EngagementTiming,
  StructureProblem,
} from '../domain/engagement.ts'
import { structureProblems } from '../domain/engagement.ts'
import { dayNumber, timingEndMillis, timingProblems, timingStartMillis } from '../domain/engagement-time.ts'
import { DomainError, invalidInput, staleVersion } from '../domain/errors.ts'
import { classificationRank, type Marking } from '../domain/marking.ts'
import type { Principal } from '../domain/principal.ts'
import { recordAudit } from './audit-store.ts'
import type { Database, Db } from './database.ts'
import { encodeSet } from './list-column.ts'
import { markingToColumns } from './marking-columns.ts'
import { visibleTo } from './visibility.ts'

/** What a person writes about an engagement; the server derives everything else. */
export interface EngagementDraft {
  readonly kind: EngagementKind
  readonly level: EngagementLevel
  readonly format: EngagementFormat
  readonly title: string
  readonly summary: string
  readonly host: string | null
  readonly place: string
  readonly timing: EngagementTiming
  readonly parentId: string | null
  readonly priorityAreas: readonly string[]
  readonly outcomes: readonly string[]
  readonly participants: readonly {
    readonly country: string
    readonly person: string | null
    readonly role: string | null
    readonly level: EngagementLevel | null
    /** Defaults to the engagement's marking. */
    readonly marking: Marking | null
  }[]
  readonly marking: Marking
}

/** Columns computed from the timing on every write: instants, local days and day numbers. */
export function derivedTimeColumns(timing: EngagementTiming) {
  return {
    time_zone: timing.timeZone,
    all_day: timing.allDay ? 1 : 0,
    start_local: timing.start,
    end_local: timing.end,
    start_utc: new Date(timingStartMillis(timing)).toISOString(),
    end_utc: new Date(timingEndMillis(timing)).toISOString(),
    start_day: timing.start.slice(0, 10),
    start_day_num: dayNumber(timing.start.slice(0, 10)),
    end_day_num: dayNumber(timing.end.slice(0, 10)),
  }
}

/** Checks the draft against the rules and against what exists; throws one error listing every problem. */
async function checkDraft(
  executor: Transaction<Database>,
  principal: Principal,
  draft: EngagementDraft,
  id: string | undefined,
): Promise<void> {
  const problems: StructureProblem[] = [
    ...timingProblems(draft.timing),
    ...structureProblems({ ...draft, ...(id === undefined ? {} : { id }) }),
  ]
  const markings = [
    draft.marking,
    ...draft.participants.flatMap((p) => (p.marking === null ? [] : [p.marking])),
  ]
  if (
    markings.some(
      (marking) => classificationRank(marking.classification) > classificationRank(principal.clearance),
    )
  ) {
    problems.push({ pointer: '#/marking/classification', detail: 'Above your own clearance' })
  }
  const codes = [
    ...new Set([...draft.participants.map((p) => p.country), ...(draft.host === null ? [] : [draft.host])]),
  ]
  const known = new Set(
    codes.length === 0
      ? []
      : (await executor.selectFrom('country').select('code').where('code', 'in', codes).execute()).map(
          (c) => c.code,
        ),
  )
  draft.participants.forEach((participant, index) => {
    if (!known.has(participant.country)) {
      problems.push({
        pointer: `#/participants/${index}/country`,
        detail: `No country has the code ${participant.country}`,
      })
    }
  })
  if (draft.host !== null && !known.has(draft.host)) {
    problems.push({ pointer: '#/host', detail: `No country has the code ${draft.host}` })
  }
  if (draft.priorityAreas.length > 0) {
    const areas = new Set(
      (
        await executor
          .selectFrom('priority_area')
          .select('id')
          .where('id', 'in', [...draft.priorityAreas])
          .execute()
      ).map((area) => area.id),
    )
    draft.priorityAreas.forEach((area, index) => {
      if (!areas.has(area)) {
        problems.push({ pointer: `#/priorityAreas/${index}`, detail: `No priority area has the id ${area}` })
      }
    })
  }
  if (draft.parentId !== null && draft.parentId !== id) {
    const parent = await executor
      .selectFrom('engagement as e')
      .select('e.id')
      .where('e.id', '=', draft.parentId)
      .where(visibleTo(principal, 'e'))
      .executeTakeFirst()
    if (parent === undefined) {
      problems.push({ pointer: '#/parentId', detail: `No engagement has the id ${draft.parentId}` })
    }
  }
  if (problems.length > 0) {
    throw invalidInput('engagement', problems)
  }
}

function contentColumns(draft: EngagementDraft) {
  return {
    kind: draft.kind,
    level: draft.level,
    format: draft.format,
    title: draft.title,
    summary: draft.summary,
    host: draft.host,
    place: draft.place,
    parent_id: draft.parentId,
    priority_areas: encodeSet(draft.priorityAreas),
    outcomes: JSON.stringify(draft.outcomes),
    ...derivedTimeColumns(draft.timing),
    ...markingToColumns(draft.marking),
  }
}

async function insertParticipants(
  tx: Transaction<Database>,
  engagementId: string,
  draft: EngagementDraft,
  firstPosition: number,
): Promise<void> {
  if (draft.participants.length === 0) {
    return
  }
  await tx
    .insertInto('engagement_participant')
    .values(
      draft.participants.map((participant, index) => ({
        engagement_id: engagementId,
        position: firstPosition + index,
        country_code: participant.country,
        person: participant.person,
        role: participant.role,
        level: participant.level,
        ...markingToColumns(participant.marking ?? draft.marking),
      })),
    )
    .execute()
}

/** Records a new engagement with its participants and an audit entry, in one transaction. */
export async function createEngagement(
  db: Db,
  principal: Principal,
  draft: EngagementDraft,
  now: Date,
  id: string = randomUUID(),
): Promise<string> {
  await db.kysely.transaction().execute(async (tx) => {
    await checkDraft(tx, principal, draft, undefined)
    await tx
      .insertInto('engagement')
      .values({
        id,
        ...contentColumns(draft),
        version: 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute()
    await insertParticipants(tx, id, draft, 0)
    await recordAudit(
      tx,
      principal,
      { action: 'create', entity: 'engagement', entityId: id, details: { title: draft.title } },
      now,
    )
  })
  return id
}

/**
 * Replaces an engagement's content when `expectedVersion` is still current. Participants the editor
 * cannot see are kept: an edit never removes what its author could not know about.
 */
export async function updateEngagement(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  draft: EngagementDraft,
  now: Date,
): Promise<number> {
  return db.kysely.transaction().execute(async (tx) => {
    await checkDraft(tx, principal, draft, id)
    const result = await tx
      .updateTable('engagement')
      .set({ ...contentColumns(draft), version: expectedVersion + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) {
      throw await staleOrMissing(tx, principal, id)
    }
    await tx
      .deleteFrom('engagement_participant as p')
      .where('p.engagement_id', '=', id)
      .where(visibleTo(principal, 'p'))
      .execute()
    const kept = await tx
      .selectFrom('engagement_participant')
      .select(sql<number | null>`max(position)`.as('last'))
      .where('engagement_id', '=', id)
      .executeTakeFirst()
    await insertParticipants(tx, id, draft, Number(kept?.last ?? -1) + 1)
    await recordAudit(
      tx,
      principal,
      { action: 'update', entity: 'engagement', entityId: id, details: { version: expectedVersion + 1 } },
      now,
    )
    return expectedVersion + 1
  })
}

/** Deletes an engagement that has no sideline meetings or statements hanging off it. */
export async function deleteEngagement(
  db: Db,
  principal: Principal,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const dependants = await tx
      .selectFrom('engagement as e')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('e.parent_id', '=', id)
      .executeTakeFirst()
    const statements = await tx
      .selectFrom('engagement_statement as s')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('s.engagement_id', '=', id)
      .executeTakeFirst()
    if (Number(dependants?.n ?? 0) + Number(statements?.n ?? 0) > 0) {
      throw new DomainError(
        'conflict',
        'This engagement has sideline meetings or statements linked to it; delete or relink them first.',
      )
    }
    const result = await tx
      .deleteFrom('engagement')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) {
      throw await staleOrMissing(tx, principal, id)
    }
    await recordAudit(tx, principal, { action: 'delete', entity: 'engagement', entityId: id }, now)
  })
}

/** Why a versioned write touched nothing: the record changed (409 with its version) or is not there for this caller (404). */
export async function staleOrMissing(
  tx: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<DomainError> {
  const current = await tx
    .selectFrom('engagement as e')
    .select('e.version')
    .where('e.id', '=', id)
    .where(visibleTo(principal, 'e'))
    .executeTakeFirst()
  return current === undefined
    ? new DomainError('not-found', `No engagement has the id ${id}.`)
    : staleVersion('engagement', Number(current.version))
}
