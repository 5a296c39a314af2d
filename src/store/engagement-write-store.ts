import { sql } from 'kysely'
import { type EngagementDraft, type EngagementTiming, structureProblems } from '../domain/engagement.ts'
import { dayNumber, timingEndMillis, timingProblems, timingStartMillis } from '../domain/engagement-time.ts'
import { type FieldProblem, invalidInput } from '../domain/errors.ts'
import { clearanceProblems } from '../domain/marking-authority.ts'
import type { Principal } from '../domain/principal.ts'
import { isVisibleEngagement } from './engagement-store.ts'
import type { Executor } from './executor.ts'
import { encodeSet } from './list-column.ts'
import { markingToColumns } from './marking-columns.ts'
import { existingCountries, existingPriorityAreas } from './reference-store.ts'
import { expectWritten, removeVersioned } from './versioned-row.ts'
import { visibleTo } from './visibility.ts'

/**
 * The engagement's rows. Every function runs on the executor it is given (the command's
 * transaction) and opens none itself; the command checks, writes and audits in one transaction.
 */

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

/**
 * Refuses (400, every problem at once) a draft that breaks the engagement's rules, is marked above
 * the writer's clearance, or names what does not exist for this writer.
 */
export async function checkEngagementDraft(
  executor: Executor,
  principal: Principal,
  draft: EngagementDraft,
  id: string | undefined,
): Promise<void> {
  const problems = [
    ...timingProblems(draft.timing),
    ...structureProblems({ ...draft, ...(id === undefined ? {} : { id }) }),
    ...clearanceProblems(principal, [
      draft.marking,
      ...draft.participants.flatMap((p) => (p.marking === null ? [] : [p.marking])),
    ]),
    ...(await referenceProblems(executor, principal, draft, id)),
  ]
  if (problems.length > 0) {
    throw invalidInput('engagement', problems)
  }
}

/**
 * What the draft names that does not exist for this writer: countries, priority areas, and a
 * parent engagement the writer cannot see (which answers as one that does not exist).
 */
async function referenceProblems(
  executor: Executor,
  principal: Principal,
  draft: EngagementDraft,
  id: string | undefined,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = []
  const countries = await existingCountries(executor, [
    ...new Set([...draft.participants.map((p) => p.country), ...(draft.host === null ? [] : [draft.host])]),
  ])
  draft.participants.forEach((participant, index) => {
    if (!countries.has(participant.country)) {
      problems.push({
        pointer: `#/participants/${index}/country`,
        detail: `No country has the code ${participant.country}`,
      })
    }
  })
  if (draft.host !== null && !countries.has(draft.host)) {
    problems.push({ pointer: '#/host', detail: `No country has the code ${draft.host}` })
  }
  const areas = await existingPriorityAreas(executor, draft.priorityAreas)
  draft.priorityAreas.forEach((area, index) => {
    if (!areas.has(area)) {
      problems.push({ pointer: `#/priorityAreas/${index}`, detail: `No priority area has the id ${area}` })
    }
  })
  if (
    draft.parentId !== null &&
    draft.parentId !== id &&
    !(await isVisibleEngagement(executor, principal, draft.parentId))
  ) {
    problems.push({ pointer: '#/parentId', detail: `No engagement has the id ${draft.parentId}` })
  }
  return problems
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
  executor: Executor,
  engagementId: string,
  draft: EngagementDraft,
  firstPosition: number,
): Promise<void> {
  if (draft.participants.length === 0) {
    return
  }
  await executor
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

/** Stores a new engagement (version 1) with its participants. */
export async function insertEngagement(
  executor: Executor,
  id: string,
  draft: EngagementDraft,
  now: Date,
): Promise<void> {
  await executor
    .insertInto('engagement')
    .values({
      id,
      ...contentColumns(draft),
      version: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute()
  await insertParticipants(executor, id, draft, 0)
}

/**
 * Replaces an engagement's content when `expectedVersion` is still the stored one (checked in the
 * UPDATE itself, so two writers cannot both pass). Participants the writer cannot see are kept: an
 * edit never removes what its author could not know about. Returns the new version.
 */
export async function replaceEngagement(
  executor: Executor,
  principal: Principal,
  id: string,
  expectedVersion: number,
  draft: EngagementDraft,
  now: Date,
): Promise<number> {
  const result = await executor
    .updateTable('engagement')
    .set({ ...contentColumns(draft), version: expectedVersion + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  await expectWritten(
    executor,
    principal,
    { table: 'engagement', what: 'engagement', id },
    result.numUpdatedRows,
  )
  await executor
    .deleteFrom('engagement_participant as p')
    .where('p.engagement_id', '=', id)
    .where(visibleTo(principal, 'p'))
    .execute()
  const kept = await executor
    .selectFrom('engagement_participant')
    .select(sql<number | null>`max(position)`.as('last'))
    .where('engagement_id', '=', id)
    .executeTakeFirst()
  await insertParticipants(executor, id, draft, Number(kept?.last ?? -1) + 1)
  return expectedVersion + 1
}

/** How many sideline meetings and statements hang off the engagement, seen or not: they block a delete. */
export async function countEngagementDependants(executor: Executor, id: string): Promise<number> {
  const sidelines = await executor
    .selectFrom('engagement as e')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('e.parent_id', '=', id)
    .executeTakeFirst()
  const statements = await executor
    .selectFrom('engagement_statement as s')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('s.engagement_id', '=', id)
    .executeTakeFirst()
  return Number(sidelines?.n ?? 0) + Number(statements?.n ?? 0)
}

/** Deletes the engagement when `expectedVersion` is still the stored one. */
export async function removeEngagement(
  executor: Executor,
  principal: Principal,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await removeVersioned(executor, principal, { table: 'engagement', what: 'engagement', id }, expectedVersion)
}
